/*
 * Round trips through real Lambda web adapters that nobody here wrote: our codec builds the
 * event, the adapter runs an app in-process exactly as it would inside Lambda, and our codec turns
 * the adapter's result back into the HTTP response. Everything must survive byte-exactly.
 */
import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { getCookie } from 'hono/cookie';
import serverless from 'serverless-http';
// @ts-ignore -- express 5 ships no types and @types/express is not installed; typed below.
import expressModule from 'express';
import type { PayloadCodec } from './types.ts';
import { apiGatewayV1Codec } from './apigateway-v1.ts';
import { apiGatewayV2Codec } from './apigateway-v2.ts';
import { allBytes, bodyBytes, makeRequest } from './test-utils.ts';

/** What each app reports back in the `x-echo` header. */
interface Echo {
  method: string;
  path: string;
  a: string[];
  b: string | undefined;
  custom: string | undefined;
  cookies: Record<string, string>;
}

const EXPECTED_ECHO: Echo = {
  method: 'POST',
  path: '/echo/items',
  a: ['1', '2'],
  b: 'x y',
  custom: 'hello',
  cookies: { c1: 'v1', c2: 'v2' },
};

/** The client request every test sends: repeated query key, a header, two cookies, bytes 0..255. */
function clientRequest() {
  return makeRequest({
    method: 'POST',
    url: 'https://api.example.com/echo/items?a=1&a=2&b=x%20y',
    headers: new Headers([
      ['host', 'api.example.com'],
      ['user-agent', 'compat-test'],
      ['x-custom', 'hello'],
      ['cookie', 'c1=v1; c2=v2'],
      ['content-type', 'application/octet-stream'],
    ]),
    body: allBytes(),
    routeKey: 'POST /echo/{proxy+}',
    resource: '/echo/{proxy+}',
    pathParameters: { proxy: 'items' },
  });
}

type LambdaHandler = (event: unknown) => Promise<unknown>;

/**
 * Invokes `handler` the way Lambda would: the event arrives as the JSON our codec produced, and
 * the return value leaves JSON-serialized, with Lambda's application/json content type.
 */
async function roundTrip(codec: PayloadCodec, handler: LambdaHandler): Promise<{ response: Response; event: unknown; output: unknown }> {
  const request = clientRequest();
  const event = JSON.parse(new TextDecoder().decode(codec.encodeEvent(request))) as unknown;
  const output = await handler(event);
  const payload = new TextEncoder().encode(JSON.stringify(output));
  const response = codec.decodeResult({ payload, headers: new Headers({ 'content-type': 'application/json' }) }, request);
  return { response, event, output };
}

/** Asserts the binary path was really taken both ways, then checks the echoed response. */
async function expectBinaryRoundTrip(trip: { response: Response; event: unknown; output: unknown }, cookies: string[]) {
  expect(trip.event).toMatchObject({ isBase64Encoded: true });
  expect(trip.output).toMatchObject({ isBase64Encoded: true });
  await expectEchoed(trip.response, cookies);
}

async function expectEchoed(response: Response, expectedCookies: string[]): Promise<void> {
  expect(response.status).toBe(201);
  expect(response.headers.get('x-reply')).toBe('yes');
  expect(response.headers.get('content-type')).toBe('application/octet-stream');
  expect(response.headers.getSetCookie()).toEqual(expectedCookies);
  expect(JSON.parse(response.headers.get('x-echo') ?? 'null')).toEqual(EXPECTED_ECHO);
  expect(await bodyBytes(response)).toEqual(allBytes());
}

// ---------------------------------------------------------------- hono/aws-lambda

function honoApp(): Hono {
  const app = new Hono();
  app.post('/echo/:name', async (c) => {
    const body = new Uint8Array(await c.req.arrayBuffer());
    const echo: Echo = {
      method: c.req.method,
      path: c.req.path,
      a: c.req.queries('a') ?? [],
      b: c.req.query('b'),
      custom: c.req.header('x-custom'),
      cookies: getCookie(c),
    };
    c.header('x-reply', 'yes');
    c.header('x-echo', JSON.stringify(echo));
    c.header('set-cookie', 's1=a; Path=/', { append: true });
    c.header('set-cookie', 's2=b; HttpOnly', { append: true });
    c.header('content-type', 'application/octet-stream');
    return c.body(body, 201);
  });
  return app;
}

const HONO_COOKIES = ['s1=a; Path=/', 's2=b; HttpOnly'];

describe('compatibility: hono/aws-lambda handle()', () => {
  const handler = handle(honoApp()) as unknown as LambdaHandler;

  it('round-trips an apigateway-v2 event byte-exactly', async () => {
    await expectBinaryRoundTrip(await roundTrip(apiGatewayV2Codec, handler), HONO_COOKIES);
  });

  it('round-trips an apigateway-v1 event byte-exactly', async () => {
    await expectBinaryRoundTrip(await roundTrip(apiGatewayV1Codec, handler), HONO_COOKIES);
  });

  it('returns a JSON route as text (not base64) through v2', async () => {
    const app = new Hono();
    app.post('/echo/:name', (c) => c.json({ ok: true, name: c.req.param('name') }, 202));
    const { response, output } = await roundTrip(apiGatewayV2Codec, handle(app) as unknown as LambdaHandler);
    expect(output).toMatchObject({ isBase64Encoded: false });
    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ ok: true, name: 'items' });
  });
});

// ---------------------------------------------------------------- serverless-http + Express 5

/** The slice of Express 5's API these tests use (express ships no type declarations). */
interface ExpressRequest {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  body: unknown;
  get(name: string): string | undefined;
}
interface ExpressResponse {
  status(code: number): ExpressResponse;
  set(name: string, value: string): ExpressResponse;
  cookie(name: string, value: string, options?: Record<string, unknown>): ExpressResponse;
  type(value: string): ExpressResponse;
  send(body: unknown): void;
}
interface ExpressApp {
  use(handler: unknown): void;
  post(path: string, handler: (req: ExpressRequest, res: ExpressResponse) => void): void;
}
interface ExpressStatic {
  (): ExpressApp;
  raw(options: { type: string; limit?: string }): unknown;
}
const express = expressModule as unknown as ExpressStatic;

function parseCookieHeader(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

function expressApp(): ExpressApp {
  const app = express();
  app.use(express.raw({ type: '*/*', limit: '10mb' }));
  app.post('/echo/:name', (req, res) => {
    const a = req.query['a'];
    const b = req.query['b'];
    const echo: Echo = {
      method: req.method,
      path: req.path,
      a: a === undefined ? [] : Array.isArray(a) ? a : [a],
      b: typeof b === 'string' ? b : undefined,
      custom: req.get('x-custom'),
      cookies: parseCookieHeader(req.get('cookie')),
    };
    res
      .status(201)
      .set('x-reply', 'yes')
      .set('x-echo', JSON.stringify(echo))
      .cookie('s1', 'a')
      .cookie('s2', 'b', { httpOnly: true })
      .type('application/octet-stream')
      .send(req.body);
  });
  return app;
}

// Express adds its default `Path=/` to every cookie it sets.
const EXPRESS_COOKIES = ['s1=a; Path=/', 's2=b; Path=/; HttpOnly'];

describe('compatibility: serverless-http wrapping Express 5', () => {
  // serverless-http base64-encodes only the content types it is told are binary.
  const app = expressApp() as unknown as Parameters<typeof serverless>[0];
  const handler = serverless(app, { binary: ['application/octet-stream'] }) as unknown as (event: unknown, context: unknown) => Promise<unknown>;
  const invoke: LambdaHandler = (event) => handler(event, {});

  it('round-trips an apigateway-v2 event byte-exactly', async () => {
    await expectBinaryRoundTrip(await roundTrip(apiGatewayV2Codec, invoke), EXPRESS_COOKIES);
  });

  it('round-trips an apigateway-v1 event byte-exactly', async () => {
    await expectBinaryRoundTrip(await roundTrip(apiGatewayV1Codec, invoke), EXPRESS_COOKIES);
  });
});
