/**
 * Live reload of a real `serve` (cli/serve.ts): by a file change, by a
 * ConfigMap-style `..data` symlink swap and on demand (what SIGHUP calls; the
 * signal itself: sighup.test.ts). A request in flight finishes on the old
 * configuration; a broken configuration keeps the old one serving; an
 * unchanged identity costs no STS call; a port change is refused.
 */
import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAws } from '../../packages/local-aws/src/index.ts';
import { AUTH_ROLE, INVOKE_ROLE, irsaEnv, startCredentialsAws, webIdentityTokenFile, type TokenFile } from '../credentials/support.ts';
import { freePort } from '../support/free-port.ts';
import { GUIDE_BODY, KEYS, secretOf, startTestAws } from '../support/stack.ts';
import { parseMetrics, sampleValue, startServe, type ServeUnderTest } from './serve-under-test.ts';

const backends = `
backends:
  echo: { region: us-east-1, accountId: "222222222222", functionName: echo, auth: { type: secret, name: aws-creds } }
  sleep: { region: us-east-1, accountId: "222222222222", functionName: sleep, auth: { type: secret, name: aws-creds } }
`;
const routes = (...paths: string[]) =>
  `${backends}routes:\n${paths.map((path) => `  - { name: ${path.slice(1)}, matches: [{ path: { type: Exact, value: ${path} } }], backend: ${path === '/sleep' ? 'sleep' : 'echo'} }`).join('\n')}\n`;

let aws: LocalAws;
beforeAll(async () => {
  aws = await startTestAws();
});
afterAll(async () => {
  await aws?.close();
});

const post = (url: string, body = GUIDE_BODY) => fetch(url, { method: 'POST', body });

/** Polls `check` until it holds (the machine is loaded: generous deadline). */
async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function reloads(gw: ServeUnderTest, result: string): Promise<number | undefined> {
  return sampleValue(parseMetrics(await (await fetch(`${gw.adminUrl}/metrics`)).text()), 'lambda_gateway_config_reloads_total', { result });
}

const logLines = (gw: ServeUnderTest) => gw.logs.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('reload by file change', () => {
  let gw: ServeUnderTest;
  beforeAll(async () => {
    gw = await startServe({
      aws,
      files: { 'gateway.yaml': routes('/one') },
      secrets: { 'aws-creds': secretOf(KEYS.gateway) },
      serve: { reloadDebounceMs: 100 },
    });
  });
  afterAll(() => gw?.close());

  it('a new route answers after the file is rewritten; the log says what changed', async () => {
    expect((await post(`${gw.url}/two`)).status).toBe(404);
    await writeFile(join(gw.configDir, 'gateway.yaml'), routes('/one', '/two'));
    await eventually(async () => (await post(`${gw.url}/two`)).status === 200, 'the new route');
    expect((await post(`${gw.url}/one`)).status).toBe(200);
    expect(logLines(gw).find((line) => line.msg === 'config reloaded')).toMatchObject({ added: ['two'], removed: [], changed: [] });
    expect(await reloads(gw, 'success')).toBeGreaterThanOrEqual(1);
    const config = (await (await fetch(`${gw.adminUrl}/config`)).json()) as { routes: Array<{ route: string }> };
    expect(config.routes.map((row) => row.route).sort()).toEqual(['one', 'two']);
  });

  it('a broken file keeps the last good configuration serving; the error names file, field path and reason, and is counted', async () => {
    const failuresBefore = (await reloads(gw, 'failure')) ?? 0;
    await writeFile(join(gw.configDir, 'gateway.yaml'), routes('/one', '/two').replace('functionName: sleep', 'functionName: sleep, timeoutMs: -1'));
    await eventually(() => logLines(gw).some((line) => line.msg === 'config reload failed; still serving the last good configuration'), 'the failure line');
    const failure = logLines(gw).find((line) => line.msg === 'config reload failed; still serving the last good configuration')!;
    expect(String(failure.error)).toContain('gateway.yaml');
    expect(String(failure.error)).toContain('backends.sleep.timeoutMs');
    expect(await reloads(gw, 'failure')).toBe(failuresBefore + 1);
    expect((await post(`${gw.url}/two`)).status).toBe(200);
    expect((await fetch(`${gw.url}/readyz`)).status).toBe(200);
  });
});

describe('reload by a ConfigMap-style ..data symlink swap', () => {
  it('the kubelet swaps ..data atomically; the new configuration is served', async () => {
    const gw = await startServe({
      aws,
      files: {},
      secrets: { 'aws-creds': secretOf(KEYS.gateway) },
      serve: { reloadDebounceMs: 100 },
      // What the kubelet writes for a ConfigMap volume: a timestamped directory, `..data` pointing at it, and one symlink per key.
      layout: async (dir) => {
        await mkdir(join(dir, '..2026_01_01_00_00_00.000000001'));
        await writeFile(join(dir, '..2026_01_01_00_00_00.000000001', 'gateway.yaml'), routes('/one'));
        await symlink('..2026_01_01_00_00_00.000000001', join(dir, '..data'));
        await symlink('..data/gateway.yaml', join(dir, 'gateway.yaml'));
      },
    });
    try {
      expect((await post(`${gw.url}/one`)).status).toBe(200);
      const next = join(gw.configDir, '..2026_01_01_00_01_00.000000002');
      await mkdir(next);
      await writeFile(join(next, 'gateway.yaml'), routes('/three'));
      await symlink('..2026_01_01_00_01_00.000000002', join(gw.configDir, '..data_tmp'));
      await rename(join(gw.configDir, '..data_tmp'), join(gw.configDir, '..data'));
      await rm(join(gw.configDir, '..2026_01_01_00_00_00.000000001'), { recursive: true });
      await eventually(async () => (await post(`${gw.url}/three`)).status === 200, 'the swapped-in route');
      expect((await post(`${gw.url}/one`)).status).toBe(404);
    } finally {
      await gw.close();
    }
  });
});

describe('what a reload keeps', () => {
  it('a request in flight during the swap completes on the old configuration', async () => {
    const gw = await startServe({
      aws,
      files: { 'gateway.yaml': routes('/sleep') },
      secrets: { 'aws-creds': secretOf(KEYS.gateway) },
      serve: { watch: false },
    });
    try {
      const inFlight = post(`${gw.url}/sleep`, '{"ms":1500}');
      await eventually(() => aws.invocations('sleep').length > 0, 'the invocation to start');
      await writeFile(join(gw.configDir, 'gateway.yaml'), routes('/one'));
      expect(await gw.reload('test')).toBe('success');
      expect((await post(`${gw.url}/sleep`, '{"ms":0}')).status).toBe(404);
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ slept: 1500 });
    } finally {
      await gw.close();
    }
  });

  it('an unchanged identity (IRSA, then AssumeRole) costs no STS call on reload', async () => {
    const credentialsAws = await startCredentialsAws();
    const tokenFile: TokenFile = await webIdentityTokenFile(credentialsAws);
    const chained = (...paths: string[]) =>
      `backends:\n  echo: { region: us-east-1, accountId: "222222222222", functionName: echo, auth: { type: assumeRole, roleArn: "${INVOKE_ROLE}" } }\nroutes:\n${paths
        .map((path) => `  - { name: ${path.slice(1)}, matches: [{ path: { type: Exact, value: ${path} } }], backend: echo }`)
        .join('\n')}\n`;
    const gw = await startServe({ aws: credentialsAws, files: { 'gateway.yaml': chained('/a') }, env: irsaEnv(tokenFile, AUTH_ROLE), serve: { watch: false } });
    try {
      expect((await post(`${gw.url}/a`)).status).toBe(200);
      const sts = () => credentialsAws.calls('sts:AssumeRoleWithWebIdentity') + credentialsAws.calls('sts:AssumeRole');
      const before = sts();
      expect(before).toBeGreaterThanOrEqual(2);
      await writeFile(join(gw.configDir, 'gateway.yaml'), chained('/a', '/b'));
      expect(await gw.reload('test')).toBe('success');
      expect((await post(`${gw.url}/b`)).status).toBe(200);
      expect((await post(`${gw.url}/a`)).status).toBe(200);
      expect(sts()).toBe(before);
      // The gateway's own STS client (the AssumeRole hop) is timed; the web identity hop goes through the AWS SDK.
      const samples = parseMetrics(await (await fetch(`${gw.adminUrl}/metrics`)).text());
      expect(sampleValue(samples, 'lambda_gateway_sts_request_duration_seconds_count', { action: 'AssumeRole', result: 'ok' })).toBe(
        credentialsAws.calls('sts:AssumeRole'),
      );
    } finally {
      await gw.close();
      await tokenFile.remove();
      await credentialsAws.close();
    }
  });

  it('a change of the listener port is refused (restart needed); the old configuration keeps serving', async () => {
    const port = await freePort();
    const gatewayManifest = (listenerPort: number) =>
      `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: { name: http }\nspec:\n  gatewayClassName: x\n  listeners:\n    - { name: http, protocol: HTTP, port: ${listenerPort} }\n`;
    const gw = await startServe({
      aws,
      files: { 'gateway.yaml': routes('/one'), 'listener.yaml': gatewayManifest(port) },
      secrets: { 'aws-creds': secretOf(KEYS.gateway) },
      serve: { watch: false, port: undefined },
    });
    try {
      expect(new URL(gw.url).port).toBe(String(port));
      await writeFile(join(gw.configDir, 'listener.yaml'), gatewayManifest(port + 1));
      await writeFile(join(gw.configDir, 'gateway.yaml'), routes('/one', '/two'));
      expect(await gw.reload('test')).toBe('refused');
      const refusal = logLines(gw).find((line) => String(line.msg).startsWith('config reload refused'));
      expect(refusal).toMatchObject({ level: 'error', reason: `the served ports would change from ${port} HTTP to ${port + 1} HTTP` });
      expect((await post(`${gw.url}/two`)).status).toBe(404);
      expect((await post(`${gw.url}/one`)).status).toBe(200);
      expect(await reloads(gw, 'refused')).toBe(1);
    } finally {
      await gw.close();
    }
  });
});
