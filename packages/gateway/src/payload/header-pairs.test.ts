import { describe, expect, it } from 'vitest';
import { buildApiGatewayV1Event } from './apigateway-v1.ts';
import { buildApiGatewayV2Event } from './apigateway-v2.ts';
import { buildEnvoyEvent } from './envoy.ts';
import { reconcileRawHeaders, unfilteredRawPairs, type HeaderPair } from './header-pairs.ts';
import { stripHopByHop } from './headers.ts';
import { makeRequest } from './test-utils.ts';

const RAW = ['Host', 'api.example.com', 'X-Multi', 'a', 'X-Multi', ' b ', 'Connection', 'keep-alive', 'Cookie', 'c1=v1', 'Cookie', 'c2=v2'];

/** Headers as the runtime builds them from the same lines (Fetch: ", " joins, values trimmed). */
function fetchHeaders(raw: readonly string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  return headers;
}

describe('reconcileRawHeaders', () => {
  it('keeps the client lines (casing, each value) and drops what Headers no longer has (hop-by-hop)', () => {
    expect(reconcileRawHeaders(RAW, stripHopByHop(fetchHeaders(RAW)))).toEqual([
      ['Host', 'api.example.com'],
      ['X-Multi', 'a'],
      ['X-Multi', 'b'],
      ['Cookie', 'c1=v1'],
      ['Cookie', 'c2=v2'],
    ]);
  });

  it('accepts Node\'s own joins as "unchanged": Cookie with "; ", a once-only header keeping its first value', () => {
    const raw = ['Cookie', 'a=1', 'Cookie', 'b=2', 'Content-Type', 'text/plain', 'Content-Type', 'text/html'];
    const headers = new Headers({ cookie: 'a=1; b=2', 'content-type': 'text/plain' });
    expect(reconcileRawHeaders(raw, headers)).toEqual([
      ['Cookie', 'a=1'],
      ['Cookie', 'b=2'],
      ['Content-Type', 'text/plain'],
      ['Content-Type', 'text/html'],
    ]);
  });

  it('applies filter effects: set replaces (client casing), add appends a line, new names follow lower-case', () => {
    const headers = fetchHeaders(RAW);
    headers.set('host', 'rewritten.example.com');
    headers.append('x-multi', 'added');
    headers.delete('cookie');
    headers.set('x-new', '1');
    expect(reconcileRawHeaders(RAW, headers)).toEqual([
      ['Host', 'rewritten.example.com'],
      ['X-Multi', 'a'],
      ['X-Multi', 'b'],
      ['X-Multi', 'added'],
      ['Connection', 'keep-alive'],
      ['x-new', '1'],
    ]);
  });
});

describe('envelopes from header pairs', () => {
  const pairs: HeaderPair[] = [
    ['Host', 'api.example.com'],
    ['Accept', 'text/html'],
    ['accept', 'application/json'],
    ['Cookie', 'a=1'],
    ['Cookie', 'b=2; c=3'],
    ['User-Agent', 'curl/8.5.0'],
  ];
  const request = makeRequest({ headerPairs: pairs });

  it('Envoy: "," joins, Cookie lines "; ", lower-case names', () => {
    const event = buildEnvoyEvent(request);
    expect(event.headers).toEqual({ accept: 'text/html,application/json', cookie: 'a=1; b=2; c=3', 'user-agent': 'curl/8.5.0' });
  });

  it('v1: first spelling of a name, headers the last value, multiValueHeaders every value', () => {
    const event = buildApiGatewayV1Event(request);
    expect(event.headers?.['Accept']).toBe('application/json');
    expect(event.multiValueHeaders?.['Accept']).toEqual(['text/html', 'application/json']);
    expect(event.multiValueHeaders?.['Cookie']).toEqual(['a=1', 'b=2; c=3']);
    expect(event.headers?.['accept']).toBeUndefined();
  });

  it('v2: "," joins, lower-case, all Cookie lines in cookies[]', () => {
    const event = buildApiGatewayV2Event(request);
    expect(event.headers['accept']).toBe('text/html,application/json');
    expect(event.cookies).toEqual(['a=1', 'b=2', 'c=3']);
    expect(event.requestContext.http.userAgent).toBe('curl/8.5.0');
  });

  it('without pairs (a worker): names lower-case and a repeated header the ", " value Headers holds', () => {
    const headers = new Headers();
    headers.append('Accept', 'text/html');
    headers.append('Accept', 'application/json');
    const event = buildApiGatewayV1Event(makeRequest({ headers }));
    expect(event.multiValueHeaders).toEqual({ accept: ['text/html, application/json'] });
  });
});

describe('unfilteredRawPairs (the same pairs without building Headers, for unfiltered requests)', () => {
  const general = (raw: readonly string[]) => reconcileRawHeaders(raw, stripHopByHop(fetchHeaders(raw)));
  const cases: Array<[string, string[]]> = [
    ['the shared example', RAW.map((value) => value.trim())],
    ['repeated lines, mixed case', ['X-A', '1', 'x-a', '2', 'X-B', 'three', 'X-A', '4']],
    ['cookies on several lines', ['Cookie', 'a=1', 'cookie', 'b=2; c=3', 'Host', 'h']],
    ['Set-Cookie (not joined by Fetch)', ['Set-Cookie', 'a=1', 'Set-Cookie', 'b=2']],
    [
      'every hop-by-hop header',
      [
        'Connection',
        'close',
        'Keep-Alive',
        'timeout=5',
        'TE',
        'trailers',
        'Trailer',
        'x',
        'Transfer-Encoding',
        'chunked',
        'Upgrade',
        'h2c',
        'Proxy-Connection',
        'keep-alive',
        'Proxy-Authorization',
        'Basic x',
        'Proxy-Authenticate',
        'Basic',
        'X-Kept',
        'yes',
      ],
    ],
    ['names the Connection header nominates', ['Connection', 'X-Drop, keep-alive', 'X-Drop', '1', 'x-drop', '2', 'X-Keep', '3', 'connection', 'X-Also']],
    ['Connection: Keep-Alive', ['Connection', 'Keep-Alive', 'Keep-Alive', 'timeout=5', 'Accept', '*/*']],
    ['inner spaces', ['X-Spaces', 'a  b', 'X-Tab', 'a\tb']],
    ['Latin-1 text', ['X-Name', 'Zoë', 'X-Other', 'ok']],
    ['no headers at all', []],
  ];
  it.each(cases)('%s: identical to the general path', (_name, raw) => {
    expect(unfilteredRawPairs(raw)).toEqual(general(raw));
  });

  it('declines empty values and surrounding whitespace (Fetch joins and trims them its own way), so the general path runs', () => {
    // The general path makes two empty lines one "," (Fetch's join, trimmed): not the lines as received.
    expect(general(['X-Empty', '', 'X-Empty', ''])).toEqual([['X-Empty', ',']]);
    expect(unfilteredRawPairs(['X-Empty', '', 'X-Empty', ''])).toBeUndefined();
    expect(unfilteredRawPairs(['X-A', ' padded '])).toBeUndefined();
    expect(unfilteredRawPairs(['X-A', 'ok', 'X-B', 'tail\u00a0'])).toBeUndefined();
  });

  it('identical to the general path on 2,000 generated header sets', () => {
    // A fixed LCG: the same sets on every run.
    let seed = 42;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const names = [
      'Host',
      'host',
      'X-A',
      'x-a',
      'Cookie',
      'Set-Cookie',
      'Connection',
      'Keep-Alive',
      'TE',
      'X-Nominated',
      'Accept',
      'Content-Type',
      'User-Agent',
    ];
    // No empty value: those are declined (the test above), and every set here is compared.
    const values = ['1', 'two', 'a, b', 'x=1; y=2', 'X-Nominated', 'close', 'keep-alive', 'X-A, close', 'Zoë', 'a  b'];
    for (let round = 0; round < 2_000; round++) {
      const raw: string[] = [];
      for (let line = next(8); line > 0; line--) raw.push(names[next(names.length)] as string, values[next(values.length)] as string);
      expect(unfilteredRawPairs(raw), JSON.stringify(raw)).toEqual(general(raw));
    }
  });
});
