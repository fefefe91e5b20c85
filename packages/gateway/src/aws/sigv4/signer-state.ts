import type { AwsV4Signer } from 'aws4fetch';
import { LRUCache } from 'lru-cache';
import type { AwsCredentials } from '../credentials.ts';

/**
 * Derived signing keys kept per credential set, as aws4fetch caches them
 * (keyed by secret, date, region, service). One cache per credential set, so
 * a handful of entries is plenty; the bound keeps memory flat for long-lived
 * static keys (one new key per day and scope).
 */
const MAX_SIGNING_KEYS = 8;
/** Templates kept for one second: one per backend (URL, method, headers) in practice. */
const MAX_TEMPLATES = 64;

/**
 * Per credential set: the derived-key cache, and the signers of the current
 * second. aws4fetch's constructor does all of SigV4's canonicalisation of the
 * URL and headers (parsing, encoding, sorting: the larger part of a signature's
 * cost); for one backend that result only changes with `X-Amz-Date`, which has
 * one-second resolution. So the first request of a second builds a real signer
 * as a template, and the others sign through `Object.create(template)` with
 * their own headers and body: aws4fetch's own methods then compute the body
 * hash, the canonical request and the signature for each request. The
 * templates are dropped when the second changes (and capped), so this holds at
 * most one signer per backend.
 */
export interface CredentialState {
  /**
   * aws4fetch types its cache as a Map but only calls `get` and `set`; an LRU
   * cache with the same two methods stands in (see credentialState).
   */
  readonly keys: Map<string, ArrayBuffer>;
  /** The `X-Amz-Date` the templates were built for. */
  datetime: string;
  readonly templates: Map<string, AwsV4Signer>;
}

/** Keyed by the credentials object, so rotated credentials are collected with their keys and templates. */
const states = new WeakMap<AwsCredentials, CredentialState>();

/** The state of `credentials`, with the templates dropped when `datetime` is not theirs (or there are too many). */
export function credentialState(credentials: AwsCredentials, datetime: string): CredentialState {
  let state = states.get(credentials);
  if (!state) {
    const keys = new LRUCache<string, ArrayBuffer>({ max: MAX_SIGNING_KEYS });
    state = { keys: keys as unknown as Map<string, ArrayBuffer>, datetime, templates: new Map() };
    states.set(credentials, state);
  } else if (state.datetime !== datetime || state.templates.size >= MAX_TEMPLATES) {
    state.datetime = datetime;
    state.templates.clear();
  }
  return state;
}

let lastSecond = -1;
let lastAmzDate = '';

/** `X-Amz-Date` for now, exactly as aws4fetch formats it; formatted once per second. */
export function amzDate(): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastAmzDate = new Date(second * 1000).toISOString().replace(/[:-]|\.\d{3}/g, '');
  }
  return lastAmzDate;
}

/** Everything besides the date, credentials and body that aws4fetch's constructor reads: two requests with the same key share a template. */
export function templateKey(
  scope: { service: string; region: string },
  request: { url: string; method: string; headers: Headers | Record<string, string> },
): string {
  // A caller that signs with one header record per backend (Invoke does) gets its key back
  // without rebuilding it; the record must not change after its first signature.
  const reused = request.headers instanceof Headers ? undefined : keysByRecord.get(request.headers);
  if (reused && reused.url === request.url && reused.method === request.method && reused.service === scope.service && reused.region === scope.region) {
    return reused.key;
  }
  const key = buildTemplateKey(scope, request);
  if (!(request.headers instanceof Headers)) keysByRecord.set(request.headers, { url: request.url, method: request.method, ...scope, key });
  return key;
}

const keysByRecord = new WeakMap<Record<string, string>, { url: string; method: string; service: string; region: string; key: string }>();

function buildTemplateKey(
  scope: { service: string; region: string },
  request: { url: string; method: string; headers: Headers | Record<string, string> },
): string {
  let key = `${scope.service}\n${scope.region}\n${request.method}\n${request.url}`;
  if (request.headers instanceof Headers) for (const [name, value] of request.headers) key += `\n${name}:${value}`;
  else for (const name of Object.keys(request.headers)) key += `\n${name.toLowerCase()}:${request.headers[name]}`;
  return key;
}
