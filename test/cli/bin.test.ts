/**
 * The `lambda-gateway` bin as users run it: plain `node` on the compiled dist/ (no tsx, no
 * source condition), real exit codes. test/package runs the same bin from an installed tarball.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../package/built-dist.ts';

const BIN = resolve(import.meta.dirname, '../../packages/gateway/bin/lambda-gateway.mjs');
let dir: string;

beforeAll(async () => {
  // bin/lambda-gateway.mjs imports ../dist/cli/main.js: build it if this checkout has not.
  await ensureBuilt();
  dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-bin-'));
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(args: string[], options: { untilStdout?: RegExp; env?: Record<string, string> } = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const matched = options.untilStdout
    ? new Promise<RegExpMatchArray>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`timed out waiting for ${options.untilStdout}; stdout: ${stdout}; stderr: ${stderr}`)), 15_000);
        child.stdout.on('data', () => {
          const match = stdout.match(options.untilStdout!);
          if (match) {
            clearTimeout(timer);
            done(match);
          }
        });
      })
    : undefined;
  return { child, exited, matched, output: () => ({ stdout, stderr }) };
}

describe('lambda-gateway bin', () => {
  it('exits 2 on bad configuration, naming the file, the field path and the reason', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(file, 'backends:\n  echo:\n    functionName: echo\n    accountId: "12"\nroutes: []\n');
    const { exited, output } = run(['serve', '--config', file, '--port', '0', '--admin-port', '0']);
    expect(await exited).toBe(2);
    expect(output().stderr).toContain(`${file}: backends.echo.accountId: must be a 12-digit AWS account id`);
  });

  it('exits 2 on an unknown field and on unknown flags', async () => {
    const file = join(dir, 'unknown.yaml');
    await writeFile(file, 'backends:\n  echo:\n    functionName: echo\n    region: us-east-1\n    retries: 3\n');
    const unknownField = run(['serve', '--config', file]);
    expect(await unknownField.exited).toBe(2);
    expect(unknownField.output().stderr).toContain('backends.echo.retries');
    const unknownFlag = run(['serve', '--confg', file]);
    expect(await unknownFlag.exited).toBe(2);
    expect(unknownFlag.output().stderr).toContain("Unknown option '--confg'");
  });

  it('serves a config, answers /healthz and stops cleanly on SIGTERM', async () => {
    const file = join(dir, 'good.yaml');
    await writeFile(file, 'backends:\n  echo: { functionName: echo, region: us-east-1, accountId: "222222222222" }\nroutes:\n  - { backend: echo }\n');
    const server = run(['serve', '--config', file, '--port', '0', '--host', '127.0.0.1', '--admin-port', '0'], {
      untilStdout: /"url":"(http:\/\/127\.0\.0\.1:\d+)"/,
    });
    const [, url] = (await server.matched)!;
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
