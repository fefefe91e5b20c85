/**
 * When to refresh expiring credentials and how long to wait after a failure.
 * Pure functions of time, so the numbers are unit-tested on their own.
 */

/** Gloo refreshes assumed-role credentials when less than 5 minutes remain. */
export const REFRESH_AHEAD_MAX_MS = 5 * 60_000;
/** Short-lived credentials refresh when the last quarter of their lifetime begins. */
export const REFRESH_AHEAD_FRACTION = 0.25;
/**
 * Credentials are not handed out in their last 10 seconds (or last 5 % of a
 * short lifetime): a signed request needs time to reach AWS, and clocks differ.
 */
export const EXPIRY_MARGIN_MAX_MS = 10_000;
export const EXPIRY_MARGIN_FRACTION = 0.05;
/** Failed loads are retried after 1 s, doubling up to 30 s, with jitter. */
export const BACKOFF_INITIAL_MS = 1_000;
export const BACKOFF_MAX_MS = 30_000;

/** The two instants that matter for credentials obtained at `obtainedAt` that expire at `expiresAt`. */
export interface RefreshSchedule {
  /** From here on a use triggers a background refresh (the current credentials are still served). */
  refreshAt: number;
  /** From here on the credentials are no longer served; callers wait for new ones. */
  usableUntil: number;
}

/**
 * Refresh ahead by min(5 min, 25 % of the lifetime); stop using them
 * min(10 s, 5 % of the lifetime) before expiry. One-hour STS credentials are
 * refreshed after 55 minutes; 4-second test credentials after 3 s.
 */
export function refreshSchedule(obtainedAt: number, expiresAt: number): RefreshSchedule {
  // A clock far behind AWS's could make the lifetime look negative: treat it as very short.
  const lifetime = Math.max(expiresAt - obtainedAt, 0);
  const refreshAhead = Math.min(REFRESH_AHEAD_MAX_MS, lifetime * REFRESH_AHEAD_FRACTION);
  const margin = Math.min(EXPIRY_MARGIN_MAX_MS, lifetime * EXPIRY_MARGIN_FRACTION);
  return { refreshAt: expiresAt - refreshAhead, usableUntil: expiresAt - margin };
}

/**
 * Delay before retry number `failures` (1 for the first failure): exponential
 * from 1 s, capped at 30 s, with "equal jitter" (between half and all of it) so
 * that many gateways restarted together do not retry STS in lockstep.
 */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const exponential = Math.min(BACKOFF_MAX_MS, BACKOFF_INITIAL_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}
