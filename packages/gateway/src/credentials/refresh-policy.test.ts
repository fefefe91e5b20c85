import { describe, expect, it } from 'vitest';
import { backoffDelay, refreshSchedule } from './refresh-policy.ts';

const MINUTE = 60_000;

describe('refreshSchedule', () => {
  it('one-hour credentials: refresh 5 minutes ahead (Gloo), stop using them 10 s before expiry', () => {
    expect(refreshSchedule(0, 60 * MINUTE)).toEqual({ refreshAt: 55 * MINUTE, usableUntil: 60 * MINUTE - 10_000 });
  });

  it('15-minute credentials: the last quarter (3m45s) is the refresh window', () => {
    expect(refreshSchedule(0, 15 * MINUTE).refreshAt).toBe(15 * MINUTE - 225_000);
  });

  it('4-second credentials: refresh after 3 s, usable until 3.8 s', () => {
    expect(refreshSchedule(1_000, 5_000)).toEqual({ refreshAt: 4_000, usableUntil: 4_800 });
  });

  it('a negative lifetime (clock ahead of AWS) is treated as zero', () => {
    expect(refreshSchedule(10_000, 5_000)).toEqual({ refreshAt: 5_000, usableUntil: 5_000 });
  });
});

describe('backoffDelay', () => {
  it('doubles from 1 s up to 30 s, with equal jitter (half to all of it)', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffDelay(n, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect([1, 2, 6].map((n) => backoffDelay(n, () => 0))).toEqual([500, 1_000, 15_000]);
  });
});
