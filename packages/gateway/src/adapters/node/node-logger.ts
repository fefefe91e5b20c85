import pino, { type DestinationStream } from 'pino';
import { isLogLevel, isSecretField, LOG_LEVELS, redactFields, type LogLevel, type Logger } from '../../logging/index.ts';
import { ConfigError } from '../../validation/index.ts';

/** The Node logger: a Logger whose buffered lines can be written out now (shutdown). */
export interface NodeLogger extends Logger {
  flush(): void;
}

/** What `pino.destination()` returns: a sonic-boom. */
type SonicBoom = ReturnType<typeof pino.destination>;

export interface NodeLoggerOptions {
  level: LogLevel;
  /**
   * Where the JSON lines go. Default: stdout (fd 1) through sonic-boom. A
   * sonic-boom (`pino.destination()`) is written in batches, a few milliseconds apart (see
   * batchWithDelay); any other stream gets each line as it is logged.
   */
  destination?: DestinationStream | SonicBoom;
}

/**
 * Credential and token fields, redacted by name at the top level and inside
 * the objects that carry them (`credentials.secretAccessKey`,
 * `headers.authorization`). pino's paths are exact and case-sensitive, so both
 * spellings the AWS SDK and HTTP use are listed. Named parents, not `*.key`:
 * a wildcard path made every line about ten times slower to write.
 */
const SECRET_KEYS = [
  'secretAccessKey',
  'SecretAccessKey',
  'sessionToken',
  'SessionToken',
  'token',
  'Token',
  'authorization',
  'Authorization',
  'password',
  'cookie',
  'Cookie',
  'x-amz-security-token',
];
const SECRET_PARENTS = ['credentials', 'Credentials', 'headers', 'auth'];
const REDACT_PATHS = [...SECRET_KEYS.map((key) => `["${key}"]`), ...SECRET_PARENTS.flatMap((parent) => SECRET_KEYS.map((key) => `${parent}["${key}"]`))];

/** Characters of log lines collected before they are handed to sonic-boom without waiting for the delay. */
const BATCH_CHARS = 8192;
/** How long a logged line may wait for others to share its write. */
const FLUSH_DELAY_MS = 5;

/**
 * JSON lines on stdout through pino, with the field names the worker's
 * createJsonLogger uses: `time` (ISO 8601), `level` (its name), `msg`, then
 * the fields (pino puts `msg` last).
 *
 * Secrets are kept out twice: pino's path redaction for the credential and
 * token fields above, and, in front of it, the name test of logging/ at any
 * depth and in any case (`X-Amz-Security-Token`, `awsSecretKey`), which
 * pino's paths cannot express; it also reduces errors to name and message.
 */
export function createNodeLogger(options: NodeLoggerOptions): NodeLogger {
  const destination = options.destination ?? stdout();
  const batched = isSonicBoom(destination) ? batchWithDelay(destination) : undefined;
  const logger = pino(
    {
      level: options.level,
      base: null,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (fields) => redactFields(fields),
      },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    batched?.stream ?? destination,
  );
  const stream = batched?.stream ?? destination;
  const method = (level: Exclude<LogLevel, 'silent'>) => (message: string, fields?: Record<string, unknown>) => {
    if (!logger.isLevelEnabled(level)) return;
    const line = fields ? flatLine(level, message, fields) : undefined;
    if (line !== undefined) stream.write(line);
    else if (fields) logger[level](fields, message);
    else logger[level](message);
  };
  return {
    debug: method('debug'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
    flush: () => batched?.flush(),
  };
}

let lastMillis = -1;
let lastTime = '';

/** pino's `isoTime`, formatted once per millisecond: under load many lines share one. */
function isoTime(): string {
  const now = Date.now();
  if (now !== lastMillis) {
    lastMillis = now;
    lastTime = new Date(now).toISOString();
  }
  return lastTime;
}

/**
 * The line pino would write for `fields` when every value is a string, number,
 * boolean, null or undefined (the access log's one line per request), built
 * directly: pino's generic path (formatters, path redaction, serialisation)
 * cost about as much CPU per request as SigV4. Same bytes as pino's: level,
 * time, the fields in order (undefined dropped, non-finite numbers as null,
 * secret-looking keys redacted by logging/'s rule, which covers every path of
 * REDACT_PATHS at the top level), msg last. Anything nested returns undefined
 * and goes through pino.
 */
function flatLine(level: string, message: string, fields: Record<string, unknown>): string | undefined {
  let line = `{"level":"${level}","time":"${isoTime()}"`;
  for (const key in fields) {
    const value = fields[key];
    // A secret-looking key is redacted whatever its value (logging/'s rule, as redactFields does).
    const name = fieldName(key);
    if (name === undefined) {
      line += `,${JSON.stringify(key)}:"[redacted]"`;
      continue;
    }
    switch (typeof value) {
      case 'string':
        line += `,${name}:${JSON.stringify(value)}`;
        break;
      case 'number':
        line += `,${name}:${Number.isFinite(value) ? String(value === 0 ? 0 : value) : 'null'}`;
        break;
      case 'boolean':
        line += `,${name}:${value}`;
        break;
      case 'undefined':
        break;
      default:
        if (value !== null) return undefined;
        line += `,${name}:null`;
    }
  }
  return `${line},"msg":${JSON.stringify(message)}}\n`;
}

/**
 * A field name as JSON, or undefined for a secret-looking one. Cached: the access log uses the
 * same dozen names on every line (bounded, since names come from the code, not from requests).
 */
const fieldNames = new Map<string, string | undefined>();

function fieldName(key: string): string | undefined {
  if (fieldNames.has(key)) return fieldNames.get(key);
  const name = isSecretField(key) ? undefined : JSON.stringify(key);
  if (fieldNames.size < 1024) fieldNames.set(key, name);
  return name;
}

let stdoutSonicBoom: SonicBoom | undefined;

/**
 * One sonic-boom on fd 1 for every logger of the process, so that their lines stay in order.
 * Buffer mode, fed one Buffer per batch (batchWrites): in its text mode sonic-boom appends each
 * line to a string and encodes the whole batch twice (once to write it, once more to find what
 * is left after the write), which made the access log the largest allocation site per request.
 * minLength 0: a batch is written as soon as it is handed over (batchWrites does the waiting).
 */
function stdout(): SonicBoom {
  stdoutSonicBoom ??= pino.destination({ dest: 1, sync: false, minLength: 0, contentMode: 'buffer' });
  return stdoutSonicBoom;
}

function isSonicBoom(destination: DestinationStream | SonicBoom): destination is SonicBoom {
  return typeof (destination as Partial<SonicBoom>).flushSync === 'function' && typeof (destination as Partial<SonicBoom>).on === 'function';
}

interface BatchedSonicBoom {
  stream: DestinationStream;
  /** Hands the pending lines to sonic-boom and asks it to write them. */
  flush(): void;
  /** The same, synchronously (process exit). */
  flushSync(): void;
}

/** One wrapper per sonic-boom: its byte count must see every write. */
const batchedSonicBooms = new WeakMap<SonicBoom, BatchedSonicBoom>();
/** Every wrapper's pending lines are written at exit, before the process is gone. */
const liveBatches = new Set<BatchedSonicBoom>();
let exitHookInstalled = false;

/**
 * Lines collected here and handed to sonic-boom together, FLUSH_DELAY_MS after the first one
 * (or once BATCH_CHARS have piled up), instead of one write per line: under load the gateway
 * logs one access line per request, and writing per line, then per event-loop turn, was one of
 * the larger items in the profile. sonic-boom writes asynchronously and in order, queueing what
 * arrives during a write; one with a `minLength` (a caller's) also waits for a flush, asked for
 * after the delay and again (after the same delay) when a write finishes with bytes left. At
 * exit the pending lines are handed over and written synchronously.
 */
function batchWithDelay(sonic: SonicBoom): BatchedSonicBoom {
  let batched = batchedSonicBooms.get(sonic);
  if (!batched) {
    batched = batchWrites(sonic, sonic === stdoutSonicBoom);
    batchedSonicBooms.set(sonic, batched);
    liveBatches.add(batched);
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.once('exit', () => {
        for (const live of liveBatches) live.flushSync();
      });
    }
  }
  return batched;
}

function batchWrites(sonic: SonicBoom, buffers: boolean): BatchedSonicBoom {
  let pending: string[] = [];
  let pendingChars = 0;
  // Bytes handed to sonic-boom and not yet written: the only way to tell a
  // needed flush from an empty write, since sonic-boom keeps its length private.
  let unwritten = 0;
  let scheduled = false;
  const handOver = () => {
    if (pending.length === 0) return;
    const text = pending.length === 1 ? pending[0]! : pending.join('');
    pending = [];
    pendingChars = 0;
    if (buffers) {
      const chunk = Buffer.from(text);
      unwritten += chunk.byteLength;
      sonic.write(chunk as unknown as string);
    } else {
      unwritten += Buffer.byteLength(text);
      sonic.write(text);
    }
  };
  const flush = () => {
    handOver();
    if (unwritten > 0) sonic.flush();
  };
  const flushDelayed = () => {
    scheduled = false;
    flush();
  };
  // Not unref'd: a line is never held past the delay.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(flushDelayed, FLUSH_DELAY_MS);
  };
  sonic.on('write', (bytes: number) => (unwritten -= bytes));
  // A write finished: what was handed over meanwhile (a flush during a write is ignored) gets its turn.
  sonic.on('drain', () => {
    if (unwritten > 0 || pending.length > 0) schedule();
  });
  return {
    stream: {
      write(line: string) {
        pending.push(line);
        pendingChars += line.length;
        if (pendingChars >= BATCH_CHARS) handOver();
        schedule();
      },
    },
    flush,
    flushSync: () => {
      handOver();
      try {
        sonic.flushSync();
      } catch {
        // Not open yet, or already ended: nothing more can be written to it.
      }
    },
  };
}

/**
 * The `LOG_LEVEL` environment variable as a level, checked as the worker checks
 * its binding: unset or empty is `info`, anything else must be a level name.
 */
export function logLevelFromEnv(value: string | undefined): LogLevel {
  if (value === undefined || value === '') return 'info';
  if (!isLogLevel(value)) throw new ConfigError([`LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')}`], 'environment');
  return value;
}
