import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Child, stopProcess } from './child.ts';
import { BASE_KEYS, LOOPBACK, REGION } from './common.ts';

/** The published CLI entry: it imports ../dist/cli/main.js, the compiled gateway. */
const GATEWAY_BIN = fileURLToPath(new URL('../../packages/gateway/bin/lambda-gateway.mjs', import.meta.url));
const START_TIMEOUT_MS = 30_000;
/** How much of a failed start's stderr goes into the error. */
const STDERR_TAIL = 4_000;

export interface GatewayProcessOptions {
  /** The native config file (gateway-config.ts). */
  configFile: string;
  /** The bench upstream, also the STS endpoint for role chaining. */
  upstream: string;
  cpuProfileDir?: string | undefined;
  nodeOptions?: string[];
  /** More environment (the image's malloc settings, image-settings.ts). */
  env?: Record<string, string> | undefined;
  /** More `serve` flags (e.g. `--no-metrics`). */
  serveArgs?: string[] | undefined;
}

/** Gateway processes still running: killed if the bench itself exits without stopping them. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * The environment the gateway runs with: the bench's static keys as its
 * ambient identity (no session token), its region, and STS at the upstream.
 */
function gatewayEnv(upstream: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_ACCESS_KEY_ID: BASE_KEYS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: BASE_KEYS.secretAccessKey,
    AWS_REGION: REGION,
    AWS_ENDPOINT_URL_STS: upstream,
  };
  delete env.AWS_SESSION_TOKEN;
  return env;
}

/** A log line at error level (the gateway's own `"error"`, or pino's numeric 50 and up). */
function isErrorEntry(entry: Record<string, unknown>): boolean {
  return entry.level === 'error' || entry.level === 'fatal' || (typeof entry.level === 'number' && entry.level >= 50);
}

function parseLogLine(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts the gateway as production runs it: `node packages/gateway/bin/lambda-gateway.mjs
 * serve --config FILE --port 0 --host 127.0.0.1`, compiled JS, no tsx, default
 * log level (info: one access-log line per request on stdout). Resolves with
 * the URL of its "gateway listening" log line; fails with the message if the
 * process exits or logs an error first. Its stdout is a file (see below), emptied
 * every second once it listens; stderr is passed through.
 */
export function startGateway(name: string, options: GatewayProcessOptions): Promise<Child> {
  const nodeArgs = [...(options.nodeOptions ?? []), ...(options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [])];
  const args = [
    ...nodeArgs,
    GATEWAY_BIN,
    'serve',
    '--config',
    options.configFile,
    '--port',
    '0',
    '--host',
    LOOPBACK,
    '--admin-port',
    '0',
    // Stopped by SIGINT: no drain delay, so it exits (and --cpu-prof writes its profile) well
    // within stopProcess's 5 s before SIGKILL.
    '--drain-delay',
    '0',
    // No per-connection request cap (default 1000, nginx's keepalive_requests), as the bare
    // proxies have none: autocannon writes its next request before it sees a connection close,
    // and with the cap its one-connection figures went wrong (p50 2 ms and half the req/s,
    // against 0.5 ms without the cap, same code; a Node client saw 0.7 ms either way).
    '--max-requests-per-connection',
    '0',
    ...(options.serveArgs ?? []),
  ];
  // stdout to a file, as a container runtime writes it (kubelet/containerd log files). A pipe
  // read by this process made the gateway's log writes wait on a reader that is also the load
  // generator: partial writes, a write per line, CPU charged to the gateway. Opened for append,
  // so the bench can empty it under load (ftruncate) without the gateway's writes leaving holes.
  const logDir = mkdtempSync(join(tmpdir(), 'bench-gateway-log-'));
  const logFile = join(logDir, 'stdout.log');
  const logFd = openSync(logFile, 'a+');
  const child = spawn(process.execPath, args, { env: { ...gatewayEnv(options.upstream), ...options.env }, stdio: ['ignore', logFd, 'pipe'] });
  running.add(child);
  let emptier: NodeJS.Timeout | undefined;
  child.once('exit', () => {
    running.delete(child);
    clearInterval(emptier);
    closeSync(logFd);
    rmSync(logDir, { recursive: true, force: true });
  });

  return new Promise((resolve, reject) => {
    let stderr = '';
    let pending = '';
    let settled = false;
    const onStderr = (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
    };
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(poller);
      child.kill('SIGKILL');
      reject(new Error(`${name} (lambda-gateway serve) ${reason}${stderr.trim() ? `\n--- its stderr:\n${stderr.trim()}` : ''}`));
    };
    let readOffset = 0;
    const readNewLines = () => {
      const chunk = Buffer.alloc(65_536);
      for (let read = readSync(logFd, chunk, 0, chunk.length, readOffset); read > 0; read = readSync(logFd, chunk, 0, chunk.length, readOffset)) {
        readOffset += read;
        pending += chunk.toString('utf8', 0, read);
      }
      for (let newline = pending.indexOf('\n'); newline !== -1 && !settled; newline = pending.indexOf('\n')) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        const entry = parseLogLine(line);
        if (!entry) continue;
        if (isErrorEntry(entry)) fail(`logged an error before it listened: ${line}`);
        else if (entry.msg === 'gateway listening' && typeof entry.url === 'string') listening(entry.url);
      }
    };
    const poller = setInterval(readNewLines, 20);
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => fail(`exited (${signal ?? `code ${code}`}) before it was listening`);
    const listening = (url: string) => {
      settled = true;
      clearTimeout(timer);
      clearInterval(poller);
      child.off('exit', onExit);
      // From here on only keep the file small: no reading of the access logs under load.
      emptier = setInterval(() => ftruncateSync(logFd, 0), 1_000);
      emptier.unref();
      child.stderr!.off('data', onStderr);
      if (stderr) process.stderr.write(stderr);
      child.stderr!.pipe(process.stderr, { end: false });
      child.once('exit', (code, signal) => {
        if (!stopping) console.error(`${name} (lambda-gateway serve) exited unexpectedly (${signal ?? `code ${code}`})`);
      });
      resolve({ name, pid: child.pid ?? 0, url, stop });
    };
    let stopping = false;
    const stop = () => {
      stopping = true;
      return stopProcess(child);
    };
    const timer = setTimeout(() => fail(`did not log "gateway listening" within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    child.stderr!.on('data', onStderr);
    child.once('exit', onExit);
    child.once('error', (error) => fail(`could not be started: ${error.message}`));
  });
}
