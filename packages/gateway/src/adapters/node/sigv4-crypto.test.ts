import { AwsV4Signer } from 'aws4fetch';
import { describe, expect, it } from 'vitest';
import { signRequest, verifySigV4Crypto } from '../../invoke/index.ts';
import { nodeSigV4Crypto } from './sigv4-crypto.ts';

const ARN_URL = 'https://lambda.us-west-2.amazonaws.com/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-west-2%3A222222222222%3Afunction%3Aecho/invocations';

const cases: Array<{ name: string; url: string; service: string; region: string; body: Uint8Array | string; sessionToken?: string }> = [
  {
    name: 'cross-account ARN path, JSON body',
    url: ARN_URL,
    service: 'lambda',
    region: 'us-west-2',
    body: new TextEncoder().encode('{"key1":"value1","ü":"✓"}'),
  },
  {
    name: 'qualifier query, session token',
    url: `${ARN_URL}?Qualifier=live`,
    service: 'lambda',
    region: 'us-west-2',
    body: new TextEncoder().encode('{}'),
    sessionToken: 'FwoGZXIvYXdzE//token+/=',
  },
  {
    name: 'empty body, local endpoint',
    url: 'http://127.0.0.1:4566/2015-03-31/functions/echo/invocations',
    service: 'lambda',
    region: 'eu-central-1',
    body: new Uint8Array(0),
  },
  {
    name: 'STS form body as a string',
    url: 'https://sts.us-east-1.amazonaws.com/',
    service: 'sts',
    region: 'us-east-1',
    body: 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr',
  },
  { name: '1 MB body', url: ARN_URL, service: 'lambda', region: 'us-west-2', body: new Uint8Array(1024 * 1024).fill(0x61) },
];

describe('signRequest with node:crypto', () => {
  it.each(cases)('produces exactly the headers plain aws4fetch (WebCrypto) produces: $name', async ({ url, service, region, body, sessionToken }) => {
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken };
    const headers = new Headers({ 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' });
    const fast = await signRequest(credentials, { service, region }, { url, method: 'POST', headers, body }, nodeSigV4Crypto);
    // The reference: aws4fetch alone, at the same instant.
    const reference = await new AwsV4Signer({
      url,
      method: 'POST',
      headers,
      body: body as Uint8Array<ArrayBuffer> | string,
      ...credentials,
      service,
      region,
      datetime: fast.get('x-amz-date') ?? '',
    }).sign();
    expect([...fast]).toEqual([...reference.headers]);
    expect(fast.get('authorization')).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/[a-z0-9-]+\/[a-z]+\/aws4_request, SignedHeaders=host;x-amz-date;/,
    );
    // The caller's headers are not modified.
    expect([...headers]).toEqual([
      ['content-type', 'application/json'],
      ['x-amz-invocation-type', 'RequestResponse'],
    ]);
  });

  it('reuses the derived key: the second signature for the same credentials and day agrees too', async () => {
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
    const request = { url: ARN_URL, method: 'POST', headers: new Headers({ 'content-type': 'application/json' }), body: '{}' };
    for (let i = 0; i < 2; i++) {
      const fast = await signRequest(credentials, { service: 'lambda', region: 'us-west-2' }, request, nodeSigV4Crypto);
      const reference = await new AwsV4Signer({
        ...request,
        ...credentials,
        service: 'lambda',
        region: 'us-west-2',
        datetime: fast.get('x-amz-date') ?? '',
      }).sign();
      expect(fast.get('authorization')).toBe(reference.headers.get('authorization'));
    }
  });

  it('signs many requests per second (shared per-second template) each exactly as a fresh aws4fetch signer would', async () => {
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' };
    const signed: Array<{ headers: Headers; url: string; body: string; region: string }> = [];
    for (let i = 0; i < 20; i++) {
      const url = i % 3 === 0 ? `${ARN_URL}?Qualifier=v${i}` : ARN_URL;
      const region = i % 2 === 0 ? 'us-west-2' : 'eu-west-1';
      const body = `{"n":${i}}`;
      const headers = { 'content-type': 'application/json', 'x-amz-invocation-type': i % 4 === 0 ? 'Event' : 'RequestResponse' };
      signed.push({
        headers: await signRequest(credentials, { service: 'lambda', region }, { url, method: 'POST', headers, body }, nodeSigV4Crypto),
        url,
        body,
        region,
      });
    }
    for (const [i, { headers, url, body, region }] of signed.entries()) {
      const reference = await new AwsV4Signer({
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-amz-invocation-type': i % 4 === 0 ? 'Event' : 'RequestResponse' },
        body,
        ...credentials,
        service: 'lambda',
        region,
        datetime: headers.get('x-amz-date') ?? '',
      }).sign();
      expect([...headers]).toEqual([...reference.headers]);
    }
  });

  it('signs the same way without synchronous crypto (WebCrypto, as in workers)', async () => {
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
    const request = { url: ARN_URL, method: 'POST', headers: new Headers({ 'content-type': 'application/json' }), body: new TextEncoder().encode('{"a":1}') };
    const viaWebCrypto = await signRequest(credentials, { service: 'lambda', region: 'us-west-2' }, request);
    const reference = await new AwsV4Signer({
      ...request,
      body: request.body as Uint8Array<ArrayBuffer>,
      ...credentials,
      service: 'lambda',
      region: 'us-west-2',
      datetime: viaWebCrypto.get('x-amz-date') ?? '',
    }).sign();
    expect([...viaWebCrypto]).toEqual([...reference.headers]);
  });

  it('matches the AWS SigV4 test suite signature (get-vanilla-style, fixed date)', () => {
    // kSigning for the AWS documentation example key, date 20150830, us-east-1, iam.
    const kDate = nodeSigV4Crypto.hmacSha256('AWS4wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20150830');
    const kRegion = nodeSigV4Crypto.hmacSha256(kDate, 'us-east-1');
    const kService = nodeSigV4Crypto.hmacSha256(kRegion, 'iam');
    const kSigning = nodeSigV4Crypto.hmacSha256(kService, 'aws4_request');
    expect(Buffer.from(kSigning).toString('hex')).toBe('c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9');
    expect(nodeSigV4Crypto.sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('start-up self-check passes with node:crypto and fails loudly for a signer that hashes differently', async () => {
    await expect(verifySigV4Crypto(nodeSigV4Crypto)).resolves.toBeUndefined();
    const broken = { ...nodeSigV4Crypto, sha256Hex: (data: string | Uint8Array) => nodeSigV4Crypto.sha256Hex(typeof data === 'string' ? `${data} ` : data) };
    await expect(verifySigV4Crypto(broken)).rejects.toThrow('SigV4 self-check failed for lambda');
  });
});
