import { createHash, createHmac } from 'node:crypto';
import { AwsV4Signer } from 'aws4fetch';
import { describe, expect, it } from 'vitest';
import { rememberBodySha256, rememberedBodySha256 } from './known-body-hash.ts';
import { SyncCryptoSigner, type SigV4Crypto, type SignerInit } from './sync-crypto-signer.ts';

const crypto: SigV4Crypto = {
  sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
  hmacSha256: (key, data) => createHmac('sha256', key).update(data).digest(),
  hmacSha256Hex: (key, data) => createHmac('sha256', key).update(data).digest('hex'),
};

const init: SignerInit = {
  url: 'https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/f/invocations',
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' },
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'secret',
  service: 'lambda',
  region: 'us-east-1',
  datetime: '20260101T000000Z',
};

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('a body hash recorded before signing', () => {
  it('signs exactly as hashing the body would, and as aws4fetch does, with no extra header', async () => {
    const body = new TextEncoder().encode('{"pad":"' + 'x'.repeat(200_000) + '"}');
    rememberBodySha256(body, sha256Hex(body));
    const template = new SyncCryptoSigner({ ...init, cache: new Map() }, crypto);
    const signed = await template.signBody(body);
    const reference = await new AwsV4Signer({ ...init, body, cache: new Map() }).sign();
    expect([...signed]).toEqual([...reference.headers]);
    expect(signed.has('x-amz-content-sha256')).toBe(false);
  });

  it('is what the signer uses (a different record changes the signature), for that buffer only', async () => {
    const body = new TextEncoder().encode('{"k":"v"}');
    const copy = body.slice();
    const template = new SyncCryptoSigner({ ...init, cache: new Map() }, crypto);
    const honest = (await template.signBody(body)).get('authorization');
    rememberBodySha256(body, sha256Hex(new TextEncoder().encode('other')));
    expect((await template.signBody(body)).get('authorization')).not.toBe(honest);
    expect(rememberedBodySha256(copy)).toBeUndefined();
    expect((await template.signBody(copy)).get('authorization')).toBe(honest);
    expect(rememberedBodySha256('{"k":"v"}')).toBeUndefined();
  });
});
