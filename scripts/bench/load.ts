import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  body: Buffer;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  /** Latencies in milliseconds, from every response (not autocannon's 1 ms-resolution histogram). */
  p50: number;
  p99: number;
  max: number;
  /** Socket errors + timeouts + non-2xx responses. */
  errors: number;
  total: number;
}

/**
 * One autocannon run. autocannon's own latency histogram has 1 ms resolution,
 * too coarse for a 0.3 ms target, so every response's exact duration (its
 * `response` event) is kept and the percentiles are computed here.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const instance = autocannon({
    url: options.url,
    method: 'POST',
    headers: options.headers,
    body: options.body,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode < 200 || statusCode >= 300) return;
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = responseTime;
  });
  const result = await instance;
  const sorted = latencies.subarray(0, count).sort();
  const at = (q: number) => (count === 0 ? NaN : sorted[Math.min(count - 1, Math.floor(q * count))]!);
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: at(0.5),
    p99: at(0.99),
    max: count === 0 ? NaN : sorted[count - 1]!,
    errors: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
  };
}
