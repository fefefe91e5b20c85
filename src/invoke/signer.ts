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

/**
 * One key cache per credential set. A WeakMap keyed by the credentials object
 * lets rotated credentials (and their derived keys) be collected.
 */
const keyCaches = new WeakMap<AwsCredentials, Map<string, ArrayBuffer>>();

function keyCacheFor(credentials: AwsCredentials): Map<string, ArrayBuffer> {
  let cache = keyCaches.get(credentials);
  if (!cache) {
    cache = new BoundedKeyCache();
    keyCaches.set(credentials, cache);
  }
  return cache;
}

type SignerInit = ConstructorParameters<typeof AwsV4Signer>[0];

/**
 * aws4fetch's signer with its three hashing steps done by synchronous
 * primitives. Everything SigV4 is particular about (path encoding, query
 * sorting, header canonicalisation, which headers are signed, the session
 * token, the key cache and its key) stays aws4fetch's: only where the bytes
 * are hashed changes. The steps mirror aws4fetch 1.0.20 line for line; a unit
 * test checks that both produce identical headers.
 */
class SyncCryptoSigner extends AwsV4Signer {
  readonly #crypto: SigV4Crypto;

  constructor(init: SignerInit, crypto: SigV4Crypto) {
    super(init);
    this.#crypto = crypto;
  }

  override async hexBodyHash(): Promise<string> {
    const declared = this.headers.get('X-Amz-Content-Sha256');
    if (declared !== null) return declared;
    const body = this.body as Uint8Array | string | null | undefined;
    return this.#crypto.sha256Hex(body ?? '');
  }

  override async stringToSign(): Promise<string> {
    return ['AWS4-HMAC-SHA256', this.datetime, this.credentialString, this.#crypto.sha256Hex(await this.canonicalString())].join('\n');
  }

  override async signature(): Promise<string> {
    const date = this.datetime.slice(0, 8);
    const cacheKey = [this.secretAccessKey, date, this.region, this.service].join();
    let kCredentials = this.cache.get(cacheKey);
    if (!kCredentials) {
      const kDate = this.#crypto.hmacSha256(`AWS4${this.secretAccessKey}`, date);
      const kRegion = this.#crypto.hmacSha256(kDate, this.region);
      const kService = this.#crypto.hmacSha256(kRegion, this.service);
      kCredentials = toArrayBuffer(this.#crypto.hmacSha256(kService, 'aws4_request'));
      this.cache.set(cacheKey, kCredentials);
    }
    return this.#crypto.hmacSha256Hex(new Uint8Array(kCredentials), await this.stringToSign());
  }
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
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
  const init: SignerInit = {
    url: request.url,
    method: request.method,
    headers: request.headers,
    // Hashed as-is: aws4fetch accepts strings and ArrayBuffer views.
    body: request.body as Uint8Array<ArrayBuffer> | string,
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken,
    service: scope.service,
    region: scope.region,
    cache: keyCacheFor(credentials),
  };
  const signer = crypto ? new SyncCryptoSigner(init, crypto) : new AwsV4Signer(init);
  return (await signer.sign()).headers;
}
