/*
 * RequestRedirect, answered by the gateway itself: the Gateway API conformance cases
 * (kubernetes-sigs/gateway-api @4564255, conformance/tests/<name>.yaml for the routes, the
 * matching .go files for the expectations), through the manifest translation and the compiled
 * app. The suite's Service backendRefs are kgateway Backends here, and the transport fails the
 * test if anything is invoked. The gateway address is `gw.example` (listener port 80 unless the
 * case says otherwise); the full Location is asserted where the suite checks only some parts.
 */
import { describe, expect, it } from 'vitest';
import type { HttpTransport } from '../invoke/index.ts';
import { translateYaml } from '../manifests/manifest-test-support.ts';
import { unitPlatform } from './unit-platform-test-support.ts';
import { compileGateway } from './create-gateway.ts';
import { redirectLocation } from './redirect.ts';

const invoked: string[] = [];
const neverInvoked: HttpTransport = {
  async send(request) {
    invoked.push(request.url);
    throw new Error('a redirect must not invoke Lambda');
  },
};
const platform = unitPlatform(neverInvoked);

const BACKEND = `apiVersion: gateway.kgateway.dev/v1alpha1
kind: Backend
metadata: { name: infra-backend-v1, namespace: gateway-conformance-infra }
spec: { aws: { region: us-east-1, lambda: { accountId: "222222222222", functionName: echo } } }
`;

/** The gateway for an HTTPRoute with these rules (YAML flow lines under `rules:`). */
function gatewayFor(rules: string) {
  const yaml = `${BACKEND}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: gateway-conformance-infra }
spec:
  rules:
${rules}`;
  return compileGateway({ routes: translateYaml(yaml).routes, platform });
}

const redirectRule = (prefix: string, redirect: string) =>
  `    - { matches: [{ path: { type: PathPrefix, value: ${prefix} } }], filters: [{ type: RequestRedirect, requestRedirect: ${redirect} }] }\n`;

type Case = [path: string, status: number, location: string];

function expectRedirects(gateway: ReturnType<typeof gatewayFor>, origin: string, cases: Case[]) {
  it.each(cases)(`${origin}%s → %i %s`, async (path, status, location) => {
    const response = await gateway.app.request(`${origin}${path}`, { redirect: 'manual' });
    expect(response.status).toBe(status);
    expect(response.headers.get('location')).toBe(location);
    expect(await response.text()).toBe('');
    expect(invoked).toEqual([]);
  });
}

describe('conformance: httproute-303-redirect, -307-redirect, -308-redirect', () => {
  const gateway = gatewayFor(
    redirectRule('/see-other', '{ statusCode: 303 }') + redirectRule('/temporary', '{ statusCode: 307 }') + redirectRule('/permanent', '{ statusCode: 308 }'),
  );
  expectRedirects(gateway, 'http://gw.example', [
    ['/see-other', 303, 'http://gw.example/see-other'],
    ['/temporary', 307, 'http://gw.example/temporary'],
    ['/permanent', 308, 'http://gw.example/permanent'],
  ]);
});

describe('conformance: httproute-redirect-host-and-status', () => {
  const gateway = gatewayFor(
    redirectRule('/hostname-redirect', '{ hostname: example.org }') + redirectRule('/host-and-status', '{ statusCode: 301, hostname: example.org }'),
  );
  expectRedirects(gateway, 'http://gw.example', [
    ['/hostname-redirect', 302, 'http://example.org/hostname-redirect'],
    ['/host-and-status', 301, 'http://example.org/host-and-status'],
  ]);
});

describe('conformance: httproute-redirect-path', () => {
  const gateway = gatewayFor(
    redirectRule('/original-prefix', '{ path: { type: ReplacePrefixMatch, replacePrefixMatch: /replacement-prefix } }') +
      redirectRule('/full', '{ path: { type: ReplaceFullPath, replaceFullPath: /full-path-replacement } }') +
      redirectRule('/path-and-host', '{ hostname: example.org, path: { type: ReplacePrefixMatch, replacePrefixMatch: /replacement-prefix } }') +
      redirectRule('/path-and-status', '{ path: { type: ReplacePrefixMatch, replacePrefixMatch: /replacement-prefix }, statusCode: 301 }') +
      redirectRule('/full-path-and-host', '{ hostname: example.org, path: { type: ReplaceFullPath, replaceFullPath: /replacement-full } }') +
      redirectRule('/full-path-and-status', '{ path: { type: ReplaceFullPath, replaceFullPath: /replacement-full }, statusCode: 301 }'),
  );
  expectRedirects(gateway, 'http://gw.example', [
    ['/original-prefix/lemon', 302, 'http://gw.example/replacement-prefix/lemon'],
    ['/full/path/original', 302, 'http://gw.example/full-path-replacement'],
    ['/path-and-host', 302, 'http://example.org/replacement-prefix'],
    ['/path-and-status', 301, 'http://gw.example/replacement-prefix'],
    ['/full-path-and-host', 302, 'http://example.org/replacement-full'],
    ['/full-path-and-status', 301, 'http://gw.example/replacement-full'],
  ]);
});

describe('conformance: httproute-redirect-port', () => {
  const gateway = gatewayFor(
    redirectRule('/port', '{ port: 8083 }') +
      redirectRule('/port-and-host', '{ hostname: example.org, port: 8083 }') +
      redirectRule('/port-and-status', '{ port: 8083, statusCode: 301 }') +
      redirectRule('/port-and-host-and-status', '{ port: 8083, hostname: example.org, statusCode: 302 }'),
  );
  expectRedirects(gateway, 'http://gw.example', [
    ['/port', 302, 'http://gw.example:8083/port'],
    ['/port-and-host', 302, 'http://example.org:8083/port-and-host'],
    ['/port-and-status', 301, 'http://gw.example:8083/port-and-status'],
    ['/port-and-host-and-status', 302, 'http://example.org:8083/port-and-host-and-status'],
  ]);
});

describe('conformance: httproute-redirect-scheme', () => {
  const gateway = gatewayFor(
    redirectRule('/scheme', '{ scheme: https }') +
      redirectRule('/scheme-and-host', '{ hostname: example.org, scheme: https }') +
      redirectRule('/scheme-and-status', '{ scheme: https, statusCode: 301 }') +
      redirectRule('/scheme-and-host-and-status', '{ scheme: https, statusCode: 302, hostname: example.org }'),
  );
  expectRedirects(gateway, 'http://gw.example', [
    ['/scheme', 302, 'https://gw.example/scheme'],
    ['/scheme-and-host', 302, 'https://example.org/scheme-and-host'],
    ['/scheme-and-status', 301, 'https://gw.example/scheme-and-status'],
    ['/scheme-and-host-and-status', 302, 'https://example.org/scheme-and-host-and-status'],
  ]);
});

describe('conformance: httproute-redirect-port-and-scheme', () => {
  // The suite binds three HTTPRoutes to three listeners (HTTP 80, HTTP 8080, HTTPS 443); each is
  // compiled on its own here and the listener is the scheme and port the request addresses.
  const host = (prefix: string, redirect = '') => redirectRule(prefix, `{ hostname: example.org${redirect} }`);
  describe('http-route-for-listener-on-port-80', () => {
    const gateway = gatewayFor(
      host('/scheme-nil-and-port-nil') +
        host('/scheme-nil-and-port-80', ', port: 80') +
        host('/scheme-nil-and-port-8080', ', port: 8080') +
        host('/scheme-https-and-port-nil', ', scheme: https') +
        host('/scheme-https-and-port-443', ', scheme: https, port: 443') +
        host('/scheme-https-and-port-8443', ', scheme: https, port: 8443'),
    );
    expectRedirects(gateway, 'http://gw.example', [
      ['/scheme-nil-and-port-nil', 302, 'http://example.org/scheme-nil-and-port-nil'],
      ['/scheme-nil-and-port-80', 302, 'http://example.org/scheme-nil-and-port-80'],
      ['/scheme-nil-and-port-8080', 302, 'http://example.org:8080/scheme-nil-and-port-8080'],
      ['/scheme-https-and-port-nil', 302, 'https://example.org/scheme-https-and-port-nil'],
      ['/scheme-https-and-port-443', 302, 'https://example.org/scheme-https-and-port-443'],
      ['/scheme-https-and-port-8443', 302, 'https://example.org:8443/scheme-https-and-port-8443'],
    ]);
  });
  describe('http-route-for-listener-on-port-8080', () => {
    const gateway = gatewayFor(
      host('/scheme-nil-and-port-nil') + host('/scheme-nil-and-port-80', ', port: 80') + host('/scheme-https-and-port-nil', ', scheme: https'),
    );
    expectRedirects(gateway, 'http://gw.example:8080', [
      ['/scheme-nil-and-port-nil', 302, 'http://example.org:8080/scheme-nil-and-port-nil'],
      ['/scheme-nil-and-port-80', 302, 'http://example.org/scheme-nil-and-port-80'],
      ['/scheme-https-and-port-nil', 302, 'https://example.org/scheme-https-and-port-nil'],
    ]);
  });
  describe('http-route-for-listener-on-port-443', () => {
    const gateway = gatewayFor(
      host('/scheme-nil-and-port-nil') +
        host('/scheme-nil-and-port-443', ', port: 443') +
        host('/scheme-nil-and-port-8443', ', port: 8443') +
        host('/scheme-http-and-port-nil', ', scheme: http') +
        host('/scheme-http-and-port-80', ', scheme: http, port: 80') +
        host('/scheme-http-and-port-8080', ', scheme: http, port: 8080'),
    );
    expectRedirects(gateway, 'https://example.org', [
      ['/scheme-nil-and-port-nil', 302, 'https://example.org/scheme-nil-and-port-nil'],
      ['/scheme-nil-and-port-443', 302, 'https://example.org/scheme-nil-and-port-443'],
      ['/scheme-nil-and-port-8443', 302, 'https://example.org:8443/scheme-nil-and-port-8443'],
      ['/scheme-http-and-port-nil', 302, 'http://example.org/scheme-http-and-port-nil'],
      ['/scheme-http-and-port-80', 302, 'http://example.org/scheme-http-and-port-80'],
      ['/scheme-http-and-port-8080', 302, 'http://example.org:8080/scheme-http-and-port-8080'],
    ]);
  });
});

describe('conformance: httproute-backend-request-redirect (backendRef-level filters)', () => {
  const ref = (redirect: string) =>
    `backendRefs: [{ group: gateway.kgateway.dev, kind: Backend, name: infra-backend-v1, filters: [{ type: RequestRedirect, requestRedirect: ${redirect} }] }]`;
  const gateway = gatewayFor(
    `    - { matches: [{ path: { type: PathPrefix, value: /full } }], ${ref('{ path: { type: ReplaceFullPath, replaceFullPath: /redirected-full } }')} }\n` +
      `    - { matches: [{ path: { type: PathPrefix, value: /prefix } }], ${ref('{ path: { type: ReplacePrefixMatch, replacePrefixMatch: /redirected-prefix } }')} }\n`,
  );
  expectRedirects(gateway, 'http://gw.example', [
    ['/full/original', 302, 'http://gw.example/redirected-full'],
    ['/prefix/original', 302, 'http://gw.example/redirected-prefix/original'],
  ]);
});

describe('redirect Location details', () => {
  const prefix = { path: { type: 'PathPrefix' as const, value: '/old/' } };
  it('keeps the query string, and an IPv6 host in brackets', () => {
    expect(redirectLocation(new URL('http://[::1]:8080/a?x=1&y=2'), { scheme: 'https' }, undefined)).toBe('https://[::1]/a?x=1&y=2');
  });
  it('replaces a prefix given with a trailing slash segment-wise', () => {
    expect(redirectLocation(new URL('http://h/old/x/y'), { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/new' } }, prefix)).toBe(
      'http://h/new/x/y',
    );
  });
  it('shows the redirect in the route table', () => {
    const gateway = gatewayFor(redirectRule('/moved', '{ scheme: https, port: 8443, statusCode: 301 }'));
    expect(gateway.table[0]).toMatchObject({ backend: '-', redirect: '301 https://{host}:8443{path}', filters: ['RequestRedirect'] });
  });
});
