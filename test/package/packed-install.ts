/**
 * The published package as a user gets it: `npm pack` of a workspace, then `npm install` of
 * that tarball into a fresh project outside the repository (a real copy, no workspace link),
 * from the npm cache `npm ci` filled.
 */
import { execFile, spawn, type ChildProcessByStdio } from 'node:child_process';
import { lstat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { REPO_ROOT, plainEnv } from './built-dist.ts';

export const run = promisify(execFile);

export interface PackedTarball {
  /** Absolute path of the .tgz. */
  path: string;
  /** Every path inside the package, relative to its root (`dist/index.js`, `package.json`, …). */
  files: string[];
}

/** `npm pack -w <workspace>` from the repository root, into `destination`. */
export async function packWorkspace(workspace: string, destination: string): Promise<PackedTarball> {
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', destination, '-w', workspace], {
    cwd: REPO_ROOT,
    env: plainEnv(),
    maxBuffer: 16 * 1024 * 1024,
  });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  if (!packed) throw new Error(`npm pack -w ${workspace} printed no package: ${stdout}`);
  return { path: join(destination, packed.filename), files: packed.files.map((file) => file.path) };
}

/** A new ESM project in `dir` with `tarball` installed as a production dependency. */
export async function installTarball(dir: string, tarball: string): Promise<void> {
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'lambda-gateway-consumer', private: true, type: 'module' }));
  await run('npm', ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], { cwd: dir, env: plainEnv() });
}

/** True when `path` is a directory of its own (not a symlink into the repository). */
export async function isRealDirectory(path: string): Promise<boolean> {
  const entry = await lstat(path).catch(() => undefined);
  return entry?.isDirectory() === true && !entry.isSymbolicLink();
}

export interface RunningBin {
  child: ChildProcessByStdio<null, Readable, Readable>;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first stdout match of `pattern`; rejects when the process exits or after `timeoutMs`. */
  waitForStdout(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `node <bin> …args` with only `env` (plus PATH/HOME), as a user's shell would. */
export function startBin(bin: string, args: string[], env: Record<string, string>): RunningBin {
  const child = spawn(process.execPath, [bin, ...args], { env: plainEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForStdout: (pattern, timeoutMs = 15_000) =>
      new Promise((done, fail) => {
        const check = () => {
          const match = stdout.match(pattern);
          if (!match) return;
          clearTimeout(timer);
          child.stdout.off('data', check);
          done(match);
        };
        const timer = setTimeout(() => fail(new Error(`timed out waiting for ${pattern}; stdout: ${stdout}; stderr: ${stderr}`)), timeoutMs);
        child.stdout.on('data', check);
        void exited.then((code) => {
          clearTimeout(timer);
          fail(new Error(`exited with ${code} before ${pattern}; stdout: ${stdout}; stderr: ${stderr}`));
        });
        check();
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
