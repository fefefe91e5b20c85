import { constrainedMemory } from 'node:process';
import { getHeapStatistics } from 'node:v8';
import { SYNC_PAYLOAD_LIMIT } from '../../invoke/index.ts';

/**
 * What the Node server accepts from clients, and how long it waits for them.
 * Every field has a `serve` flag (see cli/server-flags.ts) and a README entry.
 */
export interface ServerLimits {
  /** Request line and headers must be complete within this (Node's `headersTimeout`). Default 10 s. */
  headersTimeoutMs: number;
  /** A whole request, body included, must arrive within this (Node's `requestTimeout`). Default 300 s. */
  requestTimeoutMs: number;
  /** Minimum average body rate in bytes/s, enforced after `bodyRateGraceMs`. Default 1024 (a 6 MB body in ~100 min). */
  minBodyBytesPerSecond: number;
  /** How long a body may arrive slower than the minimum rate before it counts (slow starts, TCP ramp-up). Default 10 s. */
  bodyRateGraceMs: number;
  /** Idle keep-alive connections are closed after this; above the ALB's 60 s idle timeout. Default 65 s. */
  keepAliveTimeoutMs: number;
  /** Requests per keep-alive connection before the server closes it (0: no cap). Default 1000. */
  maxRequestsPerConnection: number;
  /** Open connections; over it a new connection gets a 503 JSON answer and is closed. Default 10000. */
  maxConnections: number;
  /** Request line + headers in bytes (Node's `maxHeaderSize`). Default 16 KiB, as Node (Envoy: 60 KiB). */
  maxHeaderBytes: number;
  /** Number of request headers; more is a 431. Default 100, as Envoy. */
  maxHeaders: number;
  /** Requests handled at once, process-wide; over it 503 `Overloaded` with Retry-After. Default: see defaultMaxInFlight. */
  maxInFlight: number;
  /** After a refusal (413, 503) the unread body is read and discarded up to this many bytes, so clients read the answer. Default 8 MiB. */
  discardBodyBytes: number;
}

/** Fraction of the process's memory the request buffers may take. */
const BUFFER_SHARE = 0.5;
/** Bytes one in-flight request may hold at worst: its body and the Lambda response (both up to 6 MB). */
const BYTES_PER_REQUEST = 2 * SYNC_PAYLOAD_LIMIT;

/**
 * In-flight default: half of the memory this process may use divided by what one
 * request may buffer. The memory is the container's limit (`process.constrainedMemory()`,
 * the cgroup limit), else V8's heap limit; never `os.totalmem()`, which is the node's
 * memory, not the pod's. Clamped to 4..1024.
 */
export function defaultMaxInFlight(memoryBytes = usableMemory()): number {
  return Math.min(1024, Math.max(4, Math.floor((memoryBytes * BUFFER_SHARE) / BYTES_PER_REQUEST)));
}

function usableMemory(): number {
  const constrained = constrainedMemory();
  const heap = getHeapStatistics().heap_size_limit;
  // 0 or a huge number (2^64 - 1 on some versions) mean "no limit".
  return constrained > 0 && constrained < Number.MAX_SAFE_INTEGER ? constrained : heap;
}

export function defaultServerLimits(): ServerLimits {
  return {
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 300_000,
    minBodyBytesPerSecond: 1024,
    bodyRateGraceMs: 10_000,
    keepAliveTimeoutMs: 65_000,
    maxRequestsPerConnection: 1000,
    maxConnections: 10_000,
    maxHeaderBytes: 16 * 1024,
    maxHeaders: 100,
    maxInFlight: defaultMaxInFlight(),
    discardBodyBytes: 8 * 1024 * 1024,
  };
}
