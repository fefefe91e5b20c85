import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const MAIN = resolve(REPO_ROOT, 'packages/gateway/src/cli/main.ts');

/**
 * The CLI from this checkout's sources under tsx, `main()` called exactly as the bin calls it
 * on dist/ (no build needed), from the repository root, with only PATH and `env` in its
 * environment; stdout and stderr piped.
 */
export function spawnCliFromSources(args: string[], env: Record<string, string>): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(
    process.execPath,
    [
      '--conditions=lambda-gateway-source',
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `import { main } from ${JSON.stringify(MAIN)}; process.exitCode = await main(process.argv.slice(1));`,
      '--',
      ...args,
    ],
    { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/**
 * `lambda-gateway serve` as its own process, from this checkout's sources
 * under tsx (main() exactly as the bin calls it), so tests can send it real
 * signals. Resolves once it logs `gateway listening`, with its URL. `freePort: false`: no
 * `--port 0` (the config's listener ports are served).
 */
export async function startServeProcess(args: string[], env: Record<string, string>, options: { freePort?: boolean } = {}) {
  const child = spawnCliFromSources(
    [
      'serve',
      // A free port unless the test says otherwise (Gateway listeners on several ports: theirs).
      ...(options.freePort === false ? [] : ['--port', '0']),
      '--host',
      '127.0.0.1',
      // A free admin port unless the test sets one: suites run in parallel and 9901 is the default.
      ...(args.includes('--admin-port') || args.includes('--no-admin') ? [] : ['--admin-port', '0']),
      ...args,
    ],
    { HOME: process.env.HOME ?? '/tmp', ...env },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((done) => child.on('exit', (code) => done({ code, at: Date.now() })));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve did not start; stdout: ${stdout}; stderr: ${stderr}`)), 30_000);
    const check = () => {
      const line = stdout.split('\n').find((text) => text.includes('"msg":"gateway listening"'));
      if (!line) return;
      clearTimeout(timer);
      child.stdout.off('data', check);
      done((JSON.parse(line) as { url: string }).url);
    };
    child.stdout.on('data', check);
    child.on('exit', () => fail(new Error(`serve exited; stdout: ${stdout}; stderr: ${stderr}`)));
  });
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}
