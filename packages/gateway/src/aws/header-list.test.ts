import { describe, expect, it } from 'vitest';
import { HeaderList, headerPairs } from './header-list.ts';

const signed = () =>
  new HeaderList([
    'content-type',
    'application/json',
    'x-amz-date',
    '20260101T000000Z',
    'authorization',
    'AWS4-HMAC-SHA256 Credential=AKID/x',
  ]) as unknown as Headers;

describe('HeaderList (a signed request header list as Fetch Headers)', () => {
  it('answers get, has, set and delete as Headers does, in any case, without building one', () => {
    const headers = signed();
    expect(headers).toBeInstanceOf(Headers);
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.has('X-Amz-Date')).toBe(true);
    expect(headers.get('x-absent')).toBeNull();
    headers.set('X-Amzn-Trace-Id', 'Root=1-5759e988-bd862e3fe1be46a994272793');
    headers.set('content-type', 'text/plain');
    headers.delete('x-amz-date');
    expect(headerPairs(headers)).toEqual([
      'content-type',
      'text/plain',
      'authorization',
      'AWS4-HMAC-SHA256 Credential=AKID/x',
      'x-amzn-trace-id',
      'Root=1-5759e988-bd862e3fe1be46a994272793',
    ]);
  });

  it('normalises a value the way Headers does (surrounding whitespace) and refuses what Headers refuses', () => {
    const headers = signed();
    headers.set('x-padded', '  v  ');
    expect(headers.get('x-padded')).toBe('v');
    expect(() => headers.set('bad name', 'v')).toThrow(TypeError);
    expect(() => headers.set('x-bad', 'a\nb')).toThrow(TypeError);
  });

  it('iterates, copies and serves as fetch init like Headers (sorted, lower-case), and keeps working after', () => {
    const headers = signed();
    const real = new Headers({ 'content-type': 'application/json', 'x-amz-date': '20260101T000000Z', authorization: 'AWS4-HMAC-SHA256 Credential=AKID/x' });
    expect([...headers]).toEqual([...real]);
    expect([...new Headers(headers)]).toEqual([...real]);
    expect(new Request('http://127.0.0.1/', { headers }).headers.get('authorization')).toBe('AWS4-HMAC-SHA256 Credential=AKID/x');
    headers.set('x-later', '1');
    expect(headers.get('x-later')).toBe('1');
    expect(headerPairs(headers)).toEqual([...real, ['x-later', '1']].sort(([a], [b]) => (a! < b! ? -1 : 1)).flat());
  });

  it('headerPairs lists any Headers the same way', () => {
    expect(headerPairs(new Headers({ B: '2', a: '1' }))).toEqual(['a', '1', 'b', '2']);
  });
});
