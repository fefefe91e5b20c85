import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';

/**
 * Functions run in this process, so their `console.*` output would land in
 * the test runner's output and could not be returned as `X-Amz-Log-Result`.
 * While a local AWS is running, console methods are wrapped: inside an
 * invocation (tracked with AsyncLocalStorage, so concurrent invocations do not
 * mix) output goes to that invocation's log; everywhere else the original
 * method runs unchanged.
 */

/** One invocation's CloudWatch-style log, bounded to its most recent part. */
export class InvocationLog {
  private text = '';
  private static readonly MAX_CHARS = 64 * 1024;

  constructor(readonly requestId: string) {}

  /** Appends a raw line (a newline is added). */
  line(text: string): void {
    this.text += `${text}\n`;
    if (this.text.length > InvocationLog.MAX_CHARS) this.text = this.text.slice(-InvocationLog.MAX_CHARS);
  }

  /** Appends a console call, formatted as the Node.js runtime does. */
  console(level: string, args: unknown[]): void {
    this.line(`${new Date().toISOString()}\t${this.requestId}\t${level}\t${format(...args)}`);
  }

  toString(): string {
    return this.text;
  }
}

const currentLog = new AsyncLocalStorage<InvocationLog>();
const LEVELS = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' } as const;
type ConsoleMethod = keyof typeof LEVELS;

let activeCaptures = 0;
let originalMethods: Partial<Record<ConsoleMethod, (...args: unknown[]) => void>> = {};

/** Starts routing console output of invocations; returns the matching release function. */
export function acquireConsoleCapture(): () => void {
  if (activeCaptures++ === 0) {
    originalMethods = {};
    for (const method of Object.keys(LEVELS) as ConsoleMethod[]) {
      const original = console[method] as (...args: unknown[]) => void;
      originalMethods[method] = original;
      console[method] = (...args: unknown[]) => {
        const log = currentLog.getStore();
        if (log) log.console(LEVELS[method], args);
        else original.apply(console, args);
      };
    }
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--activeCaptures === 0) {
      for (const [method, original] of Object.entries(originalMethods)) console[method as ConsoleMethod] = original;
      originalMethods = {};
    }
  };
}

/** Runs `body` with console output going to `log`. */
export function runWithInvocationLog<T>(log: InvocationLog, body: () => T): T {
  return currentLog.run(log, body);
}

/** Base64 of the last 4 KB of a log, as Lambda returns it in X-Amz-Log-Result. */
export function logTailBase64(text: string, maxBytes = 4096): string {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.subarray(Math.max(0, bytes.length - maxBytes)).toString('base64');
}
