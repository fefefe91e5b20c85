/*
 * Host routing, with cases ported from the Gateway API conformance suite
 * (kubernetes-sigs/gateway-api, conformance/tests/*.yaml for the routes, the matching .go files
 * for the expectations). Backends are named after the suite's infra-backend-v1/v2/v3.
 */
import { describe, expect, it } from 'vitest';
import type { GatewayListener } from '../manifests/k8s-gateway.ts';
import { attachedHostnames, attachRoute } from '../manifests/route-attachment.ts';
import type { Manifest } from '../manifests/resource.ts';
import { intersectHostnames } from './hostnames.ts';
import { createRouter, type RouteDefinition } from './router.ts';

function target(router: ReturnType<typeof createRouter<string>>, host: string, path: string, headers: Record<string, string> = {}) {
  return router.match('GET', new URL(`http://${host}${path}`), new Headers(headers))?.target ?? 404;
}

describe('conformance: httproute-matching-across-routes', () => {
  // Source: conformance/tests/httproute-matching-across-routes.yaml (routes matching-part1/-part2).
  const router = createRouter<string>([
    {
      name: 'matching-part1',
      hostnames: ['example.com', 'example.net'],
      matches: [{ path: { type: 'PathPrefix', value: '/' } }, { headers: [{ name: 'version', value: 'one' }] }],
      target: 'v1',
    },
    {
      name: 'matching-part2',
      hostnames: ['example.com'],
      matches: [{ path: { type: 'PathPrefix', value: '/v2' } }, { headers: [{ name: 'version', value: 'two' }] }],
      target: 'v2',
    },
  ]);
  // Source: conformance/tests/httproute-matching-across-routes.go, testCases (in order).
  const cases: Array<[string, string, Record<string, string>, string | 404]> = [
    ['example.com', '/', {}, 'v1'],
    ['example.com', '/example', {}, 'v1'],
    ['example.net', '/example', {}, 'v1'],
    ['example.com', '/example', { version: 'one' }, 'v1'],
    ['example.com', '/v2', {}, 'v2'],
    ['example.net', '/v2', {}, 'v1'],
    ['example.com', '/v2/example', {}, 'v2'],
    ['example.com', '/', { version: 'two' }, 'v2'],
  ];
  it.each(cases)('%s %s %j → %s', (host, path, headers, expected) => {
    expect(target(router, host, path, headers)).toBe(expected);
  });
});

const HTTP = { protocol: 'HTTP', allowedNamespaces: { from: 'Same' }, allowsHttpRoutes: true } as const;

describe('conformance: httproute-hostname-intersection', () => {
  // Source: conformance/tests/httproute-hostname-intersection.yaml, Gateway
  // httproute-hostname-intersection (listener-1/2/3) and its five HTTPRoutes.
  const listeners: GatewayListener[] = [
    { name: 'listener-1', port: 80, hostname: 'very.specific.com', ...HTTP },
    { name: 'listener-2', port: 80, hostname: '*.wildcard.io', ...HTTP },
    { name: 'listener-3', port: 80, hostname: '*.anotherwildcard.io', ...HTTP },
  ];
  const gateways = new Map([['gateway-conformance-infra/httproute-hostname-intersection', listeners]]);
  const parentRefs = [{ name: 'httproute-hostname-intersection', namespace: 'gateway-conformance-infra' }];
  const manifest = { namespace: 'gateway-conformance-infra' } as Manifest;
  const routes: Array<{ name: string; hostnames: string[]; prefix: string; target: string }> = [
    {
      name: 'specific-host-matches-listener-specific-host',
      hostnames: ['non.matching.com', '*.nonmatchingwildcard.io', 'very.specific.com'],
      prefix: '/s1',
      target: 'v1',
    },
    {
      name: 'specific-host-matches-listener-wildcard-host',
      hostnames: ['non.matching.com', 'wildcard.io', 'foo.wildcard.io', 'bar.wildcard.io', 'foo.bar.wildcard.io'],
      prefix: '/s2',
      target: 'v2',
    },
    { name: 'wildcard-host-matches-listener-specific-host', hostnames: ['non.matching.com', '*.specific.com'], prefix: '/s3', target: 'v3' },
    { name: 'wildcard-host-matches-listener-wildcard-host', hostnames: ['*.anotherwildcard.io'], prefix: '/s4', target: 'v1' },
    { name: 'no-intersecting-hosts', hostnames: ['specific.but.wrong.com', 'wildcard.io'], prefix: '/s5', target: 'v2' },
  ];
  const definitions: RouteDefinition<string>[] = [];
  for (const route of routes) {
    const hostnames = attachedHostnames(route.hostnames, attachRoute(manifest, route.hostnames, parentRefs, gateways));
    if (hostnames !== undefined)
      definitions.push({ name: route.name, hostnames, matches: [{ path: { type: 'PathPrefix', value: route.prefix } }], target: route.target });
  }
  const router = createRouter(definitions);

  // Source: the .go's "HTTPRoutes have to be counted in AttachedRoutes only if they are Accepted" (listener-1: 2, listener-2: 1, listener-3: 1).
  it('attaches two routes to listener-1 and one each to listener-2 and listener-3', () => {
    const counts = new Map<string, number>();
    for (const route of routes) {
      const attachment = attachRoute(manifest, route.hostnames, parentRefs, gateways);
      if (attachment.kind === 'attached') for (const { listener } of attachment.listeners) counts.set(listener, (counts.get(listener) ?? 0) + 1);
    }
    const prefix = 'gateway-conformance-infra/httproute-hostname-intersection/';
    expect(Object.fromEntries(counts)).toEqual({ [`${prefix}listener-1`]: 2, [`${prefix}listener-2`]: 1, [`${prefix}listener-3`]: 1 });
  });

  it('does not attach the route whose hostnames intersect no listener', () => {
    expect(definitions.map((d) => d.name)).not.toContain('no-intersecting-hosts');
    expect(definitions.find((d) => d.name === 'wildcard-host-matches-listener-specific-host')?.hostnames).toEqual(['very.specific.com']);
  });

  // Source: conformance/tests/httproute-hostname-intersection.go, the cases for Gateway
  // httproute-hostname-intersection. The six cases of the second Gateway
  // (httproute-hostname-intersection-all) are served on their own port in
  // test/integration/listeners-gateways.node.test.ts.
  const cases: Array<[string, string, string | 404]> = [
    ['very.specific.com', '/s1', 'v1'],
    ['very.specific.com:1234', '/s1', 'v1'],
    ['non.matching.com', '/s1', 404],
    ['foo.nonmatchingwildcard.io', '/s1', 404],
    ['foo.wildcard.io', '/s1', 404],
    ['very.specific.com', '/non-matching-prefix', 404],
    ['foo.wildcard.io', '/s2', 'v2'],
    ['bar.wildcard.io', '/s2', 'v2'],
    ['foo.bar.wildcard.io', '/s2', 'v2'],
    ['non.matching.com', '/s2', 404],
    ['wildcard.io', '/s2', 404],
    ['very.specific.com', '/s2', 404],
    ['foo.wildcard.io', '/non-matching-prefix', 404],
    ['very.specific.com', '/s3', 'v3'],
    ['non.matching.com', '/s3', 404],
    ['foo.specific.com', '/s3', 404],
    ['foo.wildcard.io', '/s3', 404],
    ['very.specific.com', '/non-matching-prefix', 404],
    ['foo.anotherwildcard.io', '/s4', 'v1'],
    ['bar.anotherwildcard.io', '/s4', 'v1'],
    ['foo.bar.anotherwildcard.io', '/s4', 'v1'],
    ['anotherwildcard.io', '/s4', 404],
    ['foo.wildcard.io', '/s4', 404],
    ['very.specific.com', '/s4', 404],
    ['foo.anotherwildcard.io', '/non-matching-prefix', 404],
    ['specific.but.wrong.com', '/s5', 404],
    ['wildcard.io', '/s5', 404],
  ];
  it.each(cases)('%s %s → %s', (host, path, expected) => {
    expect(target(router, host, path)).toBe(expected);
  });
});

describe('host precedence and intersection', () => {
  it('exact beats the longest wildcard, which beats a shorter one, which beats routes for any host', () => {
    const router = createRouter<string>([
      { name: 'any', matches: [], target: 'any' },
      { name: 'short', hostnames: ['*.example.com'], matches: [], target: 'short' },
      { name: 'long', hostnames: ['*.api.example.com'], matches: [], target: 'long' },
      { name: 'exact', hostnames: ['v1.api.example.com'], matches: [], target: 'exact' },
    ]);
    expect(target(router, 'v1.api.example.com', '/')).toBe('exact');
    expect(target(router, 'v2.api.example.com', '/')).toBe('long');
    expect(target(router, 'www.example.com', '/')).toBe('short');
    expect(target(router, 'example.com', '/')).toBe('any');
    expect(target(router, 'WWW.Example.COM.', '/')).toBe('short');
    expect(router.describe().map((row) => [row.hostname, row.routeName, row.order])).toEqual([
      ['v1.api.example.com', 'exact', 1],
      ['*.api.example.com', 'long', 2],
      ['*.example.com', 'short', 3],
      [undefined, 'any', 4],
    ]);
  });

  it('intersects listener and route hostnames as the Gateway API says', () => {
    expect(intersectHostnames(undefined, ['a.com'])).toEqual(['a.com']);
    expect(intersectHostnames('a.com', [])).toEqual(['a.com']);
    expect(intersectHostnames('*.a.com', ['*.b.a.com', 'x.a.com', 'a.com'])).toEqual(['*.b.a.com', 'x.a.com']);
    expect(intersectHostnames('*.b.a.com', ['*.a.com'])).toEqual(['*.b.a.com']);
    expect(intersectHostnames('x.com', ['y.com'])).toBeUndefined();
  });
});
