import { describe, expect, it } from 'vitest';
import { recordHeaders } from './record-headers.ts';

// What undici hands a dispatch handler: lower-case names, repeated headers as arrays.
const record = () => ({ 'content-type': 'application/json', 'x-amzn-requestid': 'r-1', 'set-cookie': ['a=1', 'b=2'], 'x-multi': ['origin', 'accept'] });

describe('recordHeaders (undici response record as Fetch Headers)', () => {
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
