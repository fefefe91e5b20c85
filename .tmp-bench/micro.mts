import { AwsV4Signer, AwsClient } from 'aws4fetch';
import { signRequest } from '../src/invoke/signer.ts';
const creds = { accessKeyId: 'AKID', secretAccessKey: 'secret' };
const body = new TextEncoder().encode('{"key1":"value1","key2":"value2","pad":"' + 'x'.repeat(58) + '"}');
const url = 'http://127.0.0.1:1234/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A222222222222%3Afunction%3Aecho/invocations';
async function time(name: string, n: number, f: () => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await f();
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await f();
  console.log(name, (Number(process.hrtime.bigint() - t) / n / 1000).toFixed(1), 'µs');
}
await time('signRequest (AwsClient.sign)', 3000, () => signRequest(creds, { service: 'lambda', region: 'us-east-1' }, { url, method: 'POST', headers: new Headers({ 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' }), body }));
const cache = new Map();
await time('AwsV4Signer', 3000, () => new AwsV4Signer({ url, method: 'POST', headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' }, body, ...creds, service: 'lambda', region: 'us-east-1', cache }).sign());
await time('subtle.digest 100B', 3000, () => crypto.subtle.digest('SHA-256', body));
const key = new Uint8Array(32);
await time('importKey+sign', 3000, async () => { const k = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: { name: 'SHA-256' } }, false, ['sign']); return crypto.subtle.sign('HMAC', k, body); });
const big = new Uint8Array(1 << 20);
await time('subtle.digest 1MB', 200, () => crypto.subtle.digest('SHA-256', big));
const { createHash } = await import('node:crypto');
await time('node createHash 1MB', 200, async () => createHash('sha256').update(big).digest('hex'));
await time('AbortSignal.timeout+any', 10000, async () => AbortSignal.any([AbortSignal.timeout(30000), new AbortController().signal]));
await time('new Request(body)', 10000, async () => new Request(url, { method: 'POST', body }));
