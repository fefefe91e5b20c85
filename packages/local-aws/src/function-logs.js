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
    requestId;
    text = '';
    static MAX_CHARS = 64 * 1024;
    constructor(requestId) {
        this.requestId = requestId;
    }
    /** Appends a raw line (a newline is added). */
    line(text) {
        this.text += `${text}\n`;
        if (this.text.length > InvocationLog.MAX_CHARS)
            this.text = this.text.slice(-InvocationLog.MAX_CHARS);
    }
    /** Appends a console call, formatted as the Node.js runtime does. */
    console(level, args) {
        this.line(`${new Date().toISOString()}\t${this.requestId}\t${level}\t${format(...args)}`);
    }
    toString() {
        return this.text;
    }
}
const currentLog = new AsyncLocalStorage();
const LEVELS = { log: 'INFO', info: 'INFO', warn: 'WARN', error: 'ERROR', debug: 'DEBUG', trace: 'TRACE' };
let activeCaptures = 0;
let originalMethods = {};
/** Starts routing console output of invocations; returns the matching release function. */
export function acquireConsoleCapture() {
    if (activeCaptures++ === 0) {
        originalMethods = {};
        for (const method of Object.keys(LEVELS)) {
            const original = console[method];
            originalMethods[method] = original;
            console[method] = (...args) => {
                const log = currentLog.getStore();
                if (log)
                    log.console(LEVELS[method], args);
                else
                    original.apply(console, args);
            };
        }
    }
    let released = false;
    return () => {
        if (released)
            return;
        released = true;
        if (--activeCaptures === 0) {
            for (const [method, original] of Object.entries(originalMethods))
                console[method] = original;
            originalMethods = {};
        }
    };
}
/** Runs `body` with console output going to `log`. */
export function runWithInvocationLog(log, body) {
    return currentLog.run(log, body);
}
/** Base64 of the last 4 KB of a log, as Lambda returns it in X-Amz-Log-Result. */
export function logTailBase64(text, maxBytes = 4096) {
    const bytes = Buffer.from(text, 'utf8');
    return bytes.subarray(Math.max(0, bytes.length - maxBytes)).toString('base64');
}
