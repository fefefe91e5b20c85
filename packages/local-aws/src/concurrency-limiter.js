/**
 * A function's reserved concurrency: synchronous calls over the limit are
 * refused (Lambda answers 429), asynchronous ones wait in a bounded queue the
 * way Lambda's internal event queue holds them.
 */
export class ConcurrencyLimiter {
    limit;
    maxQueued;
    inFlight = 0;
    waiting = [];
    closed = false;
    /** `limit` undefined means unreserved (no per-function limit). */
    constructor(limit, maxQueued = 1_000) {
        this.limit = limit;
        this.maxQueued = maxQueued;
    }
    /** Takes a slot if one is free. */
    tryAcquire() {
        if (this.closed)
            return false;
        if (this.limit !== undefined && this.inFlight >= this.limit)
            return false;
        this.inFlight++;
        return true;
    }
    /** Waits for a slot; resolves false if the queue is full or the server closes. */
    acquireWhenAvailable() {
        if (this.tryAcquire())
            return Promise.resolve(true);
        if (this.closed || this.waiting.length >= this.maxQueued)
            return Promise.resolve(false);
        return new Promise((resolve) => this.waiting.push(resolve));
    }
    /** Frees a slot, handing it straight to the next waiter if any. */
    release() {
        const next = this.waiting.shift();
        if (next)
            next(true);
        else
            this.inFlight = Math.max(0, this.inFlight - 1);
    }
    /** Drops every waiter (used when the server closes). */
    close() {
        this.closed = true;
        for (const waiter of this.waiting.splice(0))
            waiter(false);
    }
}
