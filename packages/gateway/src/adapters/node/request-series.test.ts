import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { SeriesCounter, SeriesHistogram } from './request-series.ts';

type RegisteredMetric = Parameters<Registry['registerMetric']>[0];
const BOUNDS = [0.005, 0.01, 0.1, 1];
const OBSERVED: Array<[Record<string, string>, number]> = [
  [{ route: 'echo', backend: 'echo' }, 0.004],
  [{ route: 'echo', backend: 'echo' }, 0.005],
  [{ route: 'echo', backend: 'echo' }, 0.05],
  [{ route: 'a"b\\c', backend: 'line\nbreak' }, 3],
  [{ route: 'echo', backend: 'echo' }, 1],
  [{ route: 'echo', backend: 'other' }, 0],
];

/** The same observations through prom-client's own metric and through the series; the registries must print the same text. */
async function bothTexts(
  own: (registry: Registry) => void,
  series: (registry: Registry) => void,
): Promise<{ theirs: string; ours: string; ourJson: unknown; theirJson: unknown }> {
  const theirs = new Registry();
  own(theirs);
  const ours = new Registry();
  series(ours);
  return { theirs: await theirs.metrics(), ours: await ours.metrics(), theirJson: await theirs.getMetricsAsJSON(), ourJson: await ours.getMetricsAsJSON() };
}

describe('request series (prom-client exposition of plain-number metrics)', () => {
  it('prints a histogram exactly as prom-client’s Histogram does, in text and JSON', async () => {
    const texts = await bothTexts(
      (registry) => {
        const histogram = new Histogram({ name: 'h_seconds', help: 'help "text"', labelNames: ['route', 'backend'], buckets: BOUNDS, registers: [registry] });
        for (const [labels, value] of OBSERVED) histogram.observe(labels, value);
      },
      (registry) => {
        const histogram = new SeriesHistogram('h_seconds', 'help "text"', ['route', 'backend'], BOUNDS);
        registry.registerMetric(histogram as unknown as RegisteredMetric);
        for (const [labels, value] of OBSERVED) histogram.series(labels).observe(value);
      },
    );
    expect(texts.ours).toBe(texts.theirs);
    expect(texts.ours).toContain('h_seconds_bucket{le="0.005",route="echo",backend="echo"} 2');
    expect(texts.ours).toContain('h_seconds_bucket{le="+Inf",route="a\\"b\\\\c",backend="line\\nbreak"} 1');
    expect(texts.ourJson).toEqual(texts.theirJson);
  });

  it('prints a counter exactly as prom-client’s Counter does', async () => {
    const texts = await bothTexts(
      (registry) => {
        const counter = new Counter({ name: 'c_total', help: 'requests', labelNames: ['route', 'code'], registers: [registry] });
        counter.inc({ route: 'echo', code: '200' });
        counter.inc({ route: 'echo', code: '200' });
        counter.inc({ route: 'echo', code: '502' });
      },
      (registry) => {
        const counter = new SeriesCounter('c_total', 'requests', ['route', 'code']);
        registry.registerMetric(counter as unknown as RegisteredMetric);
        const ok = counter.series({ route: 'echo', code: '200' });
        ok.inc();
        counter.series({ route: 'echo', code: '200' }).inc();
        counter.series({ route: 'echo', code: '502' }).inc();
      },
    );
    expect(texts.ours).toBe(texts.theirs);
    expect(texts.ours).toContain('c_total{route="echo",code="200"} 2');
    expect(texts.ourJson).toEqual(texts.theirJson);
  });

  it('keeps one series per label set whatever the key order, ignores non-finite values and zeroes on reset', async () => {
    const histogram = new SeriesHistogram('h', 'h', ['route', 'backend'], BOUNDS);
    const first = histogram.series({ route: 'r', backend: 'b' });
    expect(histogram.series({ backend: 'b', route: 'r' })).toBe(first);
    first.observe(Number.NaN);
    first.observe(Number.POSITIVE_INFINITY);
    first.observe(0.2);
    expect(first.count).toBe(1);
    expect(first.sum).toBe(0.2);
    const registry = new Registry();
    registry.registerMetric(histogram as unknown as RegisteredMetric);
    registry.resetMetrics();
    expect(first.count).toBe(0);
    expect(await registry.metrics()).toContain('h_count{route="r",backend="b"} 0');
  });
});
