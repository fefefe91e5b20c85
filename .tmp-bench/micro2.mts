import { signRequest } from '../src/invoke/signer.ts';
import { nodeSigV4Crypto } from '../src/node/sigv4-crypto.ts';
const creds = { accessKeyId: 'AKID', secretAccessKey: 'secret' };
const body = new TextEncoder().encode('{"key1":"value1","key2":"value2","pad":"' + 'x'.repeat(58) + '"}');
const url = 'http://127.0.0.1:1234/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A222222222222%3Afunction%3Aecho/invocations';
async function time(name: string, n: number, f: () => Promise<unknown>) {
  for (let i = 0; i < 500; i++) await f();
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await f();
  console.log(name, (Number(process.hrtime.bigint() - t) / n / 1000).toFixed(1), 'µs');
}
await time('signRequest webcrypto', 2000, () => signRequest(creds, { service: 'lambda', region: 'us-east-1' }, { url, method: 'POST', headers: new Headers({ 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' }), body }));
await time('signRequest node', 20000, () => signRequest(creds, { service: 'lambda', region: 'us-east-1' }, { url, method: 'POST', headers: new Headers({ 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' }), body }, nodeSigV4Crypto));
await time('manual abort', 20000, async () => { const c = new AbortController(); const t = setTimeout(() => c.abort(), 30000); const s = new AbortController().signal; const f = () => c.abort(); s.addEventListener('abort', f, { once: true }); clearTimeout(t); s.removeEventListener('abort', f); });
