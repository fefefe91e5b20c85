import * as v from 'valibot';

const milliseconds = (max: number) => v.pipe(v.number(), v.integer('must be an integer'), v.minValue(1), v.maxValue(max));

/**
 * `retry.throttled`: retry Lambda's 429 TooManyRequestsException, the one error
 * after which the function certainly did not run. Off unless configured.
 */
export const ThrottleRetrySchema = v.strictObject({
  /** Invoke calls in all, the first included (2 = one retry). */
  maxAttempts: v.optional(v.pipe(v.number(), v.integer('must be an integer'), v.minValue(2), v.maxValue(10)), 3),
  /** Backoff before retry n: a random delay in [d/2, d], d = baseDelayMs × 2^(n-1), at most maxDelayMs; never below Retry-After. */
  baseDelayMs: v.optional(milliseconds(60_000), 100),
  maxDelayMs: v.optional(milliseconds(300_000), 2_000),
  /** Retries allowed per first attempt, over time (the retry budget's refill); 0.2 = at most 20 % extra calls. */
  budgetRatio: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1)), 0.2),
  /** Retries the budget holds when full (it starts full, so a quiet backend can still retry). */
  budgetMax: v.optional(v.pipe(v.number(), v.integer('must be an integer'), v.minValue(0), v.maxValue(10_000)), 10),
});

export const RetrySchema = v.strictObject({ throttled: v.optional(ThrottleRetrySchema) });

export type ThrottleRetry = v.InferOutput<typeof ThrottleRetrySchema>;
