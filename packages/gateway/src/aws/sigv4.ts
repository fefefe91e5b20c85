import { AwsV4Signer } from 'aws4fetch';
import type { AwsCredentials } from './credentials.ts';
import { amzDate, credentialState, templateKey } from './sigv4/signer-state.ts';
import { SyncCryptoSigner, type SigV4Crypto, type SignerInit } from './sigv4/sync-crypto-signer.ts';

export type { SigV4Crypto } from './sigv4/sync-crypto-signer.ts';
export { verifySigV4Crypto } from './sigv4/sync-crypto-signer.ts';
export { HeaderList, headerPairs } from './header-list.ts';
export { rememberBodySha256 } from './sigv4/known-body-hash.ts';

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
 * SigV4Crypto); without it, WebCrypto as in aws4fetch. Signers are built once
 * per second and backend and reused (see CredentialState).
 */
export async function signRequest(
  credentials: AwsCredentials,
  scope: { service: string; region: string },
  request: { url: string; method: string; headers: Headers | Record<string, string>; body: Uint8Array | string },
  crypto?: SigV4Crypto,
): Promise<Headers> {
  const datetime = amzDate();
  const state = credentialState(credentials, datetime);
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
  if (template instanceof SyncCryptoSigner) return template.signBody(request.body);
  const signer = Object.create(template) as AwsV4Signer;
  // Own copies of what `sign()` writes or reads per request; the rest is the template's.
  signer.headers = new Headers(template.headers);
  // Hashed as-is: aws4fetch accepts strings and ArrayBuffer views.
  signer.body = request.body as Uint8Array<ArrayBuffer> | string;
  return (await signer.sign()).headers;
}
