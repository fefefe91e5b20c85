import { AwsV4Signer } from 'aws4fetch';
import type { AwsCredentials } from '../credentials/index.ts';

/**
 * Synchronous SHA-256 and HMAC-SHA256, for runtimes that have them (Node's
 * `node:crypto`). Without them aws4fetch uses WebCrypto, whose every call is an
 * asynchronous job: on Node that is three thread-pool round trips per signature,
 * about 0.35 ms of latency and most of the gateway's CPU per request.
 */
export interface SigV4Crypto {
  /** Lower-case hex SHA-256 of UTF-8 text or bytes. */
  sha256Hex(data: string | Uint8Array): string;
  /** HMAC-SHA256 of UTF-8 `data` under `key` (UTF-8 text or raw bytes). */
  hmacSha256(key: string | Uint8Array, data: string): Uint8Array;
  /** The same, as lower-case hex (the final signature). */
  hmacSha256Hex(key: string | Uint8Array, data: string): string;
}

/**
 * Derived signing keys, as aws4fetch caches them (keyed by secret, date, region,
 * service). One cache per credential set, so a handful of entries is plenty;
 * clearing past that keeps memory flat for long-lived static keys (one new key
 * per day and scope).
 */
class BoundedKeyCache<K, V> extends Map<K, V> {
  override set(key: K, value: V): this {
    if (this.size >= 8 && !this.has(key)) this.clear();
    return super.set(key, value);
  }
}

type SignerInit = ConstructorParameters<typeof AwsV4Signer>[0];

/**
 * aws4fetch's signer with its three hashing steps done by synchronous
 * primitives. Everything SigV4 is particular about (path encoding, query
 * sorting, header canonicalisation, which headers are signed, the session
 * token, the key cache and its key) stays aws4fetch's: only where the bytes
 * are hashed changes. The steps mirror aws4fetch 1.0.20 line for line; a unit
 * test checks that both produce identical headers.
 *
 * `sigv4Crypto` is a plain property, not a `#private` field: per-request
 * signers are created with `Object.create(template)` (see signRequest), and
 * private fields are not reachable through the prototype chain.
 */
class SyncCryptoSigner extends AwsV4Signer {
  readonly sigv4Crypto: SigV4Crypto;

  constructor(init: SignerInit, crypto: SigV4Crypto) {
    super(init);
    this.sigv4Crypto = crypto;
  }

  override async hexBodyHash(): Promise<string> {
    const declared = this.headers.get('X-Amz-Content-Sha256');
    if (declared !== null) return declared;
    const body = this.body as Uint8Array | string | null | undefined;
    return this.sigv4Crypto.sha256Hex(body ?? '');
  }

  override async stringToSign(): Promise<string> {
    return ['AWS4-HMAC-SHA256', this.datetime, this.credentialString, this.sigv4Crypto.sha256Hex(await this.canonicalString())].join('\n');
  }

  override async signature(): Promise<string> {
    const date = this.datetime.slice(0, 8);
    const cacheKey = [this.secretAccessKey, date, this.region, this.service].join();
    let kCredentials = this.cache.get(cacheKey);
    if (!kCredentials) {
      const kDate = this.sigv4Crypto.hmacSha256(`AWS4${this.secretAccessKey}`, date);
      const kRegion = this.sigv4Crypto.hmacSha256(kDate, this.region);
      const kService = this.sigv4Crypto.hmacSha256(kRegion, this.service);
      kCredentials = toArrayBuffer(this.sigv4Crypto.hmacSha256(kService, 'aws4_request'));
      this.cache.set(cacheKey, kCredentials);
    }
    return this.sigv4Crypto.hmacSha256Hex(new Uint8Array(kCredentials), await this.stringToSign());
  }
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

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
 * most one signer per backend. A WeakMap keyed by the credentials object lets
 * rotated credentials be collected with their caches.
 */
interface CredentialState {
  keys: Map<string, ArrayBuffer>;
  datetime: string;
  templates: Map<string, AwsV4Signer>;
}
const states = new WeakMap<AwsCredentials, CredentialState>();
const MAX_TEMPLATES = 64;

function stateFor(credentials: AwsCredentials): CredentialState {
  let state = states.get(credentials);
  if (!state) {
    state = { keys: new BoundedKeyCache(), datetime: '', templates: new Map() };
    states.set(credentials, state);
  }
  return state;
}

/** `X-Amz-Date` for now, exactly as aws4fetch formats it; formatted once per second. */
let lastSecond = -1;
let lastAmzDate = '';
function amzDate(): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastAmzDate = new Date(second * 1000).toISOString().replace(/[:-]|\.\d{3}/g, '');
  }
  return lastAmzDate;
}

/** Everything besides the date, credentials and body that aws4fetch's constructor reads. */
function templateKey(scope: { service: string; region: string }, request: { url: string; method: string; headers: Headers | Record<string, string> }): string {
  let key = `${scope.service}\n${scope.region}\n${request.method}\n${request.url}`;
  if (request.headers instanceof Headers) for (const [name, value] of request.headers) key += `\n${name}:${value}`;
  else for (const name of Object.keys(request.headers)) key += `\n${name.toLowerCase()}:${request.headers[name]}`;
  return key;
}

/**
 * SigV4-signs a request with aws4fetch's `AwsV4Signer` and returns the headers
 * to send (the caller's headers plus `Authorization`, `X-Amz-Date` and
 * `X-Amz-Security-Token`).
 *
 * The signer is used directly, not through `AwsClient`: `AwsClient.sign` builds
 * two `Request` objects (copying the body) only for us to read the headers back,
 * and the gateway never uses `AwsClient.fetch`, so aws4fetch's retries (default
 * 10, which could invoke a function many times) never run: the gateway sends
 * each invocation exactly once (`retries: 0` in effect).
 *
 * `service` and `region` are always explicit: aws4fetch cannot guess them for
 * non-AWS hosts (local endpoints). With `crypto`, hashing is synchronous (see
 * SigV4Crypto); without it, WebCrypto as in aws4fetch.
 */
export async function signRequest(
  credentials: AwsCredentials,
  scope: { service: string; region: string },
  request: { url: string; method: string; headers: Headers | Record<string, string>; body: Uint8Array | string },
  crypto?: SigV4Crypto,
): Promise<Headers> {
  const state = stateFor(credentials);
  const datetime = amzDate();
  if (state.datetime !== datetime || state.templates.size >= MAX_TEMPLATES) {
    state.datetime = datetime;
    state.templates.clear();
  }
  // Which primitives hash is part of the template: a runtime uses one or the other, tests use both.
  const key = `${crypto ? 'sync' : 'webcrypto'}\n${templateKey(scope, request)}`;
  let template = state.templates.get(key);
  if (!template) {
    const init: SignerInit = {
      url: request.url,
      method: request.method,
      headers: request.headers,
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      service: scope.service,
      region: scope.region,
      cache: state.keys,
      datetime,
    };
    template = crypto ? new SyncCryptoSigner(init, crypto) : new AwsV4Signer(init);
    state.templates.set(key, template);
  }
  const signer = Object.create(template) as AwsV4Signer;
  // Own copies of what `sign()` writes or reads per request; the rest is the template's.
  signer.headers = new Headers(template.headers);
  // Hashed as-is: aws4fetch accepts strings and ArrayBuffer views.
  signer.body = request.body as Uint8Array<ArrayBuffer> | string;
  return (await signer.sign()).headers;
}

/**
 * Start-up self-check for the synchronous-hashing signer: signs fixed requests
 * (with and without a session token, with a query and a body) both ways and
 * throws if the headers differ by a byte. SyncCryptoSigner overrides methods of
 * aws4fetch's signer, so an aws4fetch release that changed them must stop the
 * gateway at start rather than fail every request with a 403 (aws4fetch is
 * also pinned to an exact version in package.json).
 */
export async function verifySigV4Crypto(crypto: SigV4Crypto): Promise<void> {
  const cases: SignerInit[] = [
    { url: 'https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Af/invocations?Qualifier=live', method: 'POST', headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' }, body: '{"k":"v"}', accessKeyId: 'AKIDSELFCHECK', secretAccessKey: 'self/check/secret', service: 'lambda', region: 'us-east-1', datetime: '20260101T000000Z' },
    { url: 'https://sts.eu-west-1.amazonaws.com/', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=AssumeRole&Version=2011-06-15', accessKeyId: 'ASIASELFCHECK', secretAccessKey: 'self/check/secret2', sessionToken: 'session-token', service: 'sts', region: 'eu-west-1', datetime: '20260101T000000Z' },
  ];
  for (const init of cases) {
    const reference = await new AwsV4Signer({ ...init, cache: new Map() }).sign();
    const fast = await new SyncCryptoSigner({ ...init, cache: new Map() }, crypto).sign();
    const a = JSON.stringify([...reference.headers]);
    const b = JSON.stringify([...fast.headers]);
    if (a !== b) throw new Error(`SigV4 self-check failed for ${init.service}: the synchronous signer disagrees with aws4fetch (was aws4fetch upgraded?)`);
  }
}
