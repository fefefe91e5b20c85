/**
 * A function's reserved concurrency: synchronous calls over the limit are
 * refused (Lambda answers 429), asynchronous ones wait in a bounded queue the
 * way Lambda's internal event queue holds them.
 */
export declare class ConcurrencyLimiter {
    readonly limit: number | undefined;
    private readonly maxQueued;
    private inFlight;
    private readonly waiting;
    private closed;
    /** `limit` undefined means unreserved (no per-function limit). */
    constructor(limit: number | undefined, maxQueued?: number);
    /** Takes a slot if one is free. */
    tryAcquire(): boolean;
    /** Waits for a slot; resolves false if the queue is full or the server closes. */
    acquireWhenAvailable(): Promise<boolean>;
    /** Frees a slot, handing it straight to the next waiter if any. */
    release(): void;
    /** Drops every waiter (used when the server closes). */
    close(): void;
}
