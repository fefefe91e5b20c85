import { Miniflare } from 'miniflare';
import type { Readable } from 'node:stream';

export interface StartWorkerOptions {
  /** The bundled ES module (see buildWorker). */
  script: string;
  /** A name for the script in stack traces (e.g. wrangler.toml `main`). */
  scriptPath?: string;
  name?: string;
  compatibilityDate: string;
  compatibilityFlags?: string[];
  /** Vars and secrets, as wrangler passes `[vars]` and `.dev.vars`. */
  bindings: Record<string, string>;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Every line the worker writes (console.log → stdout, console.error → stderr). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export interface RunningWorker {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Runs a bundled worker in miniflare (workerd, from npm: nothing is downloaded)
 * with the settings wrangler would use. Resolves once it serves; rejects if the
 * worker fails at start-up (its error is among the stderr lines).
 */
export async function startWorker(options: StartWorkerOptions): Promise<RunningWorker> {
  const onLine = options.onLine ?? ((line, stream) => (stream === 'stdout' ? process.stdout : process.stderr).write(`${line}\n`));
  const miniflare = new Miniflare({
    name: options.name ?? 'lambda-gateway',
    modules: true,
    script: options.script,
    scriptPath: options.scriptPath ?? 'worker.js',
    compatibilityDate: options.compatibilityDate,
    compatibilityFlags: options.compatibilityFlags ?? [],
    bindings: options.bindings,
    port: options.port,
    host: options.host ?? '127.0.0.1',
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      forEachLine(stdout, (line) => onLine(line, 'stdout'));
      forEachLine(stderr, (line) => onLine(line, 'stderr'));
    },
  });
  let url: URL;
  try {
    url = await miniflare.ready;
  } catch (error) {
    await miniflare.dispose().catch(() => undefined);
    throw error;
  }
  return {
    url: url.origin,
    port: Number(url.port),
    close: () => miniflare.dispose(),
  };
}

/** Calls `fn` with each complete line of `stream` (chunks may split lines). */
function forEachLine(stream: Readable, fn: (line: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n')) {
      fn(pending.slice(0, newline));
      pending = pending.slice(newline + 1);
    }
  });
  stream.on('end', () => {
    if (pending !== '') fn(pending);
  });
}
