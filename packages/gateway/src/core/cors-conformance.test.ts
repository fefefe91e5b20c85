/*
 * The Gateway API CORS filter: the conformance cases of kubernetes-sigs/gateway-api
 * conformance/tests/httproute-cors.go (@0c87f4c1) on the routes of httproute-cors.yaml
 * (testdata/httproute-cors.yaml, changes noted there), through the manifest translation and the
 * compiled app. Each case is named as in the .go file. Where the suite accepts several values
 * (e.g. `*` or the echoed origin), the one this gateway sends is asserted, and the alternatives
 * the suite allows are noted. The transport counts invocations: preflights must not reach it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HttpTransport } from '../invoke/index.ts';
import { translateYaml } from '../manifests/manifest-test-support.ts';
import { unitPlatform } from './unit-platform-test-support.ts';
import { compileGateway } from './create-gateway.ts';

let invocations = 0;
const transport: HttpTransport = {
  async send() {
    invocations++;
    return {
      status: 200,
      headers: new Headers({ 'content-type': 'application/json' }),
      bytes: async () => new TextEncoder().encode('{"statusCode":200,"body":"ok"}'),
    };
  },
};
const platform = unitPlatform(transport);

const yaml = readFileSync(resolve(import.meta.dirname, 'testdata/httproute-cors.yaml'), 'utf8');
const gateway = compileGateway({ routes: translateYaml(yaml, 'httproute-cors.yaml').routes, platform });

const send = (method: string, path: string, headers: Record<string, string>) => gateway.app.request(`http://gw.example${path}`, { method, headers });
const preflight = (path: string, origin: string, method: string, requestHeaders?: string) =>
  send('OPTIONS', path, {
    Origin: origin,
    'access-control-request-method': method,
    ...(requestHeaders === undefined ? {} : { 'access-control-request-headers': requestHeaders }),
  });

/** The suite compares these lists with IgnoreWhitespace and in either order. */
const sortedList = (value: string | null) => value?.replace(/\s/g, '').split(',').sort().join(',');

beforeEach(() => {
  invocations = 0;
});

describe('HTTPRouteCORS (gateway-api conformance/tests/httproute-cors.go)', () => {
  const cors1 = (origin: string) => async () => {
    const response = await preflight('/cors-1', origin, 'GET', 'x-header-1, x-header-2');
    expect([200, 204]).toContain(response.status);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(sortedList(response.headers.get('access-control-allow-methods'))).toBe('GET,OPTIONS');
    expect(sortedList(response.headers.get('access-control-allow-headers'))).toBe('x-header-1,x-header-2');
    expect(sortedList(response.headers.get('access-control-expose-headers'))).toBe('x-header-3,x-header-4');
    expect(response.headers.get('access-control-max-age')).toBe('3600');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(invocations).toBe(0);
  };
  it('CORS preflight request from an exact matching origin should be allowed', cors1('https://www.foo.com'));
  it('CORS preflight request from a wildcard matching origin should be allowed', cors1('https://www.bar.com'));
  it("CORS preflight request from a wildcard matching any number of periods left to '*' should be allowed", cors1('https://xpto.www.bar.com'));

  it('CORS preflight request from a non-matching origin should not be allowed', async () => {
    const response = await preflight('/cors-1', 'https://foobar.com', 'GET');
    expect(response.status).toBe(403); // the suite accepts 200, 204 or 403
    expect(response.headers.has('access-control-allow-origin')).toBe(false);
    expect(invocations).toBe(0);
  });

  const simple = (origin: string) => async () => {
    const response = await send('GET', '/cors-1', {
      Origin: origin,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'x-header-1, x-header-2',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(invocations).toBe(1);
  };
  it('Simple request from an exact matching origin should be allowed', simple('https://www.foo.com'));
  it('Simple request from a wildcard matching origin should be allowed', simple('https://www.bar.com'));

  it('Simple request from a non-matching origin should not be allowed', async () => {
    const response = await send('GET', '/cors-1', { Origin: 'https://foobar.com', 'access-control-request-method': 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.has('access-control-allow-origin')).toBe(false);
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('CORS preflight request with POST method should be allowed by allowMethods with wildcard', async () => {
    const response = await preflight('/cors-2', 'https://www.foo.com', 'POST');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-methods')).toBe('POST'); // or "*"
    expect(response.headers.get('access-control-allow-origin')).toBe('https://www.foo.com');
    expect(response.headers.has('access-control-allow-credentials')).toBe(false);
  });

  it('CORS preflight request should not receive access-control-allow-credentials header without access-control-allow-credentials set to true', async () => {
    const response = await preflight('/cors-2', 'https://www.foo.com', 'POST');
    expect(response.headers.has('Access-Control-Allow-Credentials')).toBe(false);
  });

  for (const origin of ['https://foobar.com', 'https://foobar.com:12345']) {
    const name = origin.includes(':12345') ? 'a wildcard origin containing a port' : 'a wildcard origin';
    it(`Pre-flight request from ${name} should return header with '*' or with the requested Origin`, async () => {
      const response = await preflight('/cors-wildcard-origin', origin, 'PUT');
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin); // or "*"
      expect(response.headers.get('access-control-allow-methods')).toBe('PUT');
      expect(response.headers.has('access-control-allow-credentials')).toBe(false);
      expect(invocations).toBe(0);
    });
    const simpleName = origin.includes(':12345') ? 'Request from a wildcard origin containing a port' : 'Simple request from a wildcard origin';
    it(`${simpleName} should return header with '*' or with the requested Origin`, async () => {
      const response = await send('PUT', '/cors-wildcard-origin', { Origin: origin });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin); // or "*"
      expect(response.headers.has('access-control-allow-credentials')).toBe(false);
      expect(invocations).toBe(1);
    });
  }

  it('CORS preflight request requesting auth and specific method and headers should be allowed and always echo the origin', async () => {
    const response = await preflight('/cors-wildcard-methods-headers', 'https://other.foo.com', 'PUT', 'x-header-1, x-header-2');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://other.foo.com');
    expect(response.headers.get('access-control-allow-methods')).toBe('PUT');
    expect(sortedList(response.headers.get('access-control-allow-headers'))).toBe('x-header-1,x-header-2');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('CORS preflight request requesting auth and specific method and headers should hide auth headers on unauth path', async () => {
    const response = await preflight('/cors-wildcard-methods-headers-unauth', 'https://other.foo.com', 'PUT', 'x-header-1, x-header-2');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://other.foo.com'); // or "*"
    expect(response.headers.get('access-control-allow-methods')).toBe('PUT'); // or "*"
    expect(sortedList(response.headers.get('access-control-allow-headers'))).toBe('x-header-1,x-header-2'); // or "*"
    expect(response.headers.has('access-control-allow-credentials')).toBe(false);
  });

  it('Simple request with credentials auth should be allowed and always echo the origin', async () => {
    const response = await send('GET', '/cors-wildcard-methods-headers', { Origin: 'https://other.foo.com', Authorization: 'Bearer test' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://other.foo.com');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('Simple request with credentials should hide auth headers on unauth path', async () => {
    const response = await send('GET', '/cors-wildcard-methods-headers-unauth', { Origin: 'https://other.foo.com', Authorization: 'Bearer test' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://other.foo.com');
    expect(response.headers.has('access-control-allow-credentials')).toBe(false);
  });
});

describe('CORS beyond the suite', () => {
  it('shows CORS in the filters column of the route table', () => {
    expect(gateway.table.find((row) => row.route.includes('cors-1') || row.match.path.value === '/cors-1')?.filters).toEqual(['CORS']);
  });

  it('answers a preflight for a route that matches only the announced method, without invoking it', async () => {
    const routes = translateYaml(yaml).routes.map((route) =>
      route.name?.includes('/cors-wildcard-origin ')
        ? { ...route, matches: [{ method: 'PUT' as const, path: { type: 'PathPrefix' as const, value: '/cors-wildcard-origin' } }] }
        : route,
    );
    expect(routes.find((route) => route.name?.includes('/cors-wildcard-origin '))?.matches?.[0]).toMatchObject({ method: 'PUT' });
    const app = compileGateway({ routes, platform }).app;
    const response = await app.request('http://gw.example/cors-wildcard-origin', {
      method: 'OPTIONS',
      headers: { Origin: 'https://a.test', 'access-control-request-method': 'PUT' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-methods')).toBe('PUT');
    expect(invocations).toBe(0);
  });
});
