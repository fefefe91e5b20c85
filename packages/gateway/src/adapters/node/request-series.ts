/**
 * The per-request metrics (requests, durations, body sizes) kept as plain numbers per label set
 * and handed to prom-client's registry when it is scraped; prom-client still formats them (and
 * everything else the gateway exports).
 *
 * Why not prom-client's Counter and Histogram on this path: each of their observations rebuilds
 * a label object, validates it and hashes it, even through a cached child (`labels()` returns
 * closures that do the same per call). Five observations per request were 3.7 % of the gateway's
 * busy CPU at 64 connections in the bench's profile (about 8 µs per request of 220). Here an
 * observation is a bucket search and three additions on an object the caller already holds;
 * the label work happens once per label set, and the formatting once per scrape.
 *
 * Each class is a metric as prom-client's Registry reads one (`registerMetric`): `name`,
 * `help`, `type`, `aggregator`, `get()` and `getForPromString()` in prom-client's own shapes
 * (bucket lines, then `_sum` and `_count`, label sets in first-seen order), and `reset()`.
 */

type Labels = Readonly<Record<string, string>>;

interface SampleValue {
  value: number;
  labels: Record<string, string | number>;
  sharedLabels?: Labels;
  metricName?: string;
  /** Bucket samples carry prom-client's `null` (no exemplars are kept). */
  exemplar?: null;
}

interface MetricValues {
  name: string;
  help: string;
  type: 'counter' | 'histogram';
  values: SampleValue[];
  aggregator: 'sum';
}

/** One label set of a histogram. */
export class HistogramSeries {
  /** Per bucket (not cumulative); the last one is +Inf. */
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  constructor(
    readonly labels: Labels,
    readonly upperBounds: readonly number[],
  ) {
    this.counts = new Float64Array(upperBounds.length + 1);
  }

  /** A non-finite value is ignored (prom-client would throw; a metric must never fail a request). */
  observe(value: number): void {
    if (!Number.isFinite(value)) return;
    const bounds = this.upperBounds;
    let index = 0;
    while (index < bounds.length && value > bounds[index]!) index++;
    this.counts[index]!++;
    this.sum += value;
    this.count++;
  }
}

/** One label set of a counter. */
export class CounterSeries {
  value = 0;

  constructor(readonly labels: Labels) {}

  inc(by = 1): void {
    this.value += by;
  }
}

abstract class SeriesMetric<S extends { labels: Labels }> {
  readonly aggregator = 'sum' as const;
  protected readonly all = new Map<string, S>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
  ) {}

  /** The series of this label set (created on first use); callers keep it for their next observations. */
  series(labels: Labels): S {
    const key = this.labelNames.map((name) => labels[name] ?? '').join('\0');
    let found = this.all.get(key);
    if (!found) {
      const own: Record<string, string> = {};
      for (const name of this.labelNames) own[name] = labels[name] ?? '';
      found = this.create(own);
      this.all.set(key, found);
    }
    return found;
  }

  /** Zeroes every series (callers hold them, so they stay); prom-client's Registry calls it from `resetMetrics()`. */
  abstract reset(): void;
  protected abstract create(labels: Labels): S;
  abstract getForPromString(): MetricValues;

  /** The JSON shape (`getMetricsAsJSON`): each sample's labels in one object, as prom-client's `get()` gives. */
  get(): MetricValues {
    const data = this.getForPromString();
    data.values = data.values.map(({ sharedLabels, labels, ...rest }) => ({ ...rest, labels: { ...labels, ...sharedLabels } }));
    return data;
  }
}

export class SeriesCounter extends SeriesMetric<CounterSeries> {
  readonly type = 'counter' as const;

  protected create(labels: Labels): CounterSeries {
    return new CounterSeries(labels);
  }

  reset(): void {
    for (const series of this.all.values()) series.value = 0;
  }

  getForPromString(): MetricValues {
    const values: SampleValue[] = [];
    for (const series of this.all.values()) values.push({ value: series.value, labels: { ...series.labels } });
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }
}

export class SeriesHistogram extends SeriesMetric<HistogramSeries> {
  readonly type = 'histogram' as const;

  constructor(
    name: string,
    help: string,
    labelNames: readonly string[],
    readonly upperBounds: readonly number[],
  ) {
    super(name, help, labelNames);
  }

  protected create(labels: Labels): HistogramSeries {
    return new HistogramSeries(labels, this.upperBounds);
  }

  reset(): void {
    for (const series of this.all.values()) {
      series.counts.fill(0);
      series.sum = 0;
      series.count = 0;
    }
  }

  getForPromString(): MetricValues {
    const values: SampleValue[] = [];
    const bucket = `${this.name}_bucket`;
    for (const series of this.all.values()) {
      let cumulative = 0;
      this.upperBounds.forEach((bound, index) => {
        cumulative += series.counts[index]!;
        values.push({ value: cumulative, labels: { le: bound }, sharedLabels: series.labels, metricName: bucket, exemplar: null });
      });
      values.push(
        { value: series.count, labels: { le: '+Inf' }, sharedLabels: series.labels, metricName: bucket, exemplar: null },
        { value: series.sum, labels: {}, sharedLabels: series.labels, metricName: `${this.name}_sum` },
        { value: series.count, labels: {}, sharedLabels: series.labels, metricName: `${this.name}_count` },
      );
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }
}
