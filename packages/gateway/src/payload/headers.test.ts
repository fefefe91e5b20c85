import { describe, expect, it } from 'vitest';
import { FunctionHeaders, HOP_BY_HOP_HEADERS, functionConnectionHeader, stripHopByHop } from './headers.ts';

describe('stripHopByHop', () => {
  it('removes every hop-by-hop header and those named in Connection', () => {
    const input = new Headers([
      ['connection', 'keep-alive, X-Session-Hop'],
      ['keep-alive', 'timeout=5'],
      ['proxy-authenticate', 'Basic'],
      ['proxy-authorization', 'Basic abc'],
      ['te', 'trailers'],
      ['trailer', 'x-checksum'],
      ['transfer-encoding', 'chunked'],
      ['upgrade', 'websocket'],
      ['x-session-hop', 'drop me'],
      ['content-type', 'text/plain'],
      ['x-keep', 'yes'],
    ]);
    const out = stripHopByHop(input);
    expect([...out]).toEqual([
      ['content-type', 'text/plain'],
      ['x-keep', 'yes'],
    ]);
    expect(input.get('upgrade')).toBe('websocket'); // input untouched
  });

  it('keeps each Set-Cookie separate', () => {
    const input = new Headers();
    input.append('set-cookie', 'a=1; Path=/');
    input.append('set-cookie', 'b=2, c');
    expect(stripHopByHop(input).getSetCookie()).toEqual(['a=1; Path=/', 'b=2, c']);
  });

  it('lists the RFC 9110 hop-by-hop headers', () => {
    for (const name of ['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']) {
      expect(HOP_BY_HOP_HEADERS.has(name)).toBe(true);
    }
  });
});

describe('FunctionHeaders', () => {
  it('drops hop-by-hop, Connection-nominated and content-length headers', () => {
    const out = new FunctionHeaders('close, X-Internal');
    out.append('Transfer-Encoding', 'chunked');
    out.append('Connection', 'close');
    out.append('X-Internal', 'secret');
    out.append('Content-Length', '999');
    out.append('X-Ok', '1');
    expect([...out.headers]).toEqual([['x-ok', '1']]);
  });

  it('skips names and values the Headers API refuses instead of throwing', () => {
    const out = new FunctionHeaders(null);
    out.append('bad name', 'x');
    out.append('x-split', 'a\r\nInjected: yes');
    out.append('x-unicode', '日本');
    out.append('x-good', 'fine');
    expect([...out.headers]).toEqual([['x-good', 'fine']]);
  });

  it('set replaces and append accumulates', () => {
    const out = new FunctionHeaders(null);
    out.set('content-type', 'application/json');
    out.set('Content-Type', 'text/html');
    out.append('set-cookie', 'a=1');
    out.append('set-cookie', 'b=2');
    expect(out.headers.get('content-type')).toBe('text/html');
    expect(out.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
  });
});

describe('functionConnectionHeader', () => {
  it('finds Connection in any spelling across maps', () => {
    expect(functionConnectionHeader({ CONNECTION: 'x-a' }, { connection: ['x-b'] })).toBe('x-a,x-b');
    expect(functionConnectionHeader(null, undefined, { other: 'x' })).toBeNull();
  });
});
