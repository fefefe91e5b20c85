import { describe, expect, it } from 'vitest';
import { traceIdFor } from './trace-id.ts';

const NOW = Date.UTC(2026, 0, 1);
const trace = (headers: Record<string, string>) => traceIdFor(new Headers(headers), NOW);

describe('traceIdFor (X-Amzn-Trace-Id on the Invoke call)', () => {
  it('keeps a well-formed client value, with or without Parent and Sampled', () => {
    for (const value of [
      'Root=1-5759e988-bd862e3fe1be46a994272793',
      'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8',
      'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
      'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0',
    ]) {
      expect(trace({ 'x-amzn-trace-id': value })).toBe(value);
    }
  });

  it('replaces anything else with a new root (no client text reaches Lambda)', () => {
    for (const value of [
      'Root=1-5759e988-bd862e3fe1be46a994272793;Self=1-abc',
      'Root=1-5759E988-BD862E3FE1BE46A994272793',
      'Root=1-5759e988-bd862e3f;Parent=53995c3f42cd8ad8',
      'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1;Parent=53995c3f42cd8ad8',
      'anything',
    ]) {
      const made = trace({ 'x-amzn-trace-id': value });
      expect(made).not.toBe(value);
      expect(made).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    }
  });

  it('a new root starts with the request time in seconds, in hex', () => {
    expect(trace({})).toMatch(new RegExp(`^Root=1-${Math.floor(NOW / 1000).toString(16)}-[0-9a-f]{24}$`));
    expect(trace({})).not.toBe(trace({}));
  });

  it('new roots are distinct and well formed across refills of the random pool (4 KB: 341 ids each)', () => {
    const ids = Array.from({ length: 2000 }, () => trace({}));
    for (const id of ids) expect(id).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // Every hex digit shows up in the random part: bytes are not stuck at zero after a refill.
    expect(new Set(ids.flatMap((id) => [...id.slice(-24)])).size).toBe(16);
  });

  it('maps a W3C traceparent: trace id split 8/24, parent id, sampled flag', () => {
    // Example from the W3C Trace Context recommendation, section 3.2.
    expect(trace({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' })).toBe(
      'Root=1-0af76519-16cd43dd8448eb211c80319c;Parent=b7ad6b7169203331;Sampled=1',
    );
    expect(trace({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00' })).toMatch(/;Sampled=0$/);
    // All-zero ids are invalid (W3C): a new root instead.
    expect(trace({ traceparent: '00-00000000000000000000000000000000-b7ad6b7169203331-01' })).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
  });

  it('a valid X-Amzn-Trace-Id wins over traceparent', () => {
    const amzn = 'Root=1-5759e988-bd862e3fe1be46a994272793';
    expect(trace({ 'x-amzn-trace-id': amzn, traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' })).toBe(amzn);
  });
});
