/** Counts requests per `service:Action`, for tests that assert on retries and caching. */
export declare class CallCounter {
    private readonly counts;
    increment(action: string): void;
    count(action: string): number;
    reset(): void;
}
