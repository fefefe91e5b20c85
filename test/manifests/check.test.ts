/** `lambda-gateway check` on the guides' manifests: the route table, warnings, exit codes. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkConfig } from '../../packages/gateway/src/cli/check.ts';
import { main } from '../../packages/gateway/src/cli/main.ts';
import { KEYS } from '../support/stack.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/manifests');
const GUIDE_ENV = {
  AWS_LAMBDA_REGION: 'us-east-1',
  LAMBDA_ACCOUNT_ID: '222222222222',
  AWS_ACCESS_KEY_ID: KEYS.gateway.accessKey,
  AWS_SECRET_ACCESS_KEY: KEYS.gateway.secretKey,
};

async function check(config: string[], output: 'text' | 'json', env: Record<string, string> = GUIDE_ENV) {
  const lines: string[] = [];
  const code = await checkConfig({ config, output, env, secretsDir: '/nonexistent', write: (text) => lines.push(text) });
  return { code, text: lines.join('\n') };
}

const ALL_COLUMNS = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: shop, namespace: apps }
spec:
  gatewayClassName: lambda-gateway
  listeners:
    - { name: web, protocol: HTTP, port: 8080, hostname: "*.shop.example" }
---
apiVersion: gateway.kgateway.dev/v1alpha1
kind: Backend
metadata: { name: shop-live, namespace: apps }
spec: { type: AWS, aws: { region: us-east-1, accountId: "222222222222", lambda: { functionName: shop, qualifier: live, payloadTransformMode: Envoy } } }
---
apiVersion: gateway.kgateway.dev/v1alpha1
kind: Backend
metadata: { name: shop-canary, namespace: apps }
spec: { type: AWS, aws: { region: us-east-1, accountId: "222222222222", lambda: { functionName: shop, qualifier: canary, payloadTransformMode: Envoy } } }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: shop, namespace: apps }
spec:
  parentRefs: [{ name: shop }]
  hostnames: [www.shop.example]
  rules:
    - matches: [{ path: { type: PathPrefix, value: /old } }]
      filters: [{ type: RequestRedirect, requestRedirect: { scheme: https, path: { type: ReplacePrefixMatch, replacePrefixMatch: /new }, statusCode: 301 } }]
    - matches: [{ path: { type: PathPrefix, value: / } }]
      backendRefs:
        - { group: gateway.kgateway.dev, kind: Backend, name: shop-live, weight: 90 }
        - { group: gateway.kgateway.dev, kind: Backend, name: shop-canary, weight: 10 }
`;

describe('lambda-gateway check', () => {
  it('prints the resolved route table of the kgateway guide, with its warnings (exit 0)', async () => {
    const { code, text } = await check([join(FIXTURES, 'kgateway-irsa-role-chained.yaml')], 'text');
    expect(code).toBe(0);
    const lines = text.split('\n');
    expect(lines[0]).toBe(`lambda-gateway check: configuration OK: 1 route, 1 backend (${join(FIXTURES, 'kgateway-irsa-role-chained.yaml')})`);
    expect(lines[1]).toBe('default port: 8080 (Gateway HTTP listener; --port overrides)');
    // The Gateway's listeners, then the route table with the listeners each route is attached to.
    expect(lines[3]).toBe('listeners (1 on 1 port; routes no listener takes: port 8080):');
    expect(lines[5]!.trim().split(/\s{2,}/)).toEqual(['gloo-system/http/http', 'HTTP', '8080', '*', '-']);
    expect(lines[7]!.split(/\s{2,}/)).toEqual(['LISTENERS', 'ROUTE', 'MATCH', 'BACKEND', 'FUNCTION', 'QUALIFIER', 'INVOCATION', 'PAYLOAD', 'AUTH']);
    expect(lines[8]!.split(/\s{2,}/)).toEqual([
      'http/http',
      'HTTPRoute gloo-system/lambda rules[0]',
      'PathPrefix /echo',
      'Backend gloo-system/lambda',
      'arn:aws:lambda:us-east-1:222222222222:function:echo',
      '$LATEST',
      'Sync',
      'passthrough',
      'ambient',
    ]);
    expect(lines[10]).toBe('warnings (2):');
  });

  it('prints JSON with --output json', async () => {
    const { code, text } = await check([join(FIXTURES, 'gloo-edge-resource-based.yaml')], 'json');
    expect(code).toBe(0);
    const report = JSON.parse(text) as {
      ok: boolean;
      defaultPort: number | null;
      routes: Array<Record<string, unknown>>;
      warnings: string[];
      ignored: string[];
    };
    expect(report).toMatchObject({ ok: true, defaultPort: null, warnings: [], ignored: [] });
    // JSON drops the undefined qualifier (an unqualified call).
    expect(report.routes).toEqual([
      {
        route: 'VirtualService gloo-system/aws-lambda routes[0]',
        match: { path: { type: 'PathPrefix', value: '/echo' } },
        matchText: 'PathPrefix /echo',
        backend: 'Upstream gloo-system/aws-upstream target-name',
        functionId: 'arn:aws:lambda:us-east-1:123456789012:function:target-name',
        invocationMode: 'Sync',
        payloadMode: 'passthrough',
        auth: 'secret aws-creds',
        filters: [],
      },
    ]);
  });

  it('shows the listeners, hostnames, weights and redirects of the routes (text columns and JSON fields)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-check-'));
    try {
      // A Gateway listener with a wildcard hostname, an HTTPRoute with a hostname, a redirect rule and a 90/10 canary split.
      await writeFile(join(dir, 'shop.yaml'), ALL_COLUMNS);
      const { code, text } = await check([join(dir, 'shop.yaml')], 'text', {});
      expect(code).toBe(0);
      const table = text.split('\n').slice(text.split('\n').findIndex((line) => line.startsWith('LISTENERS')));
      expect(table[0]!.split(/\s{2,}/)).toEqual([
        'LISTENERS',
        'HOST',
        'ROUTE',
        'MATCH',
        'BACKEND',
        'FUNCTION',
        'QUALIFIER',
        'INVOCATION',
        'PAYLOAD',
        'AUTH',
        'FILTERS',
        'REDIRECT',
      ]);
      expect(table[1]!.split(/\s{2,}/)).toEqual([
        'shop/web',
        'www.shop.example',
        'HTTPRoute apps/shop rules[0]',
        'PathPrefix /old',
        '-',
        '-',
        '-',
        'Sync',
        '-',
        '-',
        'RequestRedirect',
        '301 https://{host}/new{rest}',
      ]);
      expect(table[2]!.split(/\s{2,}/)).toEqual([
        'shop/web',
        'www.shop.example',
        'HTTPRoute apps/shop rules[1]',
        'PathPrefix /',
        'Backend apps/shop-live weight 90, Backend apps/shop-canary weight 10',
        'arn:aws:lambda:us-east-1:222222222222:function:shop',
        'live',
        'Sync',
        'envoy',
        'ambient',
        '-',
        '-',
      ]);
      const json = JSON.parse((await check([join(dir, 'shop.yaml')], 'json', {})).text) as { routes: Array<Record<string, unknown>> };
      expect(json.routes.map(({ listeners, hostname, redirect, weights }) => ({ listeners, hostname, redirect, weights }))).toEqual([
        { listeners: ['shop/web'], hostname: 'www.shop.example', redirect: '301 https://{host}/new{rest}', weights: undefined },
        {
          listeners: ['shop/web'],
          hostname: 'www.shop.example',
          redirect: undefined,
          weights: [
            { backend: 'Backend apps/shop-live', weight: 90 },
            { backend: 'Backend apps/shop-canary', weight: 10 },
          ],
        },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('warns about a secret that is neither a manifest nor mounted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-check-'));
    try {
      await writeFile(
        join(dir, 'native.yaml'),
        'backends:\n  b: { functionName: echo, region: us-east-1, auth: { type: secret, name: missing-creds } }\nroutes:\n  - { backend: b }\n',
      );
      const { code, text } = await check([dir], 'json');
      expect(code).toBe(0);
      expect((JSON.parse(text) as { warnings: string[] }).warnings).toEqual([
        'secret missing-creds: no Secret manifest and nothing mounted at /nonexistent/missing-creds/; its backends will answer 503 until it exists',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with the reason for an invalid configuration, as text or JSON', async () => {
    const invalid = await check([join(FIXTURES, 'kgateway-resource-based.yaml')], 'text', {});
    expect(invalid.code).toBe(2);
    expect(invalid.text).toContain(
      `lambda-gateway check: invalid configuration: ${join(FIXTURES, 'kgateway-resource-based.yaml')}: \n  line 11: environment variable AWS_ACCESS_KEY_ID is not set`,
    );
    const json = await check([join(FIXTURES, 'kgateway-resource-based.yaml')], 'json', {});
    expect(json.code).toBe(2);
    expect(JSON.parse(json.text)).toMatchObject({ ok: false, error: expect.stringContaining('environment variable LAMBDA_ACCOUNT_ID is not set') });
  });

  it('is a command of the CLI, with usage errors exiting 2', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await main(['check'])).toBe(2);
      expect(errors.mock.calls[0]![0]).toContain('lambda-gateway: check needs --config FILE (or a directory)');
      expect(await main(['check', '--config', FIXTURES, '--output', 'yaml'])).toBe(2);
      expect(errors.mock.calls[1]![0]).toContain('--output: must be text or json');
    } finally {
      errors.mockRestore();
    }
  });
});
