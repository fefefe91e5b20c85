/**
 * Streams and the process limits (issue 13 with issue 11's limits): a stream
 * holds its in-flight slot until its last byte, so `--max-in-flight` counts
 * it; and a stream that outlives `--shutdown-timeout` is cut as a failed
 * transfer (chunked body without its final chunk), which the drain logs.
 * A real `serve` process, a real SIGTERM, the local AWS's streaming function.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../../packages/local-aws/src/index.ts';
import { startServeProcess } from '../support/serve-process.ts';
import { KEYS, writeMountedSecret } from '../support/stack.ts';

const SCENARIO = resolve(import.meta.dirname, '../fixtures/streaming-scenario.yaml');

let aws: LocalAws;
let dir: string;
beforeAll(async () => {
  aws = await startLocalAws({ scenario: SCENARIO });
  dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-stream-limits-'));
  await writeMountedSecret(join(dir, 'secrets'), 'aws-creds', { accessKey: KEYS.gateway.accessKey, secretKey: KEYS.gateway.secretKey });
  await writeFile(
    join(dir, 'gateway.yaml'),
    [
      'backends:',
      '  stream: { region: us-east-1, accountId: "222222222222", functionName: stream, invocationMode: ResponseStream, auth: { type: secret, name: aws-creds } }',
      'routes:',
      '  - { backend: stream, matches: [ { path: { type: PathPrefix, value: /stream } } ] }',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await aws?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Streamed {
  status: number;
  firstChunk: Promise<string>;
  /** Resolves with the body when it ends complete, rejects when the transfer is cut. */
  done: Promise<string>;
}

/** POSTs the stream function's options; resolves once the response headers are in. */
function stream(url: string, options: object): Promise<Streamed> {
  return new Promise((resolveHead, rejectHead) => {
    const req = request(`${url}/stream`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      let first: (text: string) => void = () => undefined;
      const firstChunk = new Promise<string>((done) => (first = done));
      const done = new Promise<string>((ok, fail) => {
        res.on('data', (chunk: Buffer) => {
          if (body === '') first(chunk.toString());
          body += chunk.toString();
        });
        res.on('end', () => ok(body));
        res.on('aborted', () => fail(new Error('aborted')));
        res.on('error', fail);
      });
      done.catch(() => undefined);
      resolveHead({ status: res.statusCode ?? 0, firstChunk, done });
    });
    req.on('error', rejectHead);
    req.end(JSON.stringify(options));
  });
}

const env = () => ({ AWS_ENDPOINT_URL_LAMBDA: aws.url, AWS_REGION: 'us-east-1' });
const longStream = { chunks: Array.from({ length: 40 }, (_, index) => `chunk ${index}\n`), delayMs: 250 };

describe('streams and the process limits', () => {
  it('a stream holds its --max-in-flight slot until it ends: a second request is shed with 503 Overloaded meanwhile', async () => {
    const serve = await startServeProcess(
      ['--config', join(dir, 'gateway.yaml'), '--secrets-dir', join(dir, 'secrets'), '--no-admin', '--max-in-flight', '1'],
      env(),
    );
    try {
      const first = await stream(serve.url, { chunks: ['a', 'b', 'c', 'd'], delayMs: 400 });
      expect(first.status).toBe(200);
      expect(await first.firstChunk).toBe('a');
      // The handler has returned its Response long ago; the stream is still being written.
      const shed = await fetch(`${serve.url}/stream`, { method: 'POST', body: '{}' });
      expect(shed.status).toBe(503);
      expect(((await shed.json()) as { error: string }).error).toBe('Overloaded');
      expect(await first.done).toBe('abcd');
      // The slot came back with the stream's last byte.
      const after = await stream(serve.url, { chunks: ['x'] });
      expect(after.status).toBe(200);
      expect(await after.done).toBe('x');
    } finally {
      serve.child.kill('SIGKILL');
      await serve.exited;
    }
  }, 60_000);

  it('a stream that outlives --shutdown-timeout is cut as a failed transfer, logged; the process exits 0', async () => {
    const serve = await startServeProcess(
      ['--config', join(dir, 'gateway.yaml'), '--secrets-dir', join(dir, 'secrets'), '--no-admin', '--drain-delay', '200ms', '--shutdown-timeout', '1500ms'],
      env(),
    );
    const streamed = await stream(serve.url, longStream);
    expect(streamed.status).toBe(200);
    expect(await streamed.firstChunk).toBe('chunk 0\n');
    const signalledAt = Date.now();
    serve.child.kill('SIGTERM');
    // 40 chunks 250 ms apart take 10 s: the 1.5 s shutdown timeout ends it first, without the final chunk.
    await expect(streamed.done).rejects.toThrow();
    const { code, at } = await serve.exited;
    expect(code).toBe(0);
    const lines = serve
      .output()
      .stdout.trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.find((line) => line.msg === 'shutdown timeout: requests in flight were cut')).toMatchObject({ cut: 1 });
    // Cut at the shutdown timeout (1.5 s after the signal), not at the stream's own end (10 s).
    expect(at - signalledAt).toBeGreaterThanOrEqual(1_000);
    expect(at - signalledAt).toBeLessThan(8_000);
  }, 60_000);
});
