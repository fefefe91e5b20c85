import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../../packages/local-aws/src/index.ts';
import { startGateway, type GatewayUnderTest } from '../support/stack.ts';

/*
 * Header fidelity on the real Node server against the local AWS: the client's header lines
 * (casing, repeated lines, several Cookie lines) reach each envelope as the envelope's own
 * producer would pass them on, and a function's repeated response headers leave one line per
 * value. A worker sees only the Fetch Headers (README "Runtimes"), so this is Node only.
 */

const FIXTURES = resolve(import.meta.dirname, '../fixtures/header-fidelity');

let aws: LocalAws;
let gw: GatewayUnderTest;

beforeAll(async () => {
  aws = await startLocalAws({ scenario: resolve(FIXTURES, 'scenario.yaml') });
  gw = await startGateway({
    aws,
    config: await readFile(resolve(FIXTURES, 'gateway.yaml'), 'utf8'),
    secrets: { creds: { accessKey: 'AKIAHEADERS000000001', secretKey: 'headersSecretKey/000000000000000000000' } },
  });
});

afterAll(async () => {
  await gw?.close();
  await aws?.close();
});

interface RawResponse {
  status: number;
  /** Every header line, name lower-cased, in order. */
  lines: [string, string][];
  body: string;
}

/** Sends exactly these header lines over a socket (no client library merging them) and reads the answer. */
function send(path: string, lines: [string, string][]): Promise<RawResponse> {
  const url = new URL(gw.url);
  return new Promise((done, fail) => {
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', fail);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const [statusLine, ...headerLines] = text.slice(0, split).split('\r\n');
      done({
        status: Number(statusLine?.split(' ')[1]),
        lines: headerLines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
        }),
        body: text.slice(split + 4),
      });
    });
    const head = [`GET ${path} HTTP/1.1`, ...lines.map(([name, value]) => `${name}: ${value}`), 'Connection: close', '', ''];
    socket.write(head.join('\r\n'));
  });
}

const CLIENT_LINES: [string, string][] = [
  ['Host', 'headers.example.com'],
  ['X-Multi', 'a'],
  ['X-Multi', 'b'],
  ['Content-Type', 'text/plain'],
  ['Cookie', 'c1=v1'],
  ['Cookie', 'c2=v2'],
];

function chunkedBody(response: RawResponse): Record<string, any> {
  // Bodies come with a content-length (the gateway buffers them), so the rest is the JSON.
  return JSON.parse(response.body) as Record<string, any>;
}

function values(response: RawResponse, name: string): string[] {
  return response.lines.filter(([n]) => n === name).map(([, value]) => value);
}

describe('request header lines in the envelopes (Node rawHeaders)', () => {
  it('Envoy envelope: lower-case names, repeated lines joined with ",", Cookie lines with "; ", no host', async () => {
    const response = await send('/envoy', CLIENT_LINES);
    expect(response.status).toBe(200);
    const event = chunkedBody(response);
    expect(event.headers['x-multi']).toBe('a,b');
    expect(event.headers.cookie).toBe('c1=v1; c2=v2');
    expect(event.headers['content-type']).toBe('text/plain');
    expect(event.headers.host).toBeUndefined();
    expect(event.headers.connection).toBeUndefined();
  });

  it('API Gateway v1: client casing, headers the last value, multiValueHeaders every line', async () => {
    const event = chunkedBody(await send('/v1', CLIENT_LINES));
    expect(event.headers['X-Multi']).toBe('b');
    expect(event.multiValueHeaders['X-Multi']).toEqual(['a', 'b']);
    expect(event.headers['Content-Type']).toBe('text/plain');
    expect(event.multiValueHeaders.Cookie).toEqual(['c1=v1', 'c2=v2']);
    expect(event.headers.Host).toBe('headers.example.com');
    expect(event.headers['x-multi']).toBeUndefined();
    expect(event.headers.Connection).toBeUndefined();
  });

  it('API Gateway v2: lower-case names, repeated lines joined with ",", every Cookie line in cookies[]', async () => {
    const event = chunkedBody(await send('/v2', CLIENT_LINES));
    expect(event.headers['x-multi']).toBe('a,b');
    expect(event.cookies).toEqual(['c1=v1', 'c2=v2']);
    expect(event.headers.cookie).toBeUndefined();
    expect(event.headers.host).toBe('headers.example.com');
  });
});

describe('response header lines', () => {
  it('v1 multiValueHeaders: one line per value (a value with a comma stays whole), Set-Cookie never merged', async () => {
    const response = await send('/v1', CLIENT_LINES);
    expect(values(response, 'x-repeated')).toEqual(['one', 'two, three']);
    expect(values(response, 'x-single')).toEqual(['only']);
    expect(values(response, 'set-cookie')).toEqual(['a=1; Path=/', 'b=2; Path=/']);
  });

  it('v2 and Envoy cookies: one Set-Cookie line each', async () => {
    for (const path of ['/v2', '/envoy']) {
      const response = await send(path, CLIENT_LINES);
      expect(values(response, 'set-cookie'), path).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    }
  });
});
