/** `check` and `serve` on configuration files on disk: non-regular files, 0 routes, errors naming the file. */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkConfig } from '../../packages/gateway/src/cli/check.ts';
import { startGateway } from '../../packages/gateway/src/cli/serve.ts';
import { buildWorkerGateway } from '../../packages/gateway/src/adapters/worker/worker-gateway.ts';
import { silentLogger } from '../../packages/gateway/src/logging/index.ts';
import { ConfigError } from '../../packages/gateway/src/validation/index.ts';

const ROUTE = 'backends:\n  echo: { functionName: echo, region: us-east-1 }\nroutes: [{ backend: echo }]\n';
const MAIN = resolve(import.meta.dirname, '../../packages/gateway/src/cli/main.ts');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lgw-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function check(config: string[], extra: { allowEmpty?: boolean } = {}) {
  const lines: string[] = [];
  const code = await checkConfig({ config, output: 'text', env: {}, secretsDir: '/nonexistent', write: (text) => lines.push(text), ...extra });
  return { code, text: lines.join('\n') };
}

describe('configuration files on disk', () => {
  it('skips a FIFO and a socket in a config directory with a warning, without opening them (check does not hang)', async () => {
    await writeFile(join(dir, 'a.yaml'), ROUTE);
    execFileSync('mkfifo', [join(dir, 'b.yaml')]);
    const socket: Server = createServer();
    await new Promise<void>((done) => socket.listen(join(dir, 'c.yaml'), done));
    try {
      const result = await check([dir]);
      expect(result.code).toBe(0);
      expect(result.text).toContain(`${join(dir, 'b.yaml')}: skipped, not a regular file`);
      expect(result.text).toContain(`${join(dir, 'c.yaml')}: skipped, not a regular file`);
      expect(result.text).toContain('1 route');
      // A FIFO named directly is an error naming it.
      const direct = await check([join(dir, 'b.yaml')]);
      expect(direct.code).toBe(2);
      expect(direct.text).toContain(`${join(dir, 'b.yaml')}: not a regular file`);
    } finally {
      await new Promise((done) => socket.close(done));
    }
  });

  it('refuses 0 routes unless --allow-empty, in check and serve', async () => {
    await writeFile(join(dir, 'empty.yaml'), 'backends: {}\nroutes: []\n');
    const refused = await check([join(dir, 'empty.yaml')]);
    expect(refused.code).toBe(2);
    expect(refused.text).toContain(`${join(dir, 'empty.yaml')}: no routes: every request would get 404 (pass --allow-empty to start anyway)`);
    expect((await check([join(dir, 'empty.yaml')], { allowEmpty: true })).code).toBe(0);

    const options = { config: [join(dir, 'empty.yaml')], port: 0, host: '127.0.0.1', adminPort: 0, logger: silentLogger, env: {} };
    await expect(startGateway(options)).rejects.toBeInstanceOf(ConfigError);
    const server = await startGateway({ ...options, allowEmpty: true });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${server.url}/anything`)).status).toBe(404);
    } finally {
      await server.close(1000);
    }
  });

  it('refuses 0 routes in the worker too (the same loading rules from bundled texts)', () => {
    const configFiles = [{ source: 'routes/empty.yaml', text: '# nothing yet\nbackends: {}\n' }];
    expect(() => buildWorkerGateway({ configFiles, env: {}, logger: silentLogger })).toThrow(
      'routes/empty.yaml: no routes: every request would get 404 (pass --allow-empty to start anyway)',
    );
    expect(buildWorkerGateway({ configFiles, env: {}, logger: silentLogger, allowEmpty: true }).gateway.table).toEqual([]);
  });

  it('exits 2 naming the file for an alias bomb, a missing region and a disagreeing account (the real CLI)', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [index, name] of ['b', 'c', 'd', 'e'].entries()) bomb.push(`${name}: &${name} [${Array(9).fill(`*${'abcd'[index]}`).join(', ')}]`);
    const cases = {
      'bomb.yaml': [bomb.join('\n'), 'Excessive alias count'],
      'region.yaml': ['backends:\n  fn: { functionName: echo }\nroutes: [{ backend: fn }]\n', 'backends.fn.region: required'],
      'account.yaml': [
        'backends:\n  fn: { functionName: "arn:aws:lambda:us-east-1:111111111111:function:echo", accountId: "222222222222" }\nroutes: [{ backend: fn }]\n',
        'backends.fn.accountId: "222222222222" disagrees',
      ],
    };
    for (const [file, [text, reason]] of Object.entries(cases)) {
      await writeFile(join(dir, file), text!);
      const { code, stderr } = await runCli(['check', '--config', join(dir, file)]);
      expect({ file, code }).toEqual({ file, code: 2 });
      expect(stderr + '').toMatch(
        new RegExp(`${join(dir, file).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: .*${reason!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`),
      );
    }
  }, 60_000);
});

/** The CLI from the sources in a child process, without AWS_REGION so a missing region is missing. */
function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const env = { ...process.env };
  delete env.AWS_REGION;
  delete env.AWS_DEFAULT_REGION;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '-e', `import(${JSON.stringify(MAIN)}).then(async (m) => { process.exitCode = await m.main(${JSON.stringify(args)}); })`],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((done) => child.on('close', (code) => done({ code, stderr: output })));
}
