import { AwsV4Signer } from 'aws4fetch';
import { rememberedBodySha256 } from './known-body-hash.ts';
import { HeaderList } from '../header-list.ts';

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

export type SignerInit = ConstructorParameters<typeof AwsV4Signer>[0];

/**
 * aws4fetch's signer with its three hashing steps done by synchronous
 * primitives. Everything SigV4 is particular about (path encoding, query
 * sorting, header canonicalisation, which headers are signed, the session
 * token, the key cache and its key) stays aws4fetch's: only where the bytes
 * are hashed changes. The steps mirror aws4fetch 1.0.20 line for line; a unit
 * test and verifySigV4Crypto check that both produce identical headers.
 *
 * `sigv4Crypto` is a plain property, not a `#private` field: per-request
 * signers are created with `Object.create(template)` (see signRequest), and
 * private fields are not reachable through the prototype chain.
 */
export class SyncCryptoSigner extends AwsV4Signer {
  readonly sigv4Crypto: SigV4Crypto;
  #fixed: FixedParts | undefined;

  constructor(init: SignerInit, crypto: SigV4Crypto) {
    super(init);
    this.sigv4Crypto = crypto;
  }

  /**
   * The headers `sign()` would return for this signer with `body` instead of
   * its own, without running `sign()`: of a signature only the body hash
   * changes between requests to one backend within one second, so the rest of
   * aws4fetch's canonical request, its string to sign and its Authorization
   * value are taken from aws4fetch once (see fixedParts) and only the body is
   * hashed per request. Does not modify this signer (a template).
   */
  async signBody(body: Uint8Array | string): Promise<Headers> {
    this.#fixed ??= await this.#fixedParts();
    const fixed = this.#fixed;
    // A digest taken while the body arrived (known-body-hash.ts) is the same one, already done.
    const bodyHash = fixed.declaredBodyHash ?? rememberedBodySha256(body) ?? this.sigv4Crypto.sha256Hex(body);
    const stringToSign = fixed.stringToSignPrefix + this.sigv4Crypto.sha256Hex(fixed.canonicalPrefix + bodyHash);
    // The template's headers as a list, plus this request's Authorization (see HeaderList).
    const pairs = fixed.headerPairs.slice();
    pairs.push('authorization', fixed.authorizationPrefix + this.sigv4Crypto.hmacSha256Hex(fixed.signingKey, stringToSign));
    return new HeaderList(pairs) as unknown as Headers;
  }

  /**
   * aws4fetch's own canonical request, string to sign and Authorization
   * header, computed with a marker for the body hash and for the signature,
   * and cut at the markers; the self-check (verifySigV4Crypto) and the unit
   * tests compare the result with aws4fetch's signing of the same request.
   */
  async #fixedParts(): Promise<FixedParts> {
    const probe = Object.create(this) as SyncCryptoSigner;
    probe.headers = new Headers(this.headers);
    const declaredBodyHash = probe.headers.get('X-Amz-Content-Sha256');
    probe.hexBodyHash = async () => BODY_HASH_MARKER;
    const canonical = await probe.canonicalString();
    if (!canonical.endsWith(`\n${BODY_HASH_MARKER}`)) throw new Error('SigV4: unexpected canonical request layout (was aws4fetch upgraded?)');
    const stringToSignPrefix = ['AWS4-HMAC-SHA256', this.datetime, this.credentialString, ''].join('\n');
    probe.signature = async () => SIGNATURE_MARKER;
    const authorization = await probe.authHeader();
    if (!authorization.endsWith(SIGNATURE_MARKER)) throw new Error('SigV4: unexpected Authorization layout (was aws4fetch upgraded?)');
    const headerPairs: string[] = [];
    for (const [name, value] of new Headers(this.headers)) if (name !== 'authorization') headerPairs.push(name, value);
    return {
      headerPairs,
      canonicalPrefix: canonical.slice(0, -BODY_HASH_MARKER.length),
      declaredBodyHash,
      stringToSignPrefix,
      signingKey: new Uint8Array(this.signingKey()),
      authorizationPrefix: authorization.slice(0, -SIGNATURE_MARKER.length),
    };
  }

  /** The derived key (kSigning) from the cache, derived and cached on a miss: aws4fetch's steps and cache key. */
  signingKey(): ArrayBuffer {
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
    return kCredentials;
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
    return this.sigv4Crypto.hmacSha256Hex(new Uint8Array(this.signingKey()), await this.stringToSign());
  }
}

/** What signBody reuses: everything but the body hash and the final HMAC. */
interface FixedParts {
  /** The headers sent besides Authorization, as Headers lists them (lower-case, sorted). */
  headerPairs: readonly string[];
  /** The canonical request up to its last line, the body hash. */
  canonicalPrefix: string;
  /** A declared `X-Amz-Content-Sha256` (used as the body hash, as aws4fetch does), else null. */
  declaredBodyHash: string | null;
  /** Algorithm, date and scope lines, each followed by a newline. */
  stringToSignPrefix: string;
  signingKey: Uint8Array;
  /** `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=`. */
  authorizationPrefix: string;
}

/** Stand-ins cut off again: no hex digest or signature can contain a space. */
const BODY_HASH_MARKER = ' body hash ';
const SIGNATURE_MARKER = ' signature ';

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
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
    {
      url: 'https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Af/invocations?Qualifier=live',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' },
      body: '{"k":"v"}',
      accessKeyId: 'AKIDSELFCHECK',
      secretAccessKey: 'self/check/secret',
      service: 'lambda',
      region: 'us-east-1',
      datetime: '20260101T000000Z',
    },
    {
      url: 'https://sts.eu-west-1.amazonaws.com/',
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=AssumeRole&Version=2011-06-15',
      accessKeyId: 'ASIASELFCHECK',
      secretAccessKey: 'self/check/secret2',
      sessionToken: 'session-token',
      service: 'sts',
      region: 'eu-west-1',
      datetime: '20260101T000000Z',
    },
  ];
  for (const init of cases) {
    const reference = await new AwsV4Signer({ ...init, cache: new Map() }).sign();
    const fast = await new SyncCryptoSigner({ ...init, cache: new Map() }, crypto).sign();
    const template = new SyncCryptoSigner({ ...init, body: 'another body', cache: new Map() }, crypto);
    const bodyOnly = await template.signBody(init.body as string);
    const a = JSON.stringify([...reference.headers]);
    const b = JSON.stringify([...fast.headers]);
    if (a !== b || JSON.stringify([...bodyOnly]) !== a)
      throw new Error(`SigV4 self-check failed for ${init.service}: the synchronous signer disagrees with aws4fetch (was aws4fetch upgraded?)`);
  }
}
