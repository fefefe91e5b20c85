/**
 * SIGTERM with two listener ports (a Gateway with listeners on two ports, one process): the
 * drain is one drain for the process (one request guard, every server closed in the same
 * sequence), so requests in flight on either port finish, readiness fails on both at once,
 * and both listeners close after the drain delay.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAws } from '../../packages/local-aws/src/index.ts';
import { freePort } from '../support/free-port.ts';
import { lambdaBackendManifest } from '../support/listener-stack.ts';
import { startServeProcess } from '../support/serve-process.ts';
import { KEYS, startTestAws, writeMountedSecret } from '../support/stack.ts';

let aws: LocalAws;
let dir: string;
let ports: [number, number];
beforeAll(async () => {
  aws = await startTestAws();
  dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-drain-ports-'));
  ports = [await freePort(), await freePort()];
  await writeMountedSecret(join(dir, 'secrets'), 'aws-creds', { accessKey: KEYS.gateway.accessKey, secretKey: KEYS.gateway.secretKey });
  await writeFile(
    join(dir, 'gateway.yaml'),
    `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: two-ports, namespace: default }
spec:
  gatewayClassName: lambda-gateway
  listeners:
    - { name: first, protocol: HTTP, port: ${ports[0]} }
    - { name: second, protocol: HTTP, port: ${ports[1]} }
---
${lambdaBackendManifest('sleep', 'default', 'None')}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: slow, namespace: default }
spec:
  parentRefs: [{ name: two-ports }]
  rules:
    - matches: [{ path: { type: PathPrefix, value: /slow } }]
      backendRefs: [{ group: gateway.kgateway.dev, kind: Backend, name: sleep }]
`,
  );
});
afterAll(async () => {
  await aws?.close();
  await rm(dir, { recursive: true, force: true });
});

function post(port: number, ms: number): Promise<{ status?: number; connection?: string | undefined; error?: string; endedAt: number }> {
  return new Promise((resolve) => {
    const req = request({ port, host: '127.0.0.1', path: '/slow', method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, endedAt: Date.now(), ...(body.includes('slept') ? {} : { error: body }) }),
      );
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message, endedAt: Date.now() }));
    req.end(JSON.stringify({ ms }));
  });
}

function readiness(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    request({ port, host: '127.0.0.1', path: '/readyz', agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(`${res.statusCode} ${body}`));
    })
      .on('error', reject)
      .end();
  });
}

/** Whether a new TCP connection to `port` is accepted. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const DRAIN_DELAY_MS = 1_500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('serve drains every listener port on SIGTERM', () => {
  it('fails readiness on both ports at once, finishes requests in flight on both, closes both listeners, exits 0', async () => {
    const serve = await startServeProcess(
      ['--config', join(dir, 'gateway.yaml'), '--secrets-dir', join(dir, 'secrets'), '--drain-delay', `${DRAIN_DELAY_MS}ms`, '--shutdown-timeout', '15s'],
      { AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: aws.url },
      { freePort: false },
    );
    try {
      expect(await Promise.all(ports.map(readiness))).toEqual(['200 {"status":"ready"}', '200 {"status":"ready"}']);
      // Still running when the listeners close (2.5 s > the drain delay): these must finish, on both ports.
      const inFlight = ports.flatMap((port) => [post(port, 2_500), post(port, 2_500)]);
      await sleep(300);
      const signalledAt = Date.now();
      serve.child.kill('SIGTERM');
      await sleep(200);
      expect(await Promise.all(ports.map(readiness))).toEqual(['503 {"status":"draining"}', '503 {"status":"draining"}']);
      // Served on during the drain delay, told to close the connection.
      const during = await Promise.all(ports.map((port) => post(port, 10)));
      for (const outcome of during) expect(outcome).toEqual(expect.objectContaining({ status: 200, connection: 'close' }));
      await sleep(DRAIN_DELAY_MS + 300);
      expect(await Promise.all(ports.map(accepts))).toEqual([false, false]);
      const finished = await Promise.all(inFlight);
      for (const outcome of finished) expect(outcome).toEqual(expect.objectContaining({ status: 200 }));
      expect(finished.every((outcome) => outcome.endedAt > signalledAt + DRAIN_DELAY_MS)).toBe(true);
      const exit = await serve.exited;
      expect(exit.code).toBe(0);
      expect(serve.output().stdout).toContain('drained: every request in flight finished');
    } finally {
      serve.child.kill('SIGKILL');
    }
  }, 60_000);
});
