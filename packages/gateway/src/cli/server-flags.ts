import { DEFAULT_DRAIN_DELAY_MS, DEFAULT_SHUTDOWN_TIMEOUT_MS, type DrainOptions } from '../adapters/node/drain.ts';
import { defaultServerLimits, type ServerLimits } from '../adapters/node/server-limits.ts';
import { UsageError } from './args.ts';

/** `serve`'s limit and shutdown flags: name → the ServerLimits / DrainOptions field and its kind. */
const LIMIT_FLAGS = {
  'headers-timeout': { field: 'headersTimeoutMs', kind: 'duration' },
  'request-timeout': { field: 'requestTimeoutMs', kind: 'duration' },
  'min-body-rate': { field: 'minBodyBytesPerSecond', kind: 'size' },
  'body-rate-grace': { field: 'bodyRateGraceMs', kind: 'duration' },
  'keep-alive-timeout': { field: 'keepAliveTimeoutMs', kind: 'duration' },
  'max-requests-per-connection': { field: 'maxRequestsPerConnection', kind: 'count' },
  'max-connections': { field: 'maxConnections', kind: 'count' },
  'max-header-size': { field: 'maxHeaderBytes', kind: 'size' },
  'max-headers': { field: 'maxHeaders', kind: 'count' },
  'max-in-flight': { field: 'maxInFlight', kind: 'count' },
} as const satisfies Record<string, { field: keyof ServerLimits; kind: Kind }>;

type Kind = 'duration' | 'size' | 'count';
type LimitFlag = keyof typeof LIMIT_FLAGS;

/** For parseCommandArgs: every limit flag plus --drain-delay and --shutdown-timeout, all strings. */
export const SERVER_FLAG_OPTIONS = Object.fromEntries(
  [...Object.keys(LIMIT_FLAGS), 'drain-delay', 'shutdown-timeout'].map((name) => [name, { type: 'string' as const }]),
) as Record<LimitFlag | 'drain-delay' | 'shutdown-timeout', { type: 'string' }>;

export function parseServerFlags(values: Partial<Record<string, string | boolean | string[] | undefined>>): {
  limits: Partial<ServerLimits>;
  drain: Pick<DrainOptions, 'drainDelayMs' | 'shutdownTimeoutMs'>;
} {
  const limits: Partial<ServerLimits> = {};
  for (const [flag, { field, kind }] of Object.entries(LIMIT_FLAGS)) {
    const value = values[flag];
    if (typeof value === 'string') limits[field] = parseValue(flag, value, kind);
  }
  const drainDelay = values['drain-delay'];
  const shutdownTimeout = values['shutdown-timeout'];
  const drain = {
    drainDelayMs: typeof drainDelay === 'string' ? parseValue('drain-delay', drainDelay, 'duration') : DEFAULT_DRAIN_DELAY_MS,
    shutdownTimeoutMs: typeof shutdownTimeout === 'string' ? parseValue('shutdown-timeout', shutdownTimeout, 'duration') : DEFAULT_SHUTDOWN_TIMEOUT_MS,
  };
  if (drain.drainDelayMs > drain.shutdownTimeoutMs) {
    throw new UsageError(`--drain-delay (${drain.drainDelayMs} ms) must not exceed --shutdown-timeout (${drain.shutdownTimeoutMs} ms), which includes it`);
  }
  const headersTimeout = limits.headersTimeoutMs ?? defaultServerLimits().headersTimeoutMs;
  const requestTimeout = limits.requestTimeoutMs ?? defaultServerLimits().requestTimeoutMs;
  if (requestTimeout !== 0 && headersTimeout > requestTimeout) throw new UsageError('--headers-timeout must not exceed --request-timeout');
  return { limits, drain };
}

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m)?$/;
const SIZE = /^(\d+)(B|KiB|MiB)?$/;
const SIZE_UNITS = { B: 1, KiB: 1024, MiB: 1024 * 1024 } as const;

/** Durations: `500ms`, `5s`, `1m`, or plain seconds. Sizes: `16KiB`, `1MiB`, or plain bytes. Counts: integers. */
function parseValue(flag: string, value: string, kind: Kind): number {
  if (kind === 'duration') {
    const match = DURATION.exec(value);
    if (!match) throw new UsageError(`--${flag}: "${value}" is not a duration (e.g. 500ms, 5s, 1m)`);
    const unit = match[2] ?? 's';
    return Math.round(Number(match[1]) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000));
  }
  if (kind === 'size') {
    const match = SIZE.exec(value);
    if (!match) throw new UsageError(`--${flag}: "${value}" is not a size (e.g. 16KiB, 1MiB, 4096)`);
    return Number(match[1]) * SIZE_UNITS[(match[2] ?? 'B') as keyof typeof SIZE_UNITS];
  }
  if (!/^\d+$/.test(value)) throw new UsageError(`--${flag}: "${value}" is not a whole number`);
  return Number(value);
}
