/**
 * Per-backend `maxConcurrency` on the real Node server against the local AWS: over it
 * 503 Overloaded with Retry-After at once, before the body is read, and Node's own
 * HTTP client reads the answer while still sending a 1 MB body; other backends and
 * later requests are unaffected.
 */
import { request } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../../packages/local-aws/src/index.ts';
import { startGateway, type GatewayUnderTest } from '../support/stack.ts';

const SCENARIO = resolve(import.meta.dirname, '../fixtures/throttle-scenario.yaml');
const KEYS = { accessKey: 'AKIATHROTTLETEST0001', secretKey: 'throttleTestSecret/000000000000000000000', sessionToken: '' };
const BACKEND = { region: 'us-east-1', accountId: '111111111111', functionName: 'slow', auth: { type: 'secret', name: 'aws-creds' } };

let aws: LocalAws;
let gateway: GatewayUnderTest;
beforeAll(async () => {
  aws = await startLocalAws({ scenario: SCENARIO });
  gateway = await startGateway({
    aws,
    secrets: { 'aws-creds': KEYS },
    config: JSON.stringify({
      backends: { limited: { ...BACKEND, maxConcurrency: 2 }, open: BACKEND },
      routes: [
        { name: 'limited', matches: [{ path: { type: 'PathPrefix', value: '/limited' } }], backend: 'limited' },
        { name: 'open', matches: [{ path: { type: 'PathPrefix', value: '/open' } }], backend: 'open' },
      ],
    }),
  });
});
afterAll(async () => {
  await gateway?.close();
  await aws?.close();
});

const sleep = (path: string, ms: number) => fetch(`${gateway.url}${path}`, { method: 'POST', body: JSON.stringify({ ms }) });

/** A POST with `bytes` of body through node:http; resolves with what the client read (or its error). */
function postLarge(path: string, bytes: number): Promise<{ status: number; headers: Record<string, unknown>; body: string } | { error: string }> {
  return new Promise((done) => {
    const outgoing = request(`${gateway.url}${path}`, { method: 'POST', headers: { 'content-length': bytes } }, (incoming) => {
      let body = '';
      incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
      incoming.on('end', () => done({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }));
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => done({ error: error.code ?? error.message }));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    for (let sent = 0; sent < bytes; sent += chunk.length) outgoing.write(chunk.subarray(0, Math.min(chunk.length, bytes - sent)));
    outgoing.end();
  });
}

describe('per-backend maxConcurrency', () => {
  it('sheds the request over the limit with 503 Overloaded + Retry-After before reading its body; others are served', async () => {
    const busy = [sleep('/limited', 2_500), sleep('/limited', 2_500)];
    // Both have reached the function (generous: a loaded machine).
    for (let waited = 0; aws.invocations('slow').length < 2 && waited < 2_000; waited += 50) await new Promise((done) => setTimeout(done, 50));
    expect(aws.invocations('slow').length).toBe(2);

    const started = Date.now();
    const shed = await postLarge('/limited', 1024 * 1024);
    expect(shed).toMatchObject({ status: 503, headers: { 'retry-after': '1', 'content-type': 'application/json' } });
    if (!('body' in shed)) throw new Error(`the client saw ${shed.error}`);
    expect(JSON.parse(shed.body)).toMatchObject({
      error: 'Overloaded',
      message: 'backend limited is handling its limit of 2 requests',
      requestId: expect.any(String),
    });
    expect(Date.now() - started).toBeLessThan(2_000);

    // Another backend on the same function is not limited.
    expect((await sleep('/open', 0)).status).toBe(200);
    expect(aws.invocations('slow').length).toBe(3);
    for (const response of await Promise.all(busy)) expect(response.status).toBe(200);
    // The slots were given back.
    expect((await sleep('/limited', 0)).status).toBe(200);
  }, 30_000);
});
