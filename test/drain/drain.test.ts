/**
 * SIGTERM under keep-alive load (issue 11): a real `serve` process in front of
 * the local AWS, 16 keep-alive clients, a real signal. Before the fix every
 * response after the signal said `keep-alive`, new connections were refused
 * 0.3 s after it and the 16 requests in flight were reset at the grace limit.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAws } from '../../packages/local-aws/src/index.ts';
import { KEYS, startTestAws, writeMountedSecret } from '../support/stack.ts';
import { startServeProcess } from '../support/serve-process.ts';

let aws: LocalAws;
let dir: string;
beforeAll(async () => {
  aws = await startTestAws();
  dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-drain-'));
  await writeMountedSecret(join(dir, 'secrets'), 'aws-creds', { accessKey: KEYS.gateway.accessKey, secretKey: KEYS.gateway.secretKey });
  await writeFile(
    join(dir, 'gateway.yaml'),
    [
      'backends:',
      '  slow: { region: us-east-1, accountId: "222222222222", functionName: sleep, timeoutMs: 10000, auth: { type: secret, name: aws-creds } }',
      'routes:',
      '  - { backend: slow, matches: [ { path: { type: PathPrefix, value: /slow } } ] }',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await aws?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Outcome {
  startedAt: number;
  endedAt: number;
  status?: number;
  connection?: string | undefined;
  error?: string;
}

function post(url: string, ms: number, agent: Agent | false): Promise<Outcome> {
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const req = request(`${url}/slow`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ startedAt, endedAt: Date.now(), status: res.statusCode ?? 0, connection: res.headers.connection }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ startedAt, endedAt: Date.now(), error: error.code ?? error.message }));
    req.end(JSON.stringify({ ms }));
  });
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

const DRAIN_DELAY_MS = 3_000;
const SHUTDOWN_TIMEOUT_MS = 15_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The `time` of the first JSON log line whose msg starts with `message`, as epoch ms. */
function logTime(stdout: string, message: string): number {
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { time?: string; msg?: string };
    if (entry.msg?.startsWith(message) && entry.time) return Date.parse(entry.time);
  }
  throw new Error(`no log line "${message}" in:\n${stdout}`);
}

describe('serve drains on SIGTERM', () => {
  it('fails readiness at once, serves on with Connection: close for the drain delay, finishes in-flight requests, exits 0', async () => {
    const serve = await startServeProcess(
      [
        '--config',
        join(dir, 'gateway.yaml'),
        '--secrets-dir',
        join(dir, 'secrets'),
        '--drain-delay',
        `${DRAIN_DELAY_MS}ms`,
        '--shutdown-timeout',
        `${SHUTDOWN_TIMEOUT_MS}ms`,
      ],
      { AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: aws.url },
    );
    try {
      expect((await get(`${serve.url}/readyz`)).status).toBe(200);
      const agent = new Agent({ keepAlive: true, maxSockets: 16 });
      const outcomes: Outcome[] = [];
      let signalledAt = Number.POSITIVE_INFINITY;
      // Clients stop starting requests a margin before the drain delay ends: after it the
      // listener closes and refusals are what a pod out of its endpoints should answer.
      const stopAt = () => signalledAt + DRAIN_DELAY_MS - 800;
      const clients = Array.from({ length: 16 }, async () => {
        while (Date.now() < stopAt()) outcomes.push(await post(serve.url, 150, agent));
      });
      await sleep(1_000);

      signalledAt = Date.now();
      serve.child.kill('SIGTERM');
      await sleep(100);
      const readiness = await get(`${serve.url}/readyz`);
      await sleep(200);
      // A new connection 0.3 s after the signal (the old server refused it).
      const fresh = post(serve.url, 50, false);
      // In flight when the listener closes: these must finish, not be reset.
      await sleep(DRAIN_DELAY_MS - 600);
      const lastInFlight = Array.from({ length: 4 }, () => post(serve.url, 2_000, false));
      await Promise.all(clients);
      const inFlight = await Promise.all(lastInFlight);
      const exit = await serve.exited;

      expect(readiness).toEqual({ status: 503, body: '{"status":"draining"}' });
      expect(await fresh).toEqual(expect.objectContaining({ status: 200, connection: 'close' }));
      for (const outcome of inFlight) expect(outcome).toEqual(expect.objectContaining({ status: 200 }));
      expect(inFlight.every((outcome) => outcome.endedAt > signalledAt + DRAIN_DELAY_MS)).toBe(true);

      const failed = outcomes.filter((outcome) => outcome.status !== 200);
      expect(failed).toEqual([]);
      // From when the gateway acted on the signal (its own log line; a loaded machine can take a
      // while to deliver and run the handler), every request it started answering says close.
      const drainingAt = logTime(serve.output().stdout, 'draining: readiness fails');
      expect(drainingAt - signalledAt).toBeLessThan(DRAIN_DELAY_MS);
      const afterSignal = outcomes.filter((outcome) => outcome.startedAt > drainingAt);
      expect(afterSignal.length).toBeGreaterThan(16);
      expect(afterSignal.filter((outcome) => outcome.connection !== 'close')).toEqual([]);
      expect(outcomes.filter((outcome) => outcome.endedAt < signalledAt).every((outcome) => outcome.connection === 'keep-alive')).toBe(true);

      expect(exit.code).toBe(0);
      expect(exit.at - signalledAt).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
      expect(serve.output().stdout).toContain('drained: every request in flight finished');
      agent.destroy();
    } finally {
      serve.child.kill('SIGKILL');
    }
  }, 60_000);

  it('a second signal exits at once', async () => {
    const serve = await startServeProcess(
      ['--config', join(dir, 'gateway.yaml'), '--secrets-dir', join(dir, 'secrets'), '--drain-delay', '20s', '--shutdown-timeout', '25s'],
      {
        AWS_REGION: 'us-east-1',
        AWS_ENDPOINT_URL: aws.url,
      },
    );
    try {
      serve.child.kill('SIGTERM');
      await sleep(300);
      const secondAt = Date.now();
      serve.child.kill('SIGINT');
      const exit = await serve.exited;
      expect(exit.code).toBe(130);
      expect(exit.at - secondAt).toBeLessThan(3_000);
    } finally {
      serve.child.kill('SIGKILL');
    }
  }, 60_000);
});
