/**
 * Per-backend `maxConcurrency` for streams, on the real Node server against the local AWS:
 * a streamed response holds its backend's slot until its body ends — complete, failed
 * mid-stream or cut by the client — not just until its headers are sent. Both streaming
 * kinds: a ResponseStream backend (InvokeWithResponseStream) and a Function URL backend
 * in RESPONSE_STREAM mode.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../../packages/local-aws/src/index.ts';
import { eventually } from '../support/eventually.ts';
import { KEYS, secretOf, startGateway, type GatewayUnderTest } from '../support/stack.ts';
import { streamRequest } from '../support/stream-client.ts';

const fixture = (name: string) => resolve(import.meta.dirname, `../fixtures/${name}`);

let aws: LocalAws;
let urls: LocalAws;
let gateway: GatewayUnderTest;
beforeAll(async () => {
  aws = await startLocalAws({ scenario: fixture('streaming-scenario.yaml') });
  urls = await startLocalAws({ scenario: fixture('function-url-scenario.yaml') });
  const auth = { type: 'secret', name: 'aws-creds' };
  gateway = await startGateway({
    aws,
    secrets: { 'aws-creds': secretOf(KEYS.gateway) },
    config: JSON.stringify({
      backends: {
        stream: { region: 'us-east-1', accountId: '222222222222', functionName: 'stream', invocationMode: 'ResponseStream', maxConcurrency: 1, auth },
        url: { functionURL: urls.functionUrl('url-stream'), region: 'us-east-1', invocationMode: 'ResponseStream', maxConcurrency: 1, auth },
      },
      routes: [
        { name: 'stream', matches: [{ path: { type: 'PathPrefix', value: '/stream' } }], backend: 'stream' },
        { name: 'url', matches: [{ path: { type: 'PathPrefix', value: '/url' } }], backend: 'url' },
      ],
    }),
  });
}, 30_000);
afterAll(async () => {
  await gateway?.close();
  await urls?.close();
  await aws?.close();
});

const slow = { chunks: Array.from({ length: 8 }, (_, i) => `chunk ${i}\n`), delayMs: 150 };
const call = (path: string, options: object, client: { stopAfterBytes?: number } = {}) =>
  streamRequest(`${gateway.url}${path}`, JSON.stringify(options), client);

describe.each(['/stream', '/url'])('maxConcurrency: 1 for a streaming backend (%s)', (path) => {
  it('a stream holds the slot until its last byte: a request meanwhile is shed with 503, one after it is served', async () => {
    const first = call(path, slow);
    // The first stream has sent its headers and first chunk (the slot used to be given back here).
    await eventually(() => gateway.logs.some((line) => line.includes('"status":200') && line.includes(`"route":"${path.slice(1)}"`)));
    const shed = await call(path, { chunks: ['x'] });
    expect(shed.status).toBe(503);
    expect(JSON.parse(shed.body.toString())).toMatchObject({ error: 'Overloaded' });
    const done = await first;
    expect(done.outcome).toBe('complete');
    expect(done.body.toString()).toBe(slow.chunks.join(''));
    const after = await call(path, { chunks: ['after'] });
    expect(after.status).toBe(200);
    expect(after.body.toString()).toBe('after');
  }, 30_000);

  it('a stream that fails mid-way gives the slot back', async () => {
    const failed = await call(path, { chunks: ['a', 'b', 'c'], delayMs: 50, failAfter: 2 });
    expect(failed.outcome).toBe('failed');
    const after = await call(path, { chunks: ['after'] });
    expect(after.status).toBe(200);
  }, 30_000);

  it('a stream the client leaves gives the slot back', async () => {
    const before = gateway.logs.filter((line) => line.includes('ClientClosed')).length;
    const left = await call(path, { chunks: Array.from({ length: 40 }, (_, i) => `chunk ${i}\n`), delayMs: 100 }, { stopAfterBytes: 1 });
    expect(left.outcome).toBe('failed');
    await eventually(() => gateway.logs.filter((line) => line.includes('ClientClosed')).length > before);
    // Logged once: the read pending when the client left fails with the abort a moment later,
    // which used to log a second "stream failed" (BadRequest) for the same stream.
    const closed = gateway.logs.filter((line) => line.includes('ClientClosed')).at(-1)!;
    const { requestId } = JSON.parse(closed) as { requestId: string };
    await new Promise((done) => setTimeout(done, 400));
    expect(gateway.logs.filter((line) => line.includes('stream failed') && line.includes(requestId))).toHaveLength(1);
    const after = await call(path, { chunks: ['after'] });
    expect(after.status).toBe(200);
  }, 30_000);

  it('a HEAD request: the streamed body is dropped and cancelled, which gives the slot back', async () => {
    const ended = () => gateway.logs.filter((line) => line.includes('stream ended')).length;
    const before = ended();
    const head = await fetch(`${gateway.url}${path}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    // The unread body is cancelled (logged as discarded), which ends the stream and gives the slot back.
    await eventually(() => ended() > before);
    const after = await call(path, { chunks: ['after'] });
    expect(after.status).toBe(200);
  }, 30_000);
});
