import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ReadyMessage, UnavailableMessage } from './common.ts';

export interface Child {
  name: string;
  pid: number;
  /** Where it listens; undefined when it reported itself unavailable. */
  url: string | undefined;
  unavailable: string | undefined;
  stop(): Promise<void>;
}

/**
 * Starts one bench process (a file next to this one, run through tsx unless `tsx: false`)
 * and waits until it reports that it listens, or that it cannot run. Its
 * stdout (access logs) is discarded, stderr is shown. A child that does not
 * come up within 30 s is killed and the run fails.
 */
export function startChild(name: string, file: string, args: string[], options: { cpuProfileDir?: string | undefined; nodeOptions?: string[]; tsx?: boolean } = {}): Promise<Child> {
  const execArgv = [...(options.nodeOptions ?? []), ...(options.tsx === false ? [] : ['--import', 'tsx'])];
  if (options.cpuProfileDir) execArgv.push('--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir);
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
    child.once('message', (message: ReadyMessage | UnavailableMessage) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const unavailable = 'unavailable' in message ? message.unavailable : undefined;
      resolve({ name, pid: child.pid ?? 0, url: 'url' in message ? message.url : undefined, unavailable, stop: () => stop(child) });
    });
  });
}

/**
 * Stops a child gracefully (SIGINT lets `--cpu-prof` write its profile, and
 * closing IPC makes the child exit on its own), then by force after 5 s.
 */
function stop(child: ChildProcess): Promise<void> {
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
