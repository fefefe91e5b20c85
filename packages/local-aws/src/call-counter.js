/** Counts requests per `service:Action`, for tests that assert on retries and caching. */
export class CallCounter {
    counts = new Map();
    increment(action) {
        this.counts.set(action, (this.counts.get(action) ?? 0) + 1);
    }
    count(action) {
        return this.counts.get(action) ?? 0;
    }
    reset() {
        this.counts.clear();
    }
}
