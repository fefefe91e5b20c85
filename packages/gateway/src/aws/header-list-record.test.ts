import { describe, expect, it } from 'vitest';
import { HeaderList, headerPairs } from './header-list.ts';

const recordHeaders = (record: Parameters<typeof HeaderList.fromRecord>[0]) => HeaderList.fromRecord(record);

// What undici hands a dispatch handler: lower-case names, repeated headers as arrays.
const record = () => ({ 'content-type': 'application/json', 'x-amzn-requestid': 'r-1', 'set-cookie': ['a=1', 'b=2'], 'x-multi': ['origin', 'accept'] });

describe('HeaderList.fromRecord (undici response record as Fetch Headers)', () => {
  it('answers get and has as Headers does, in any case, repeated values joined with ", "', () => {
    const headers = recordHeaders(record());
    const real = new Headers(
      [...Object.entries(record())].flatMap(([name, value]) =>
        Array.isArray(value) ? value.map((item) => [name, item] as [string, string]) : [[name, value] as [string, string]],
      ),
    );
    for (const name of ['Content-Type', 'x-amzn-RequestId', 'X-Multi', 'set-cookie', 'x-absent']) {
      expect(headers.get(name)).toBe(real.get(name));
      expect(headers.has(name)).toBe(real.has(name));
    }
  });

  it('is a Headers for everything else: iteration, getSetCookie, set, and copies into Headers and Response', () => {
    const headers = recordHeaders(record());
    expect(headers).toBeInstanceOf(Headers);
    expect(headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect([...new Headers(headers)]).toEqual([...headers]);
    expect(new Response(null, { headers }).headers.get('x-multi')).toBe('origin, accept');
    headers.set('x-added', '1');
    expect(headers.get('x-added')).toBe('1');
    headers.delete('x-multi');
    expect(headers.has('x-multi')).toBe(false);
    expect([...headers.keys()]).toEqual(['content-type', 'set-cookie', 'set-cookie', 'x-added', 'x-amzn-requestid']);
  });
});

describe('HeaderList with a repeated name, before any Headers is built', () => {
  it('set keeps the first line with the new value and drops the others; delete drops them all', () => {
    const headers = new HeaderList(['vary', 'origin', 'x-a', '1', 'vary', 'accept']) as unknown as Headers;
    expect(headers.get('Vary')).toBe('origin, accept');
    headers.set('vary', 'cookie');
    expect(headerPairs(headers)).toEqual(['vary', 'cookie', 'x-a', '1']);
    const again = new HeaderList(['vary', 'origin', 'x-a', '1', 'vary', 'accept']) as unknown as Headers;
    again.delete('VARY');
    expect(headerPairs(again)).toEqual(['x-a', '1']);
    expect(again.has('vary')).toBe(false);
  });
});
