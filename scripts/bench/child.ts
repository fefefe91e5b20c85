import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ReadyMessage } from './common.ts';

/** One running bench process: a contender, the upstream or a floor. */
export interface Child {
  name: string;
  pid: number;
  /** Where it listens ('' for the idle floor). */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts one bench script (a file next to this one, run through tsx unless
 * `tsx: false`) and waits until it reports over IPC that it listens. Its
 * stdout is discarded, stderr is shown. A child that does not come up within
 * 30 s is killed and the run fails. The gateway is not started this way: it
 * runs as its compiled CLI (gateway-process.ts).
 */
export function startChild(name: string, file: string, args: string[], options: { nodeOptions?: string[]; tsx?: boolean } = {}): Promise<Child> {
  const execArgv = [...(options.nodeOptions ?? []), ...(options.tsx === false ? [] : ['--import', 'tsx'])];
  const child = fork(fileURLToPath(new URL(file, import.meta.url)), args, { execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within 30 s`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (code ${code}) before it was ready`));
    });
    child.once('message', (message: ReadyMessage) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ name, pid: child.pid ?? 0, url: message.url, stop: () => stopProcess(child) });
    });
  });
}

/**
 * Stops a child gracefully, then by force after 5 s. A forked script exits
 * when its IPC channel closes; anything else gets SIGINT, which the gateway's
 * CLI handles by closing its server, and which lets `--cpu-prof` write its profile.
 */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    if (child.connected) child.disconnect();
    else child.kill('SIGINT');
  });
}
