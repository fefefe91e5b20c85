/**
 * `serve` as a process: what it writes on stdout and stderr. It runs the CLI's
 * sources under tsx (main() exactly as bin/lambda-gateway.mjs calls it on
 * dist/), so that it tests this checkout without a build; test/cli/bin.test.ts
 * runs the built bin.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCliFromSources } from '../../../../test/support/serve-process.ts';

const GATEWAY_PACKAGE = resolve(import.meta.dirname, '../..');
const REPO_ROOT = resolve(GATEWAY_PACKAGE, '../..');
/** The SDK warns on Node versions below 22 (`NodeVersionSupportWarning`, @aws-sdk/core). */
const SDK_WARNS = Number(process.versions.node.split('.')[0]) < 22;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-serve-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function runCli(args: string[], env: Record<string, string>) {
  const child = spawnCliFromSources(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const until = (pattern: RegExp) =>
    new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`timed out waiting for ${pattern}; stdout: ${stdout}; stderr: ${stderr}`)), 20_000);
      const check = () => {
        if (!pattern.test(stdout)) return;
        clearTimeout(timer);
        child.stdout.off('data', check);
        done();
      };
      child.stdout.on('data', check);
      check();
    });
  return { child, exited, until, output: () => ({ stdout, stderr }) };
}

describe('lambda-gateway serve', () => {
  it('prints nothing on stderr: stdout is JSON lines only, the AWS SDK’s Node version warning (Node 20) one of them at warn', async () => {
    // routes/ (a secret backend, its secret mounted) and a backend on the ambient chain through IRSA,
    // whose first credentials load builds the SDK's STS client (and so its version check).
    const secrets = join(dir, 'secrets');
    await mkdir(join(secrets, 'aws-creds'), { recursive: true });
    await writeFile(join(secrets, 'aws-creds', 'accessKey'), 'AKIDSERVETEST');
    await writeFile(join(secrets, 'aws-creds', 'secretKey'), 'serve-test-secret-key');
    const ambientRoutes = join(dir, 'ambient.yaml');
    await writeFile(
      ambientRoutes,
      'backends:\n  ambient: { functionName: echo, region: us-east-1, accountId: "222222222222" }\nroutes:\n  - { backend: ambient, matches: [ { path: { type: PathPrefix, value: /ambient } } ] }\n',
    );
    const token = join(dir, 'token');
    await writeFile(token, 'web-identity-token');

    const serve = runCli(
      [
        'serve',
        '--config',
        join(REPO_ROOT, 'routes'),
        '--config',
        ambientRoutes,
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--admin-port',
        '0',
        '--secrets-dir',
        secrets,
      ],
      {
        HOME: dir,
        AWS_REGION: 'us-east-1',
        AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
        AWS_ROLE_ARN: 'arn:aws:iam::111111111111:role/serve-test',
        AWS_WEB_IDENTITY_TOKEN_FILE: token,
      },
    );
    // The STS call fails (nothing listens on port 9): by then the SDK has built its client.
    await serve.until(/"msg":"credentials unavailable"/);
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);

    const { stdout, stderr } = serve.output();
    expect(stderr).toBe('');
    expect(stdout.endsWith('\n')).toBe(true);
    const entries = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const entry of entries) {
      expect(entry).toEqual(expect.objectContaining({ time: expect.any(String), level: expect.any(String), msg: expect.any(String) }));
    }
    expect(entries).toContainEqual(expect.objectContaining({ level: 'info', msg: 'gateway listening', routes: 2, backends: 2 }));
    const sdkWarnings = entries.filter((entry) => entry['warning'] === 'NodeVersionSupportWarning');
    if (SDK_WARNS) {
      expect(sdkWarnings).toEqual([
        expect.objectContaining({ level: 'warn', msg: 'process warning', detail: expect.stringContaining(`You are running node ${process.version}.`) }),
      ]);
    } else {
      expect(sdkWarnings).toEqual([]);
    }
    expect(stdout).not.toContain('serve-test-secret-key');
    expect(stdout).not.toContain('web-identity-token');
  }, 30_000);

  it('refuses an unknown LOG_LEVEL with exit code 2, as the worker does, before serving', async () => {
    const run = runCli(['serve', '--config', join(REPO_ROOT, 'routes'), '--port', '0'], { LOG_LEVEL: 'loud', HOME: dir });
    expect(await run.exited).toBe(2);
    expect(run.output()).toEqual({
      stdout: '',
      stderr: 'lambda-gateway: invalid configuration: environment: LOG_LEVEL: must be one of debug, info, warn, error, silent\n',
    });
  }, 30_000);
});
