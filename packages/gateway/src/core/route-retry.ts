/**
 * HTTPRoute `retry` (GEP-1731) for Lambda backends: an invocation is tried again when its
 * answer's status is one of `codes` (the function's own status or the gateway's 502/503/504),
 * when Lambda cannot be reached (the GEP's connection error) or when one try runs out of its
 * time (`timeouts.backendRequest`), up to `attempts` retries, `backoff` apart, all within
 * `timeouts.request`. Each try is a whole Invoke call, throttle retries (invoke/throttle-retry.ts)
 * included: a 429 is first retried there, and here only if 429 is among `codes`.
 *
 * A retry after a status, a timeout or a lost connection invokes the function again, and the
 * first call may have run (or still be running): only for functions that are safe to run twice.
 */
import { GatewayError } from '../errors/index.ts';
import { waitUnlessGone, type ClientGone } from '../invoke/index.ts';

export interface RouteRetryPolicy {
  /** Statuses that are retried. Empty: only lost connections and timed-out tries. */
  codes: readonly number[];
  /** Retries after the first try (Gateway API `attempts`: "the maximum number of times ... retried"). */
  attempts: number;
  /** The least wait before each retry. */
  backoffMs: number;
  /** The whole request, every try and wait included (`timeouts.request`); absent: tries × the backend's timeout. */
  requestTimeoutMs?: number | undefined;
}

/** `attempts` when the route does not say (implementation-specific in the GEP): one retry, as Envoy's default. */
export const DEFAULT_RETRY_ATTEMPTS = 1;
/** `backoff` when the route does not say: Envoy's default base interval. */
export const DEFAULT_RETRY_BACKOFF_MS = 25;

export interface RetryWaitOptions {
  signal?: AbortSignal | undefined;
  clientGone?: ClientGone | undefined;
  onRetry?: (fields: { attempt: number; delayMs: number; status: number; error?: string }) => void;
}

/** One try: answers a Response or throws a GatewayError. `timeoutMs` caps this try (what is left of the request timeout). */
export type RetryAttempt = (timeoutMs: number | undefined) => Promise<Response>;

/**
 * Runs `attempt` once, or, with a policy, until its answer is not retryable, the retries are used
 * up or the request timeout is reached (then 504). The last answer is the client's; the ones
 * before it are discarded unread.
 */
export function invokeWithRouteRetries(
  policy: RouteRetryPolicy | undefined,
  perTryMs: number,
  attempt: RetryAttempt,
  options: RetryWaitOptions | undefined,
): Promise<Response> {
  // Without a policy (most routes): the one try itself, no extra async frame on the hot path.
  if (!policy || !options) return attempt(undefined);
  return tryUntilDone(policy, perTryMs, attempt, options);
}

async function tryUntilDone(policy: RouteRetryPolicy, perTryMs: number, attempt: RetryAttempt, options: RetryWaitOptions): Promise<Response> {
  const deadline = policy.requestTimeoutMs === undefined ? undefined : Date.now() + policy.requestTimeoutMs;
  for (let retries = 0; ; retries++) {
    const remaining = deadline === undefined ? undefined : deadline - Date.now();
    const timeoutMs = remaining === undefined || remaining >= perTryMs ? undefined : Math.max(1, remaining);
    let outcome: Response | GatewayError;
    try {
      outcome = await attempt(timeoutMs);
    } catch (error) {
      if (!(error instanceof GatewayError)) throw error;
      outcome = error;
    }
    const timedOut = deadline !== undefined && Date.now() >= deadline;
    if (timedOut && outcome instanceof GatewayError && outcome.code === 'BackendTimeout') throw requestTimedOut(policy, outcome);
    if (retries >= policy.attempts || !isRetryable(policy, outcome)) return answer(outcome);
    const delayMs = policy.backoffMs;
    // The GEP: the request timeout bounds the whole; a retry that cannot start in time is a timeout now.
    if (deadline !== undefined && Date.now() + delayMs >= deadline) {
      discard(outcome);
      throw requestTimedOut(policy, outcome instanceof GatewayError ? outcome : undefined);
    }
    discard(outcome);
    options.onRetry?.({
      attempt: retries + 2,
      delayMs,
      status: outcome.status,
      ...(outcome instanceof GatewayError ? { error: outcome.code } : {}),
    });
    await waitUnlessGone(delayMs, options);
  }
}

function isRetryable(policy: RouteRetryPolicy, outcome: Response | GatewayError): boolean {
  if (outcome instanceof GatewayError) {
    // The client left: nobody to answer. A lost connection and a timed-out try: the GEP retries them without codes.
    if (outcome.status === 499) return false;
    if (outcome.code === 'BackendUnreachable' || outcome.code === 'BackendTimeout') return true;
  }
  return policy.codes.includes(outcome.status);
}

function answer(outcome: Response | GatewayError): Response {
  if (outcome instanceof GatewayError) throw outcome;
  return outcome;
}

function discard(outcome: Response | GatewayError): void {
  if (outcome instanceof Response) outcome.body?.cancel().catch(() => {});
}

function requestTimedOut(policy: RouteRetryPolicy, cause: GatewayError | undefined): GatewayError {
  return new GatewayError(504, 'BackendTimeout', `the request did not complete within ${policy.requestTimeoutMs} ms (timeouts.request, retries included)`, {
    cause,
  });
}
