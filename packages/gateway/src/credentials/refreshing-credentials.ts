import { withDeadline } from './deadline.ts';
import type { Logger } from '../logging/index.ts';
import { backoffDelay, refreshSchedule } from './refresh-policy.ts';
import { CredentialsUnavailableError, type AwsCredentials, type CredentialProvider } from '../aws/credentials.ts';

export interface RefreshingCredentialsOptions {
  /** For messages and logs, e.g. `role arn:aws:iam::…` (see CredentialProvider.description). */
  description: string;
  /**
   * Fetches new credentials: an STS call, an SDK provider, a file. Called at
   * most once at a time. A CredentialsUnavailableError's `reason` is kept as is.
   */
  load: () => Promise<AwsCredentials>;
  logger: Logger;
  identity?: string | undefined;
  roleArn?: string | undefined;
  /** Credentials without an expiration are re-loaded (in the background) after this long; default: never. */
  reloadUnexpiringAfterMs?: number | undefined;
  /** Test hooks. */
  now?: () => number;
  random?: () => number;
  /** Deadline of one load; default 10 s. */
  loadTimeoutMs?: number;
}

/** A provider that caches, refreshes ahead of expiry and backs off on failure. */
export interface RefreshingCredentialProvider extends CredentialProvider {
  /** Successful loads so far, the first one included (refreshes = loads - 1). */
  readonly loads: number;
}

interface CurrentCredentials {
  /** The same resolved promise for every caller: the hot path allocates nothing. */
  promise: Promise<AwsCredentials>;
  refreshAt: number;
  usableUntil: number;
}

/** Never let a JWT reach a message, whatever a library put in its error text. */
const JWT_PATTERN = /eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*/g;
/** Credentials that arrive unusable (clock far off) are still reused this long, rather than reloaded per request. */
const MINIMUM_REUSE_MS = 1_000;

function reasonOf(error: unknown): string {
  const text = error instanceof CredentialsUnavailableError ? error.reason : error instanceof Error ? error.message : String(error);
  return text.replace(JWT_PATTERN, '[token]');
}

/**
 * How long one load (an STS call, a token-file exchange, the container endpoint) may take. A
 * source that accepts the connection and never answers must not hold every request (and every
 * later refresh, which waits for the one in flight) forever.
 */
const LOAD_TIMEOUT_MS = 10_000;

/**
 * The caching layer every expiring credential source goes through (STS role
 * sessions, web identity, container credentials):
 *
 * - requests get the cached credentials; no load happens on the hot path;
 * - once `refreshAt` is reached (see refreshSchedule), a use starts a refresh
 *   in the background and keeps getting the current credentials;
 * - single flight: concurrent callers share one load;
 * - a failed load is retried after a backoff with jitter (by the next use:
 *   requests or `/readyz` probes; there are no timers, so a worker can run
 *   this too). The still-valid credentials are served meanwhile; once none
 *   are valid, callers get CredentialsUnavailableError whose `retryAfterSeconds`
 *   is the rest of the backoff (a 503 with `Retry-After` once invoke maps it). The first failure of a streak is logged, and the
 *   recovery; nothing in between;
 * - only the current credentials are held: rotated ones are garbage (and so
 *   are their derived signing keys, cached per credentials object).
 */
export function refreshingCredentials(options: RefreshingCredentialsOptions): RefreshingCredentialProvider {
  const { description, logger } = options;
  const now = options.now ?? Date.now;
  let current: CurrentCredentials | undefined;
  let inflight: Promise<AwsCredentials> | undefined;
  let failures = 0;
  let retryAt = 0;
  let lastReason = '';
  let lastCause: unknown;
  let loads = 0;

  function scheduleFor(credentials: AwsCredentials, at: number): Omit<CurrentCredentials, 'promise'> {
    if (!credentials.expiration) {
      const reload = options.reloadUnexpiringAfterMs;
      return { refreshAt: reload === undefined ? Number.POSITIVE_INFINITY : at + reload, usableUntil: Number.POSITIVE_INFINITY };
    }
    const schedule = refreshSchedule(at, credentials.expiration.getTime());
    if (schedule.usableUntil > at) return schedule;
    logger.warn('credentials expire before they can be used; is the clock right?', { source: description, expiration: credentials.expiration.toISOString() });
    return { refreshAt: at, usableUntil: at + MINIMUM_REUSE_MS };
  }

  async function loadAndRecord(): Promise<AwsCredentials> {
    try {
      const credentials = await withDeadline(options.load(), options.loadTimeoutMs ?? LOAD_TIMEOUT_MS);
      const at = now();
      current = { promise: Promise.resolve(credentials), ...scheduleFor(credentials, at) };
      loads++;
      if (failures > 0) logger.info('credentials available again', { source: description, failedAttempts: failures });
      failures = 0;
      retryAt = 0;
      return credentials;
    } catch (error) {
      failures++;
      const delay = backoffDelay(failures, options.random);
      retryAt = now() + delay;
      lastReason = reasonOf(error);
      lastCause = error;
      if (failures === 1) {
        const stillServing = current !== undefined && now() < current.usableUntil;
        logger.warn(stillServing ? 'credentials refresh failed; serving the current credentials while retrying' : 'credentials unavailable', {
          source: description,
          reason: lastReason,
          retryInMs: delay,
        });
      }
      throw unavailable(delay);
    }
  }

  function unavailable(retryInMs: number): CredentialsUnavailableError {
    return new CredentialsUnavailableError(description, lastReason, { retryAfterSeconds: Math.max(1, Math.ceil(retryInMs / 1000)), cause: lastCause });
  }

  function startLoad(): Promise<AwsCredentials> {
    const attempt: Promise<AwsCredentials> = loadAndRecord().finally(() => {
      if (inflight === attempt) inflight = undefined;
    });
    inflight = attempt;
    return attempt;
  }

  return {
    description,
    identity: options.identity,
    roleArn: options.roleArn,
    get loads() {
      return loads;
    },
    getCredentials(): Promise<AwsCredentials> {
      const at = now();
      if (current && at < current.usableUntil) {
        if (at >= current.refreshAt && !inflight && at >= retryAt) {
          // Background refresh: its failure is recorded and logged, never thrown at anyone.
          startLoad().catch(() => undefined);
        }
        return current.promise;
      }
      if (inflight) return inflight;
      if (failures > 0 && at < retryAt) return Promise.reject(unavailable(retryAt - at));
      return startLoad();
    },
  };
}
