import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../../packages/local-aws/src/index.ts';
import { eventually } from '../support/eventually.ts';
import type { RunningGateway, RuntimeUnderTest } from '../support/runtimes.ts';
import { KEYS, secretOf } from '../support/stack.ts';
import { streamRequest } from '../support/stream-client.ts';

const STREAMING_SCENARIO = resolve(import.meta.dirname, '../fixtures/streaming-scenario.yaml');

/** Bytes 0..255 repeating per 64 KiB piece: what the stream fixture writes for `binaryBytes`. */
function binaryPattern(length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = (i % (64 * 1024)) % 256;
  return out;
}

/**
 * Response streaming (ResponseStream backends) against one runtime: the same
 * scenarios on Node (streaming.node.test.ts) and in the worker (streaming.worker.test.ts).
 */
export function describeStreamingScenarios(runtime: RuntimeUnderTest): void {
  let aws: LocalAws;
  let gw: RunningGateway;

  beforeAll(async () => {
    aws = await startLocalAws({ scenario: STREAMING_SCENARIO });
    gw = await runtime.start({
      aws,
      config: await readFile(resolve(import.meta.dirname, '../fixtures/streaming-gateway.yaml'), 'utf8'),
      secrets: { 'aws-creds': secretOf(KEYS.gateway), 'no-identity-creds': secretOf(KEYS.noIdentityPolicy) },
    });
  }, 60_000);

  afterAll(async () => {
    await gw?.close();
    await aws?.close();
  });

  /**
   * How a stream cut off mid-way looks to the client. Node: a failed transfer (the
   * connection closes without the final chunk). Worker under miniflare: the worker errors
   * its response stream the same way, but miniflare's entry worker ends the proxied
   * response normally, so the client sees a complete (truncated) body; the gateway's log
   * still records the failure.
   */
  const cutOff = runtime.name === 'node' ? 'failed' : 'complete';

  const call = (path: string, event: unknown, options?: { stopAfterBytes?: number }) => streamRequest(`${gw.url}${path}`, JSON.stringify(event), options);

  describe(`response streaming (${runtime.name})`, () => {
    it('chunks reach the client before the function has finished', async () => {
      const response = await call('/stream', { chunks: ['one\n', 'two\n', 'three\n'], delayMs: 700, contentType: 'text/plain' });
      expect(response.status).toBe(200);
      expect(response.outcome).toBe('complete');
      expect(response.headers['content-type']).toBe('text/plain');
      expect(response.body.toString()).toBe('one\ntwo\nthree\n');
      // The first chunk came while the function still had two 700 ms waits ahead of it.
      const firstAt = response.chunks[0]!.at;
      expect(response.finishedAt - firstAt).toBeGreaterThan(900);
      expect(response.chunks.length).toBeGreaterThanOrEqual(3);
    });

    it('sends binary streams byte for byte', async () => {
      const response = await call('/stream', { binaryBytes: 1_000_000 });
      expect(response.outcome).toBe('complete');
      expect(response.headers['content-type']).toBe('application/octet-stream');
      expect(response.body.equals(binaryPattern(1_000_000))).toBe(true);
    });

    it('maps the HTTP prelude: status, headers and one Set-Cookie per cookie', async () => {
      const http = {
        statusCode: 201,
        headers: { 'content-type': 'text/event-stream', 'x-stream': 'yes', 'content-length': '999' },
        cookies: ['a=1; Path=/', 'b=2'],
      };
      const response = await call('/stream', { http, chunks: ['data: 1\n\n', 'data: 2\n\n'] });
      expect(response.status).toBe(201);
      expect(response.headers['content-type']).toBe('text/event-stream');
      expect(response.headers['x-stream']).toBe('yes');
      expect(response.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2']);
      // The function's content-length is not the stream's framing.
      expect(response.headers['content-length']).toBeUndefined();
      expect(response.body.toString()).toBe('data: 1\n\ndata: 2\n\n');
    });

    it('apigateway-v2: the function gets the 2.0 event and answers with the prelude', async () => {
      const response = await call('/v2/some/path', { chunks: ['x', 'y'] });
      expect(response.status).toBe(200);
      expect(response.headers['x-path']).toBe('/v2/some/path');
      expect(response.body.toString()).toBe('xy');
    });

    it('a mid-stream error is a failed transfer: the response ends without its final chunk', async () => {
      const response = await call('/stream', { chunks: ['first ', 'second ', 'third'], delayMs: 100, failAfter: 2 });
      expect(response.status).toBe(200);
      expect(response.body.toString()).toBe('first second ');
      expect(response.outcome).toBe(cutOff);
      await eventually(() => gw.logs.some((line) => line.includes('stream failed') && line.includes('failed after 2 chunks')));
      const line = JSON.parse(gw.logs.find((entry) => entry.includes('failed after 2 chunks'))!) as Record<string, unknown>;
      expect(line).toMatchObject({ error: 'Error', route: 'stream' });
      expect(typeof line.lambdaRequestId).toBe('string');
    });

    it('an error before any byte is a 502 JSON with the function error', async () => {
      const response = await call('/stream', { chunks: ['never'], failAfter: 0 });
      expect(response.status).toBe(502);
      expect(JSON.parse(response.body.toString())).toMatchObject({ error: 'FunctionError', errorType: 'Error', errorMessage: 'failed after 0 chunks' });
    });

    // Miniflare does not tell the worker that the client went away (request.signal stays quiet).
    it.skipIf(runtime.name === 'worker')('a client that goes away aborts the stream upstream', { timeout: 30_000 }, async () => {
      const chunks = Array.from({ length: 40 }, (_, i) => `chunk ${i}\n`);
      const response = await call('/stream', { chunks, delayMs: 100 }, { stopAfterBytes: 1 });
      expect(response.outcome).toBe('failed');
      await eventually(() => gw.logs.some((line) => line.includes('ClientClosed')));
      // The local AWS saw its caller (the gateway) leave: the upstream request was aborted.
      await eventually(() => aws.invocations('stream').some((entry) => entry.outcome?.errorType === 'Client.Disconnected'), 15_000);
    });

    it('enforces the streamed-response limit (a small one configured here)', async () => {
      const response = await call('/small-limit', { binaryBytes: 500_000 });
      expect(response.status).toBe(200);
      expect(response.outcome).toBe(cutOff);
      expect(response.body.length).toBeLessThanOrEqual(100_000);
      await eventually(() => gw.logs.some((line) => line.includes('StreamTooLarge')));
    });

    it('ends a stream that goes silent longer than idleTimeoutMs as a failed transfer', async () => {
      const response = await call('/idle', { chunks: ['a', 'b'], delayMs: 2_500 });
      expect(response.body.toString()).toBe('a');
      expect(response.outcome).toBe(cutOff);
      await eventually(() => gw.logs.some((line) => line.includes('stream failed') && line.includes('BackendTimeout')));
    });

    it('IAM denial (no lambda:InvokeFunction): 502 BackendMisconfigured before any byte', async () => {
      const response = await call('/denied', {});
      expect(response.status).toBe(502);
      expect(JSON.parse(response.body.toString())).toMatchObject({ error: 'BackendMisconfigured', lambdaErrorType: 'AccessDeniedException' });
    });

    it('a function that does not stream comes back as its JSON result', async () => {
      const response = await call('/buffered-function', { hello: 'stream' });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json');
      expect(JSON.parse(response.body.toString())).toEqual({ hello: 'stream' });
    });
  });
}
