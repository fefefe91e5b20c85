import { describe, expect, it } from 'vitest';
import type { HttpTransport, OutboundRequest } from '../invoke/index.ts';
import { createGateway, type GatewayRouteSpec } from './create-gateway.ts';
import { applyRequestFilters, replacePrefix, type RouteFilter } from './route-filters.ts';
import { unitPlatform } from './unit-platform-test-support.ts';

describe('ReplacePrefixMatch (the Gateway API examples)', () => {
  it.each([
    ['/foo/bar', '/foo', '/xyz', '/xyz/bar'],
    ['/foo', '/foo', '/xyz', '/xyz'],
    ['/foo/bar', '/foo', '/xyz/', '/xyz/bar'],
    ['/foo/bar', '/foo/', '/xyz', '/xyz/bar'],
    ['/foo/bar', '/foo', '/', '/bar'],
    ['/foo', '/foo', '/', '/'],
    ['/foo', '/', '/xyz', '/xyz/foo'],
  ])('%s with prefix %s replaced by %s is %s', (path, prefix, replacement, expected) => {
    expect(replacePrefix(path, prefix, replacement)).toBe(expected);
  });
});

describe('request filters', () => {
  it('remove, then set, then add headers; leave the original request untouched', () => {
    const headers = new Headers({ 'x-a': '1', cookie: 'c', 'x-b': 'old' });
    const filters: RouteFilter[] = [
      {
        type: 'RequestHeaderModifier',
        requestHeaderModifier: { remove: ['cookie', 'x-b'], set: [{ name: 'X-B', value: 'new' }], add: [{ name: 'x-a', value: '2' }] },
      },
    ];
    const out = applyRequestFilters(filters, new URL('http://gw/echo'), headers, undefined);
    expect(Object.fromEntries(out.headers)).toEqual({ 'x-a': '1, 2', 'x-b': 'new' });
    expect(headers.get('cookie')).toBe('c');
  });

  it('rewrites the full path and the host, keeping the query string', () => {
    const filters: RouteFilter[] = [
      { type: 'URLRewrite', urlRewrite: { hostname: 'lambda.internal', path: { type: 'ReplaceFullPath', replaceFullPath: '/v2/echo' } } },
    ];
    const out = applyRequestFilters(filters, new URL('http://gw/echo/x?a=1'), new Headers({ host: 'gw' }), undefined);
    expect(out.url.href).toBe('http://lambda.internal/v2/echo?a=1');
    expect(out.headers.get('host')).toBe('lambda.internal');
  });
});

/** A platform whose transport records the Invoke payloads and answers `reply`. */
function recordingPlatform(reply: { status: number; body: string }) {
  const sent: OutboundRequest[] = [];
  const transport: HttpTransport = {
    async send(request) {
      sent.push(request);
      return { status: reply.status, headers: new Headers({ 'content-type': 'application/json' }), bytes: async () => new TextEncoder().encode(reply.body) };
    },
  };
  const platform = unitPlatform(transport);
  return { sent, platform };
}

describe('filters on a route of the gateway', () => {
  const route: GatewayRouteSpec = {
    name: 'rewritten',
    matches: [{ path: { type: 'PathPrefix', value: '/api' } }],
    backend: { functionName: 'envoy-app', accountId: '222222222222', region: 'us-east-1', payloadMode: 'envoy' },
    filters: [
      { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-tenant', value: 'blue' }], remove: ['authorization'] } },
      { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v2' } } },
      { type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'x-served-by', value: 'lambda' }], remove: ['x-internal'] } },
    ],
  };

  it('builds the event from the filtered request and modifies the response headers', async () => {
    const { sent, platform } = recordingPlatform({
      status: 200,
      body: '{"statusCode":201,"headers":{"x-internal":"1","content-type":"text/plain"},"body":"ok"}',
    });
    const app = createGateway({ routes: [route], platform });
    const response = await app.request('/api/items?a=1', { headers: { authorization: 'Bearer t', 'x-tenant': 'red' } });
    const event = JSON.parse(new TextDecoder().decode(sent[0]!.body)) as { raw_path: string; headers: Record<string, string> };
    expect(event.raw_path).toBe('/v2/items?a=1');
    expect(event.headers['x-tenant']).toBe('blue');
    expect(event.headers.authorization).toBeUndefined();
    expect(response.status).toBe(201);
    expect(response.headers.get('x-served-by')).toBe('lambda');
    expect(response.headers.get('x-internal')).toBeNull();
    expect(await response.text()).toBe('ok');
  });

  it("applies response header filters to the gateway's own error responses too", async () => {
    const { platform } = recordingPlatform({ status: 500, body: '{"Type":"Service","message":"boom"}' });
    const response = await createGateway({ routes: [route], platform }).request('/api');
    expect(response.status).toBe(502);
    expect(response.headers.get('x-served-by')).toBe('lambda');
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('lists the filters of each route in the route table', async () => {
    const { compileGateway } = await import('./create-gateway.ts');
    const { platform } = recordingPlatform({ status: 200, body: '{}' });
    expect(compileGateway({ routes: [route], platform }).table[0]!.filters).toEqual(['RequestHeaderModifier', 'URLRewrite', 'ResponseHeaderModifier']);
  });
});
