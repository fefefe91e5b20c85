/**
 * `serve` as a process (the CLI's sources under tsx, as packages/gateway/src/cli/serve.test.ts
 * runs it): SIGHUP reloads the configuration in the same process, and SIGTERM
 * logs the drain and the stop as JSON lines before a clean exit.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAws } from '../../packages/local-aws/src/index.ts';
import { spawnCliFromSources } from '../support/serve-process.ts';
import { GUIDE_BODY, KEYS, startTestAws, writeMountedSecret } from '../support/stack.ts';

const config = (...paths: string[]) =>
  `backends:\n  echo: { region: us-east-1, accountId: "222222222222", functionName: echo, auth: { type: secret, name: aws-creds } }\nroutes:\n${paths
    .map((path) => `  - { name: ${path.slice(1)}, matches: [{ path: { type: Exact, value: ${path} } }], backend: echo }`)
    .join('\n')}\n`;

let aws: LocalAws;
let dir: string;
beforeAll(async () => {
  aws = await startTestAws();
  dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-sighup-'));
});
afterAll(async () => {
  await aws?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('serve signals', () => {
  it('SIGHUP reloads in the same process (the new route answers); SIGTERM logs the drain and the stop, exit 0', async () => {
    const file = join(dir, 'gateway.yaml');
    await writeFile(file, config('/one'));
    await writeMountedSecret(join(dir, 'secrets'), 'aws-creds', { accessKey: KEYS.gateway.accessKey, secretKey: KEYS.gateway.secretKey });
    const args = ['serve', '--config', file, '--port', '0', '--host', '127.0.0.1', '--admin-port', '0', '--secrets-dir', join(dir, 'secrets'), '--no-watch'];
    const child = spawnCliFromSources(args, { HOME: dir, AWS_ENDPOINT_URL: aws.url, AWS_REGION: 'us-east-1' });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const until = async (pattern: RegExp): Promise<RegExpExecArray> => {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const match = pattern.exec(stdout);
        if (match) return match;
        if (child.exitCode !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no ${pattern} in: ${stdout}`);
    };
    try {
      const url = (await until(/"url":"(http:\/\/127\.0\.0\.1:\d+)"[^\n]*"msg":"gateway listening"/))[1]!;
      expect((await fetch(`${url}/two`, { method: 'POST', body: GUIDE_BODY })).status).toBe(404);
      await writeFile(file, config('/one', '/two'));
      const pid = child.pid;
      child.kill('SIGHUP');
      await until(/"msg":"config reloaded"/);
      expect(child.exitCode).toBe(null);
      expect(child.pid).toBe(pid);
      expect((await fetch(`${url}/two`, { method: 'POST', body: GUIDE_BODY })).status).toBe(200);
      expect((await fetch(`${url}/one`, { method: 'POST', body: GUIDE_BODY })).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.find((line) => line.msg === 'config reloaded')).toMatchObject({ trigger: 'SIGHUP', added: ['two'] });
    // The drain's own lines (draining, closing, drained) come between these two.
    const shuttingDown = lines.findIndex((line) => line.msg === 'shutting down: draining requests in flight');
    expect(lines[shuttingDown]).toMatchObject({ signal: 'SIGTERM' });
    expect(lines.findIndex((line) => line.msg === 'drained: every request in flight finished')).toBeGreaterThan(shuttingDown);
    expect(lines.at(-1)).toMatchObject({ msg: 'stopped', signal: 'SIGTERM' });
  }, 90_000);
});
