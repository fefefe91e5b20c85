/*
 * CORS from the native config (`cors:` on a route) and Gloo Edge VirtualService `cors`
 * (virtual host and route options), through the translation and the compiled app: preflights
 * never reach the transport, and the gateway's own error answers carry the CORS headers too.
 */
import { describe, expect, it } from 'vitest';
import { buildRoutes } from '../config/build-routes.ts';
import { parseConfigText } from '../config/documents.ts';
import type { HttpTransport } from '../invoke/index.ts';
import { configErrorOf, translateYaml } from '../manifests/manifest-test-support.ts';
import { unitPlatform } from './unit-platform-test-support.ts';
import { compileGateway, type GatewayRouteSpec } from './create-gateway.ts';

/** Answers 200, or a Lambda function error for function `fail`; counts what it is sent. */
function gatewayOf(routes: GatewayRouteSpec[]) {
  const sent: string[] = [];
  const transport: HttpTransport = {
    async send(request) {
      sent.push(request.url);
      const failing = decodeURIComponent(request.url).includes(':function:fail');
      const headers = new Headers({ 'content-type': 'application/json', ...(failing ? { 'x-amz-function-error': 'Unhandled' } : {}) });
      const body = failing ? '{"errorType":"Boom","errorMessage":"no"}' : '{"statusCode":200,"headers":{"vary":"Accept"},"body":"ok"}';
      return { status: 200, headers, bytes: async () => new TextEncoder().encode(body) };
    },
  };
  const platform = unitPlatform(transport);
  return { sent, gateway: compileGateway({ routes, platform }) };
}

const NATIVE = `
backends:
  api: { region: us-east-1, accountId: "222222222222", functionName: api, payloadMode: apigateway-v1 }
  fail: { region: us-east-1, accountId: "222222222222", functionName: fail, payloadMode: apigateway-v1 }
routes:
  - name: api
    matches: [{ path: { type: PathPrefix, value: /api } }]
    backend: api
    cors: { allowOrigins: ["https://app.example.com"], allowMethods: [GET, POST], allowHeaders: [content-type], exposeHeaders: [x-request-id], allowCredentials: true }
  - name: fail
    matches: [{ path: { type: PathPrefix, value: /fail } }]
    backend: fail
    cors: { allowOrigins: ["*"] }
`;

const ORIGIN = { origin: 'https://app.example.com' };

describe('native cors:', () => {
  const { sent, gateway } = gatewayOf(buildRoutes(parseConfigText(NATIVE, 'gateway.yaml')).routes);

  it('answers the preflight itself, with the documented maxAge default of 5 seconds', async () => {
    const response = await gateway.app.request('http://gw.test/api/items', {
      method: 'OPTIONS',
      headers: { ...ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(response.status).toBe(200);
    expect(Object.fromEntries([...response.headers].filter(([name]) => name.startsWith('access-control-')))).toEqual({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'content-type',
      'access-control-expose-headers': 'x-request-id',
      'access-control-max-age': '5',
    });
    expect(sent).toEqual([]);
  });

  it("adds the headers to the function's answer and appends Origin to its Vary", async () => {
    const response = await gateway.app.request('http://gw.test/api/items', { headers: ORIGIN });
    expect(await response.text()).toBe('ok');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(response.headers.get('vary')).toBe('Accept, Origin');
    expect(sent).toHaveLength(1);
  });

  it("adds them to the gateway's own 502 for a failed function, so the browser can read it", async () => {
    const response = await gateway.app.request('http://gw.test/fail', { headers: ORIGIN });
    expect(response.status).toBe(502);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('refuses a bad origin in the config, naming the field', () => {
    expect(() => buildRoutes(parseConfigText(NATIVE.replace('"https://app.example.com"', '"app.example.com"'), 'gateway.yaml'))).toThrow(
      /routes\[0\]\.cors\.allowOrigins\[0\].*must be "\*" or an origin/,
    );
  });
});

const UPSTREAM = `apiVersion: gloo.solo.io/v1
kind: Upstream
metadata: { name: aws-upstream, namespace: gloo-system }
spec:
  aws:
    region: us-east-1
    awsAccountId: "222222222222"
    lambdaFunctions:
    - { lambdaFunctionName: api, logicalName: api }
`;

const virtualService = (routeOptions = '') => `${UPSTREAM}---
apiVersion: gateway.solo.io/v1
kind: VirtualService
metadata: { name: web, namespace: gloo-system }
spec:
  virtualHost:
    domains: [api.example.com]
    options:
      cors:
        allowOriginRegex: ['https://[a-z]+\\.example\\.com']
        allowMethods: [GET]
        maxAge: "86400"
    routes:
    - matchers: [{ prefix: /api }]
      routeAction: { single: { upstream: { name: aws-upstream }, destinationSpec: { aws: { logicalName: api } } } }${routeOptions}
`;

describe('Gloo Edge VirtualService cors', () => {
  it('applies the virtual host policy to its routes (allowOriginRegex matched whole), without a warning', async () => {
    const translated = translateYaml(virtualService());
    expect(translated.warnings.filter((warning) => warning.includes('cors'))).toEqual([]);
    const { sent, gateway } = gatewayOf(translated.routes);
    const preflight = await gateway.app.request('http://api.example.com/api', {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-max-age')).toBe('86400');
    const refused = await gateway.app.request('http://api.example.com/api', {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com.evil.test', 'access-control-request-method': 'GET' },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.has('access-control-allow-origin')).toBe(false);
    expect(sent).toEqual([]);
  });

  it("gives the virtual host's 404 its CORS headers, and no other host's", async () => {
    const { gateway } = gatewayOf(translateYaml(virtualService()).routes);
    const inHost = await gateway.app.request('http://api.example.com/nothing-here', { headers: ORIGIN });
    expect(inHost.status).toBe(404);
    expect(inHost.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const otherHost = await gateway.app.request('http://other.example.com/api', { headers: ORIGIN });
    expect(otherHost.status).toBe(404);
    expect(otherHost.headers.has('access-control-allow-origin')).toBe(false);
  });

  it("turns the virtual host's policy off for a route with disableForRoute", async () => {
    const routes = translateYaml(virtualService('\n      options: { cors: { disableForRoute: true } }')).routes;
    const { sent, gateway } = gatewayOf(routes);
    const response = await gateway.app.request('http://api.example.com/api', {
      method: 'OPTIONS',
      headers: { ...ORIGIN, 'access-control-request-method': 'GET' },
    });
    expect(response.headers.has('access-control-allow-origin')).toBe(false);
    expect(sent).toHaveLength(1); // no policy: the OPTIONS request is the function's
  });

  it('refuses an allowOriginRegex RE2 cannot compile, naming the field', () => {
    expect(configErrorOf(() => translateYaml(virtualService().replace("'https://[a-z]+\\.example\\.com'", "'(?=x)'")))).toMatch(
      /spec\.virtualHost\.options\.cors\.allowOriginRegex\[0\]: must be an RE2 regular expression/,
    );
  });
});
