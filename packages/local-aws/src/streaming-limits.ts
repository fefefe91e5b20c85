/**
 * Lambda's documented limits for streamed responses (InvokeWithResponseStream
 * and RESPONSE_STREAM Function URLs): up to 200 MB per response; the first
 * 6 MB go out as fast as the function writes them, the rest at most 2 MB/s
 * ("Bandwidth limits for response streaming", AWS Lambda developer guide).
 */
export interface StreamingLimits {
  /** Past this many bytes the stream ends with `Function.ResponseSizeTooLarge`. */
  maxResponseBytes: number;
  /** The burst: this many bytes of each response are not rate-limited. */
  uncappedBytes: number;
  /** The rate after the burst, in bytes per second; `Infinity` turns the cap off. */
  cappedBytesPerSecond: number;
}

const MIB = 1024 * 1024;

export const DOCUMENTED_STREAMING_LIMITS: Readonly<StreamingLimits> = Object.freeze({
  maxResponseBytes: 200 * MIB,
  uncappedBytes: 6 * MIB,
  cappedBytesPerSecond: 2 * MIB,
});

/** The documented limits with the overrides given (tests shrink them to run fast). */
export function resolveStreamingLimits(overrides: Partial<StreamingLimits> | undefined): StreamingLimits {
  const limits = { ...DOCUMENTED_STREAMING_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!(typeof value === 'number' && value > 0)) {
      throw new TypeError(`local-aws: streaming.${name} must be a positive number (got ${String(value)})`);
    }
  }
  return limits;
}

/**
 * The bandwidth cap of one response, as a link that carries bytes past the
 * burst at the capped rate: each chunk (its part past the burst) takes
 * `bytes / rate` on the link, starting when it is ready or when the link is
 * free, whichever is later; a pause in the function's writes earns no credit
 * for a later burst. `delayMs` is how long to hold the chunk; holding it also
 * stops reading the function's stream, so the function's writes wait
 * (backpressure), as they do in Lambda.
 */
export class ResponseBandwidth {
  #sent = 0;
  #linkFreeAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly limits: StreamingLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Counts a chunk about to be sent; returns how long to hold it first (0: send now). */
  delayMs(chunkBytes: number): number {
    this.#sent += chunkBytes;
    const cappedBytes = Math.min(chunkBytes, this.#sent - this.limits.uncappedBytes);
    if (cappedBytes <= 0 || this.limits.cappedBytesPerSecond === Number.POSITIVE_INFINITY) return 0;
    const now = this.now();
    this.#linkFreeAt = Math.max(now, this.#linkFreeAt) + (cappedBytes / this.limits.cappedBytesPerSecond) * 1000;
    return this.#linkFreeAt - now;
  }
}
