/** Structured logger: one JSON object per line. Fields must never hold secrets. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
/** Every level, in the order the error messages list them. */
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Field names whose values are replaced by `[redacted]` wherever they appear, as a last line of defence. */
const SECRET_FIELD = /secret|token|password|authorization|credential|signature|^cookie$/i;

/** True for a field name whose value is never logged (redactFields's rule). */
export function isSecretField(key: string): boolean {
  return SECRET_FIELD.test(key);
}

function redact(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_FIELD.test(key) ? '[redacted]' : redact(inner, depth + 1);
  }
  return out;
}

/**
 * Log fields with every secret-looking key redacted (to a depth of 5) and
 * errors reduced to name and message: the same entry createJsonLogger writes.
 */
export function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) out[key] = SECRET_FIELD.test(key) ? '[redacted]' : redact(fields[key], 1);
  return out;
}

/**
 * A JSON-lines logger writing through `write` (stdout on Node, console in workers).
 * Keys that look like secrets are redacted even if a caller passes them by mistake.
 */
export function createJsonLogger(write: (line: string) => void, level: LogLevel = 'info'): Logger {
  const min = RANK[level];
  const emit = (lvl: Exclude<LogLevel, 'silent'>, message: string, fields?: Record<string, unknown>) => {
    if (RANK[lvl] < min) return;
    // Built in place (same keys, same order as spreading redact(fields)): this runs once per request.
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level: lvl, msg: message };
    if (fields) for (const key of Object.keys(fields)) entry[key] = SECRET_FIELD.test(key) ? '[redacted]' : redact(fields[key], 1);
    write(JSON.stringify(entry));
  };
  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
  };
}

/** A logger that drops everything (tests, embedding). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
