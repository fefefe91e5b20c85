import { describe, expect, it } from 'vitest';
import { BenchUsageError, CONTENDER_IDS, HELP, parseBenchOptions } from '../../scripts/bench/options.ts';

describe('bench options', () => {
  it('lists every contender id in --help, the undici bare proxy and nginx included', () => {
    expect(parseBenchOptions(['--help'])).toBe('help');
    for (const id of CONTENDER_IDS) expect(HELP).toContain(id);
    expect(CONTENDER_IDS).toEqual(expect.arrayContaining(['bare', 'bare-node-http', 'nginx']));
  });

  it('rejects an unknown contender id instead of printing an empty table', () => {
    expect(() => parseBenchOptions(['--only', 'bare,nginks'])).toThrow(/unknown contender "nginks"/);
    expect(() => parseBenchOptions(['--only', 'bare,nginks'])).toThrow(BenchUsageError);
  });

  it('accepts the 512-connection cell with the 100 B body only', () => {
    expect(parseBenchOptions(['--conns', '512'])).toMatchObject({ conns: 512 });
    expect(parseBenchOptions(['--conns', '512', '--body', '100B'])).toMatchObject({ conns: 512, body: '100B' });
    expect(() => parseBenchOptions(['--conns', '512', '--body', '1MB'])).toThrow(/100 B body only/);
    expect(() => parseBenchOptions(['--conns', '128'])).toThrow(/not 1, 64 or 512/);
  });
});
