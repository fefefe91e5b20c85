import pLimit, { type LimitFunction } from 'p-limit';

/**
 * A function's reserved concurrency: synchronous calls over the limit are
 * refused (Lambda answers 429), asynchronous ones wait in a bounded queue the
 * way Lambda's internal event queue holds them.
 *
 * p-limit only ever queues, so "refuse when full" is decided here from its
 * counters: p-limit updates `activeCount` and `pendingCount` synchronously
 * when a call is made and when one finishes (the next queued call takes the
 * freed slot at once), so `active + pending >= concurrency` is exact, and a
 * synchronous call never overtakes queued Event work. p-limit's minimum
 * concurrency is 1, so a reservation of 0 (always throttled) has no limiter.
 */
export class ReservedConcurrency {
  /** `undefined` when the reservation is 0: nothing may ever run. */
  private readonly limit: LimitFunction | undefined;
  private closed = false;

  /** `reserved` undefined means unreserved (no per-function limit). */
  constructor(
    readonly reserved: number | undefined,
    private readonly maxQueued = 1_000,
  ) {
    // rejectOnClear: queued work dropped at close settles instead of staying pending forever.
    this.limit = reserved === 0 ? undefined : pLimit({ concurrency: reserved ?? Number.POSITIVE_INFINITY, rejectOnClear: true });
  }

  /** Starts `work` in a free slot; `undefined` when every slot is taken (the caller throttles). */
  runIfFree<T>(work: () => Promise<T>): Promise<T> | undefined {
    const limit = this.limit;
    if (this.closed || !limit || limit.activeCount + limit.pendingCount >= limit.concurrency) return undefined;
    return limit(work);
  }

  /** Runs `work` once a slot frees up; false when it was dropped (queue full, or closed before it started). */
  async runWhenFree(work: () => Promise<unknown>): Promise<boolean> {
    const limit = this.limit;
    if (this.closed || !limit || limit.pendingCount >= this.maxQueued) return false;
    let started = false;
    try {
      await limit(() => {
        started = true;
        return work();
      });
      return true;
    } catch (error) {
      // Before `work` started, the only rejection is clearQueue's AbortError from close().
      if (!started) return false;
      throw error;
    }
  }

  /** Drops every queued call (used when the server closes); running ones finish on their own. */
  close(): void {
    this.closed = true;
    this.limit?.clearQueue();
  }
}
