import type { ResolvedBackend } from '../descriptor/index.ts';
import type { ThrottleRetry } from '../descriptor/retry-schema.ts';
import { GatewayError } from '../errors/index.ts';
import { invokeLambda, type InvokeOptions, type InvokeResponse } from './invoke-lambda.ts';
import { waitUnlessGone } from './retry-wait.ts';

/** What a retry loop needs from the backend: its resolved Invoke facts and its retry policy. */
export interface RetryingBackend {
  name: string;
  resolved: ResolvedBackend;
  descriptor: { retry?: { throttled?: ThrottleRetry | undefined } | undefined };
}

/** One line per retry, for the log. */
export type RetryLog = (fields: { backend: string; attempt: number; delayMs: number; lambdaErrorType: string }) => void;

export interface ThrottleRetryOptions extends InvokeOptions {
  /** Called before each retry's wait. */
  onRetry?: RetryLog | undefined;
  /** This call's deadline instead of the backend's `timeoutMs` (a route retry's what-is-left of `timeouts.request`). */
  timeoutMs?: number | undefined;
}

/**
 * A token bucket per backend: each first attempt adds `budgetRatio` tokens (up to
 * `budgetMax`), each retry takes one. A throttled function then sees at most
 * that fraction of extra calls, instead of every client's retries piling on.
 */
class RetryBudget {
  #tokens: number;
  constructor(private readonly policy: ThrottleRetry) {
    this.#tokens = policy.budgetMax;
  }
  deposit(): void {
    this.#tokens = Math.min(this.policy.budgetMax, this.#tokens + this.policy.budgetRatio);
  }
  withdraw(): boolean {
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}

const budgets = new WeakMap<ResolvedBackend, RetryBudget>();

/** Lambda throttling: 429 TooManyRequestsException, answered before the function ran. */
function isThrottle(error: unknown): error is GatewayError {
  return error instanceof GatewayError && error.status === 429 && error.details?.lambdaErrorType === 'TooManyRequestsException';
}

/**
 * invokeLambda, retrying Lambda throttling when the backend has `retry.throttled`.
 * Only 429 TooManyRequestsException is retried — never a timeout, a 5xx or a
 * network error, after which the function may have run. Each retry waits a
 * jittered exponential backoff, at least the response's Retry-After, takes a
 * token from the backend's retry budget, and must fit (wait included) in what
 * is left of the backend's `timeoutMs`, counted from the first attempt; the
 * client going away ends the wait. When no retry is possible the last 429 is
 * returned as it is.
 */
export function invokeWithThrottleRetries(backend: RetryingBackend, payload: Uint8Array, options: ThrottleRetryOptions): Promise<InvokeResponse> {
  const policy = backend.descriptor.retry?.throttled;
  const first = options.timeoutMs === undefined ? backend.resolved : { ...backend.resolved, timeoutMs: options.timeoutMs };
  // Without a policy (most backends): the one call itself, no async frame of its own held per request.
  if (!policy) return invokeLambda(first, payload, options);
  return retryThrottled(backend, policy, first, payload, options);
}

async function retryThrottled(
  backend: RetryingBackend,
  policy: ThrottleRetry,
  first: ResolvedBackend,
  payload: Uint8Array,
  options: ThrottleRetryOptions,
): Promise<InvokeResponse> {
  let budget = budgets.get(backend.resolved);
  if (!budget) budgets.set(backend.resolved, (budget = new RetryBudget(policy)));
  budget.deposit();
  const deadline = Date.now() + first.timeoutMs;
  let resolved = first;
  for (let attempt = 1; ; attempt++) {
    try {
      return await invokeLambda(resolved, payload, options);
    } catch (error) {
      if (!isThrottle(error) || attempt >= policy.maxAttempts) throw error;
      const delayMs = backoffMs(policy, attempt, error.headers?.['retry-after']);
      // The retry needs time to run after the wait: give up when less than a base delay would be left.
      const remaining = deadline - Date.now() - delayMs;
      if (remaining < policy.baseDelayMs || !budget.withdraw()) throw error;
      options.onRetry?.({ backend: backend.name, attempt: attempt + 1, delayMs, lambdaErrorType: 'TooManyRequestsException' });
      await waitUnlessGone(delayMs, options, error);
      resolved = { ...backend.resolved, timeoutMs: Math.max(1, deadline - Date.now()) };
    }
  }
}

/** Equal jitter: a random delay in [d/2, d], d = base × 2^(attempt-1) capped at maxDelayMs; never below Retry-After (seconds). */
export function backoffMs(policy: ThrottleRetry, attempt: number, retryAfter: string | undefined, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(ceiling / 2 + random() * (ceiling / 2));
  const floor = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : 0;
  // Spread the clients that were all told the same Retry-After.
  return floor > 0 ? Math.max(jittered, floor + Math.round(random() * policy.baseDelayMs)) : jittered;
}
