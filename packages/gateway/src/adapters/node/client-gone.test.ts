import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileGateway } from '../../core/index.ts';
import { createJsonLogger } from '../../logging/index.ts';
import { createNodePlatform } from './node-platform.ts';
import { serveApp, type RunningServer } from './serve.ts';

/** An upstream that holds every Invoke open and records when the gateway gives up on one. */
let upstream: Server;
let upstreamClosed = 0;
let gateway: RunningServer;
const logs: string[] = [];

beforeAll(async () => {
  upstream = createServer((req) => {
    req.resume();
    req.on('close', () => upstreamClosed++);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const platform = createNodePlatform({
    env: { AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 'secret', AWS_REGION: 'us-east-1' },
    logger: createJsonLogger((line) => logs.push(line), 'info'),
    secretsDir: '/nonexistent',
  });
  const { app } = compileGateway({
    platform,
    routes: [
      {
        name: 'hold',
        backend: { functionName: 'hold', accountId: '123456789012', endpointURL: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` },
      },
    ],
  });
  gateway = await serveApp(app, { port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await gateway.close();
  upstream.closeAllConnections();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

describe('Node platform: the client going away', () => {
  it('abandons the invocation (the upstream request is closed) and logs 499', async () => {
    const client = request(`${gateway.url}/hold`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    client.on('error', () => undefined);
    client.end('{}');
    // Let the request reach the upstream, then hang up.
    await new Promise((resolve) => setTimeout(resolve, 200));
    client.destroy();
    const deadline = Date.now() + 2_000;
    while (upstreamClosed === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(upstreamClosed).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const entry = logs.map((line) => JSON.parse(line) as Record<string, unknown>).find((e) => e['route'] === 'hold');
    expect(entry).toMatchObject({ status: 499 });
  });
});
