/** Counts requests per `service:Action`, for tests that assert on retries and caching. */
export class CallCounter {
  private readonly counts = new Map<string, number>();

  increment(action: string): void {
    this.counts.set(action, (this.counts.get(action) ?? 0) + 1);
  }

  count(action: string): number {
    return this.counts.get(action) ?? 0;
  }

  reset(): void {
    this.counts.clear();
  }
}
