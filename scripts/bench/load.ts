import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  body: Buffer;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
}

/** What one or more runs against the same contender and cell measured. */
export interface LoadSample {
  /** Every 2xx response's latency in ms (autocannon's own histogram has 1 ms resolution, too coarse for a 0.3 ms target). */
  latencies: Float64Array;
  /** Socket errors + timeouts + non-2xx responses. */
  errors: number;
  total: number;
  seconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  max: number;
  errors: number;
  total: number;
}

/** One autocannon run, keeping the exact duration of every response (its `response` event). */
export async function runLoad(options: LoadOptions): Promise<LoadSample> {
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
  return {
    latencies: latencies.slice(0, count),
    errors: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
    seconds: result.duration,
  };
}

/** Pools runs (e.g. two rounds of one cell) into one result: rates over the summed time, percentiles over all responses. */
export function summarize(samples: LoadSample[]): LoadResult {
  const count = samples.reduce((n, s) => n + s.latencies.length, 0);
  const all = new Float64Array(count);
  let offset = 0;
  for (const sample of samples) {
    all.set(sample.latencies, offset);
    offset += sample.latencies.length;
  }
  all.sort();
  const at = (q: number) => (count === 0 ? NaN : all[Math.min(count - 1, Math.floor(q * count))]!);
  const total = samples.reduce((n, s) => n + s.total, 0);
  const seconds = samples.reduce((n, s) => n + s.seconds, 0);
  return {
    requestsPerSecond: seconds > 0 ? total / seconds : 0,
    p50: at(0.5),
    p99: at(0.99),
    max: count === 0 ? NaN : all[count - 1]!,
    errors: samples.reduce((n, s) => n + s.errors, 0),
    total,
  };
}
