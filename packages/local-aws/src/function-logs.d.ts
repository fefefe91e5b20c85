/**
 * Functions run in this process, so their `console.*` output would land in
 * the test runner's output and could not be returned as `X-Amz-Log-Result`.
 * While a local AWS is running, console methods are wrapped: inside an
 * invocation (tracked with AsyncLocalStorage, so concurrent invocations do not
 * mix) output goes to that invocation's log; everywhere else the original
 * method runs unchanged.
 */
/** One invocation's CloudWatch-style log, bounded to its most recent part. */
export declare class InvocationLog {
    readonly requestId: string;
    private text;
    private static readonly MAX_CHARS;
    constructor(requestId: string);
    /** Appends a raw line (a newline is added). */
    line(text: string): void;
    /** Appends a console call, formatted as the Node.js runtime does. */
    console(level: string, args: unknown[]): void;
    toString(): string;
}
/** Starts routing console output of invocations; returns the matching release function. */
export declare function acquireConsoleCapture(): () => void;
/** Runs `body` with console output going to `log`. */
export declare function runWithInvocationLog<T>(log: InvocationLog, body: () => T): T;
/** Base64 of the last 4 KB of a log, as Lambda returns it in X-Amz-Log-Result. */
export declare function logTailBase64(text: string, maxBytes?: number): string;
