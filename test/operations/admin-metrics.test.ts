/**
 * The admin listener of a real `serve` (cli/serve.ts) after known traffic:
 * metric values per route and status, readiness while one backend's
 * credentials fail, credential status, the resolved config without secrets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAws } from '../../packages/local-aws/src/index.ts';
import { GUIDE_BODY, KEYS, secretOf, startTestAws } from '../support/stack.ts';
import { parseMetrics, sampleValue, startServe, type ServeUnderTest } from './serve-under-test.ts';

const CONFIG = `
backends:
  echo: { region: us-east-1, accountId: "222222222222", functionName: echo, auth: { type: secret, name: aws-creds } }
  fail: { region: us-east-1, accountId: "222222222222", functionName: fail, auth: { type: secret, name: aws-creds } }
  throttled: { region: us-east-1, accountId: "222222222222", functionName: throttled, auth: { type: secret, name: aws-creds } }
  broken: { region: us-east-1, accountId: "222222222222", functionName: echo, auth: { type: secret, name: absent-creds } }
routes:
  - { name: echo, matches: [{ path: { type: PathPrefix, value: /echo } }], backend: echo }
  - { name: fail, matches: [{ path: { type: Exact, value: /fail } }], backend: fail }
  - { name: throttled, matches: [{ path: { type: Exact, value: /throttled } }], backend: throttled }
  - { name: broken, matches: [{ path: { type: Exact, value: /broken } }], backend: broken }
`;

let aws: LocalAws;
let gw: ServeUnderTest;

beforeAll(async () => {
  aws = await startTestAws();
  gw = await startServe({ aws, files: { 'gateway.yaml': CONFIG }, secrets: { 'aws-creds': secretOf(KEYS.gateway) } });
});
afterAll(async () => {
  await gw?.close();
  await aws?.close();
});

async function metrics(): Promise<ReturnType<typeof parseMetrics>> {
  const response = await fetch(`${gw.adminUrl}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return parseMetrics(await response.text());
}

describe('admin listener', () => {
  it('counts the requests sent, per route, method and status; histograms count them too; labels come from the config', async () => {
    for (let i = 0; i < 3; i++) expect((await fetch(`${gw.url}/echo`, { method: 'POST', body: GUIDE_BODY })).status).toBe(200);
    // A method outside the nine standard ones must not become a label value of its own.
    expect((await fetch(`${gw.url}/echo/x`, { method: 'PROPFIND', body: '{}' })).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await fetch(`${gw.url}/fail`, { method: 'POST', body: '{}' })).status).toBe(502);
    expect((await fetch(`${gw.url}/throttled`, { method: 'POST', body: '{}' })).status).toBe(429);
    expect((await fetch(`${gw.url}/broken`, { method: 'POST', body: '{}' })).status).toBe(503);
    expect((await fetch(`${gw.url}/no/such/route/123`)).status).toBe(404);

    const samples = await metrics();
    const requests = (labels: Record<string, string>) => sampleValue(samples, 'lambda_gateway_requests_total', labels);
    expect(requests({ route: 'echo', backend: 'echo', method: 'POST', code: '200' })).toBe(3);
    expect(requests({ route: 'echo', backend: 'echo', method: 'other', code: '200' })).toBe(1);
    expect(requests({ route: 'fail', backend: 'fail', method: 'POST', code: '502' })).toBe(2);
    expect(requests({ route: 'throttled', method: 'POST', code: '429' })).toBe(1);
    expect(requests({ route: 'broken', method: 'POST', code: '503' })).toBe(1);
    // Every label value is a configured name or from a fixed set: no raw path, no request id.
    const routeLabels = new Set(samples.filter((s) => s.labels.route !== undefined).map((s) => s.labels.route));
    expect([...routeLabels].sort()).toEqual(['broken', 'echo', 'fail', 'throttled']);
    expect(samples.some((s) => Object.values(s.labels).some((value) => value.includes('/')))).toBe(false);

    expect(sampleValue(samples, 'lambda_gateway_request_duration_seconds_count', { route: 'echo', backend: 'echo' })).toBe(4);
    expect(sampleValue(samples, 'lambda_gateway_request_duration_seconds_bucket', { route: 'echo', le: '+Inf' })).toBe(4);
    expect(sampleValue(samples, 'lambda_gateway_lambda_invoke_duration_seconds_count', { route: 'echo' })).toBe(4);
    expect(sampleValue(samples, 'lambda_gateway_lambda_invoke_duration_seconds_count', { route: 'fail' })).toBe(2);
    // No Invoke call for the route without credentials.
    expect(sampleValue(samples, 'lambda_gateway_lambda_invoke_duration_seconds_count', { route: 'broken' })).toBe(undefined);
    expect(sampleValue(samples, 'lambda_gateway_request_body_bytes_sum', { route: 'echo' })).toBe(3 * GUIDE_BODY.length + 2);
    expect(sampleValue(samples, 'lambda_gateway_response_body_bytes_count', { route: 'echo' })).toBe(4);
    expect(sampleValue(samples, 'lambda_gateway_function_errors_total', { route: 'fail', backend: 'fail' })).toBe(2);
    expect(sampleValue(samples, 'lambda_gateway_lambda_api_errors_total', { backend: 'throttled', error_type: 'TooManyRequestsException' })).toBe(1);
    expect(sampleValue(samples, 'lambda_gateway_request_errors_total', { route: 'broken', error: 'CredentialsUnavailable' })).toBe(1);
    // The 404 has no route or backend to count it under: its own counter.
    expect(sampleValue(samples, 'lambda_gateway_unrouted_requests_total', { code: '404', error: 'RouteNotFound' })).toBe(1);
    expect(sampleValue(samples, 'lambda_gateway_requests_in_flight')).toBe(0);
    expect(sampleValue(samples, 'lambda_gateway_backend_credentials_ok', { backend: 'echo' })).toBe(1);
    expect(sampleValue(samples, 'lambda_gateway_backend_credentials_ok', { backend: 'broken' })).toBe(0);
    // Keys from a mounted secret are loaded once and then served from the provider's cache.
    expect(sampleValue(samples, 'lambda_gateway_credential_loads_total', { identity: 'secret aws-creds', result: 'ok' })).toBe(1);
    expect(sampleValue(samples, 'lambda_gateway_credential_loads_total', { identity: 'secret absent-creds', result: 'error' })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(samples, 'lambda_gateway_config_reloads_total', { result: 'failure' })).toBe(0);
    expect(sampleValue(samples, 'lambda_gateway_config_loaded_timestamp_seconds')).toBeGreaterThan(Date.now() / 1000 - 600);
    expect(samples.filter((s) => s.name === 'lambda_gateway_config_info')).toEqual([
      { name: 'lambda_gateway_config_info', labels: { hash: expect.stringMatching(/^[0-9a-f]{16}$/) }, value: 1 },
    ]);
    // prom-client's default process metrics.
    expect(sampleValue(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sampleValue(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('stays ready while one backend has no credentials: its routes answer 503, the working ones 200, the admin port says why', async () => {
    const traffic = await fetch(`${gw.url}/readyz`);
    expect(traffic.status).toBe(200);
    expect(await traffic.json()).toEqual({ status: 'ready' });
    expect((await fetch(`${gw.url}/echo`, { method: 'POST', body: GUIDE_BODY })).status).toBe(200);
    const broken = await fetch(`${gw.url}/broken`, { method: 'POST', body: '{}' });
    expect(broken.status).toBe(503);
    expect(((await broken.json()) as { error: string }).error).toBe('CredentialsUnavailable');

    const admin = await fetch(`${gw.adminUrl}/readyz`);
    expect(admin.status).toBe(200);
    const details = (await admin.json()) as {
      status: string;
      listening: boolean;
      draining: boolean;
      backends: Array<{ backend: string; ok: boolean; reason?: string }>;
    };
    expect(details).toMatchObject({ status: 'ready', listening: true, draining: false });
    expect(details.backends.filter((check) => !check.ok)).toEqual([
      { backend: 'broken', credentials: 'secret absent-creds', ok: false, reason: expect.stringContaining(`${gw.secretsDir}/absent-creds`) },
    ]);
    expect(await (await fetch(`${gw.adminUrl}/healthz`)).json()).toEqual({ status: 'ok' });
  });

  it('/status/credentials: per identity its state, expiry, last refresh and last error', async () => {
    const { identities } = (await (await fetch(`${gw.adminUrl}/status/credentials`)).json()) as {
      identities: Array<{ identity: string; backends: string[]; state: string; lastRefresh?: string; lastError?: { message: string } }>;
    };
    const byIdentity = new Map(identities.map((entry) => [entry.identity, entry]));
    expect(byIdentity.get('secret aws-creds')).toMatchObject({ state: 'ok', backends: ['echo', 'fail', 'throttled'], lastRefresh: expect.any(String) });
    expect(byIdentity.get('secret aws-creds')?.lastError).toBeUndefined();
    expect(byIdentity.get('secret absent-creds')).toMatchObject({
      state: 'error',
      backends: ['broken'],
      lastError: { message: expect.stringContaining('absent-creds') },
    });
  });

  it('/config: the resolved route table and backends, without secret values', async () => {
    const response = await fetch(`${gw.adminUrl}/config`);
    const text = await response.text();
    const config = JSON.parse(text) as { hash: string; routes: Array<{ route: string }>; backends: Record<string, { auth: unknown; invokeUrl: string }> };
    expect(config.routes.map((row) => row.route).sort()).toEqual(['broken', 'echo', 'fail', 'throttled']);
    expect(config.backends.echo).toMatchObject({ auth: { type: 'secret', name: 'aws-creds' }, invokeUrl: expect.stringContaining('/2015-03-31/functions/') });
    expect(text).not.toContain(KEYS.gateway.secretKey);
    expect(text).not.toContain(KEYS.gateway.accessKey);
  });

  it('logs one start-up line per route with its credential source and warns about the missing secret', () => {
    const lines = gw.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    const routes = lines.filter((line) => line.msg === 'route');
    expect(routes.map((line) => [line.route, line.auth])).toEqual(
      expect.arrayContaining([
        ['echo', 'secret aws-creds'],
        ['broken', 'secret absent-creds'],
      ]),
    );
    expect(lines.find((line) => String(line.msg).startsWith('secret missing'))).toMatchObject({ level: 'warn', name: 'absent-creds' });
    expect(lines.find((line) => line.msg === 'gateway listening')).toMatchObject({ admin: gw.adminUrl, metrics: true });
  });
});

describe('serve options', () => {
  it('--require-all-backends: not ready (status only on the traffic port) while a backend has no credentials', async () => {
    const strict = await startServe({
      aws,
      files: { 'gateway.yaml': CONFIG },
      secrets: { 'aws-creds': secretOf(KEYS.gateway) },
      serve: { requireAllBackends: true },
    });
    try {
      const traffic = await fetch(`${strict.url}/readyz`);
      expect(traffic.status).toBe(503);
      expect(await traffic.json()).toEqual({ status: 'not ready' });
      expect((await fetch(`${strict.adminUrl}/readyz`)).status).toBe(503);
    } finally {
      await strict.close();
    }
  });

  it('--no-metrics: no /metrics, the rest of the admin port still answers; moved probe paths leave /healthz to the routes', async () => {
    const plain = await startServe({
      aws,
      files: { 'gateway.yaml': CONFIG },
      secrets: { 'aws-creds': secretOf(KEYS.gateway) },
      serve: { metrics: false, healthPaths: { healthz: '/-/alive', readyz: '/-/ready' } },
    });
    try {
      expect((await fetch(`${plain.adminUrl}/metrics`)).status).toBe(404);
      expect((await fetch(`${plain.adminUrl}/readyz`)).status).toBe(200);
      expect(await (await fetch(`${plain.url}/-/alive`)).json()).toEqual({ status: 'ok' });
      expect((await fetch(`${plain.url}/-/ready`)).status).toBe(200);
      // /healthz is no longer the gateway's: no route matches it.
      expect((await fetch(`${plain.url}/healthz`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('the admin port is on loopback only by default', async () => {
    expect(new URL(gw.adminUrl).hostname).toBe('127.0.0.1');
  });
});
