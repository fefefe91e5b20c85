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
