/*
 * The native config's `mirrors:` and `retry:` on a route (config/native-schema.ts), served with
 * the conformance echoes: the same behaviour as the HTTPRoute RequestMirror filter and retry.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRoutes } from '../config/build-routes.ts';
import { parseConfigText } from '../config/documents.ts';
import { type ConformanceGateway, sendCase, serveEchoRoutes } from './conformance-test-support.ts';

const backend = (name: string) => `  ${name}: { region: us-east-1, accountId: "222222222222", functionName: native_${name}, payloadMode: envoy }`;
const CONFIG = `
backends:
${backend('primary')}
${backend('shadow')}
routes:
  - name: mirrored
    matches: [{ path: { type: PathPrefix, value: /mirrored } }]
    backend: primary
    mirrors: [{ backend: shadow }]
  - name: retried
    matches: [{ path: { type: PathPrefix, value: /retry } }]
    backend: primary
    retry: { codes: [503], attempts: 2, backoffMs: 50 }
`;

describe('native config: mirrors and retry on a route', () => {
  let gateway: ConformanceGateway;
  beforeAll(async () => {
    gateway = await serveEchoRoutes(buildRoutes(parseConfigText(CONFIG, 'native.yaml')).routes, []);
  });
  afterAll(() => gateway.close());

  it('mirrors: the shadow backend gets the request, the client the primary answer', async () => {
    const response = await sendCase(gateway, { path: '/mirrored', headers: { 'X-Trace': 'one' } });
    expect(response.echoed?.backend).toBe('primary');
    const until = Date.now() + 3_000;
    while (!gateway.transport.received.some((seen) => seen.backend === 'shadow') && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    const shadow = gateway.transport.received.filter((seen) => seen.backend === 'shadow');
    expect(shadow).toHaveLength(1);
    expect(shadow[0]).toMatchObject({ path: '/mirrored', headers: { 'x-trace': 'one' } });
  });

  it('retry: a 503 is retried after backoffMs, up to attempts retries', async () => {
    const started = Date.now();
    const ok = await sendCase(gateway, { path: `/retry/x?${new URLSearchParams({ responseCode: '503', succeedAfter: '2', uuid: randomUUID() })}` });
    expect(ok.status).toBe(200);
    // Two retries, each at least backoffMs after the answer before it.
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    const failed = await sendCase(gateway, { path: `/retry/x?${new URLSearchParams({ responseCode: '503', succeedAfter: '3', uuid: randomUUID() })}` });
    expect(failed.status).toBe(503);
    const notRetried = await sendCase(gateway, { path: `/retry/x?${new URLSearchParams({ responseCode: '500', succeedAfter: '1', uuid: randomUUID() })}` });
    expect(notRetried.status).toBe(500);
  });
});
