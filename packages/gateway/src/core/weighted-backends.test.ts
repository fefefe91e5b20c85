/*
 * Weighted backends: a canary between two aliases of one function, through the HTTPRoute,
 * Gloo `multi` and native translations and the compiled app. The random source is seeded, so
 * the counts are the same on every run; the bounds are 4 standard deviations of the binomial
 * split, so a correct split passes with any seed and a wrong one (e.g. 50/50) cannot.
 * Source of the weight semantics: Gateway API HTTPBackendRef.weight (apis/v1/httproute_types.go)
 * and conformance/tests/httproute-weight.go (70/30/0 across three backends).
 */
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../config/documents.ts';
import { buildRoutes } from '../config/build-routes.ts';
import { formatRouteTable } from '../cli/route-table.ts';
import type { HttpTransport } from '../invoke/index.ts';
import { translateYaml } from '../manifests/manifest-test-support.ts';
import { unitPlatform } from './unit-platform-test-support.ts';
import { compileGateway, type GatewayRouteSpec } from './create-gateway.ts';
import { seededRandom, weightedPicker } from './weighted-pick.ts';

/** Counts invocations per `Qualifier` (the alias) and answers 200. */
function countingPlatform() {
  const counts = new Map<string, number>();
  const transport: HttpTransport = {
    async send(request) {
      const url = new URL(request.url);
      const key = url.searchParams.get('Qualifier') ?? decodeURIComponent(url.pathname.split('/')[3] ?? '');
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return { status: 200, headers: new Headers({ 'content-type': 'application/json' }), bytes: async () => new TextEncoder().encode('"ok"') };
    },
  };
  const platform = unitPlatform(transport);
  return { counts, platform };
}

async function split(routes: GatewayRouteSpec[], requests: number, seed = 12) {
  const { counts, platform } = countingPlatform();
  const gateway = compileGateway({ routes, platform, random: seededRandom(seed) });
  const statuses = new Set<number>();
  for (let i = 0; i < requests; i++) statuses.add((await gateway.app.request('http://gw.example/api')).status);
  return { counts, statuses, gateway };
}

/** n·p ± 4·sqrt(n·p·(1-p)). */
function expectShare(count: number | undefined, n: number, p: number) {
  const sd = Math.sqrt(n * p * (1 - p));
  expect(count ?? 0).toBeGreaterThanOrEqual(Math.floor(n * p - 4 * sd));
  expect(count ?? 0).toBeLessThanOrEqual(Math.ceil(n * p + 4 * sd));
}

const backend = (name: string, qualifier: string) => `apiVersion: gateway.kgateway.dev/v1alpha1
kind: Backend
metadata: { name: ${name}, namespace: apps }
spec: { aws: { region: us-east-1, lambda: { accountId: "222222222222", functionName: shop, qualifier: ${qualifier} } } }
---
`;
const httpRoute = (
  refs: string,
) => `${backend('shop-live', 'live')}${backend('shop-canary', 'canary')}${backend('shop-old', 'old')}apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: shop, namespace: apps }
spec:
  rules:
    - backendRefs:
${refs}`;
const ref = (name: string, weight: number) => `        - { group: gateway.kgateway.dev, kind: Backend, name: ${name}, weight: ${weight} }\n`;

describe('HTTPRoute weighted backendRefs', () => {
  it('splits 90/10 between two aliases, never sends to a weight-0 ref, and shows the weights in the route table', async () => {
    const routes = translateYaml(httpRoute(ref('shop-live', 90) + ref('shop-canary', 10) + ref('shop-old', 0))).routes;
    const { counts, statuses, gateway } = await split(routes, 2000);
    expect(statuses).toEqual(new Set([200]));
    expectShare(counts.get('live'), 2000, 0.9);
    expectShare(counts.get('canary'), 2000, 0.1);
    expect(counts.get('old')).toBeUndefined();
    expect(gateway.table[0]!.weights).toEqual([
      { backend: 'Backend apps/shop-live', weight: 90 },
      { backend: 'Backend apps/shop-canary', weight: 10 },
      { backend: 'Backend apps/shop-old', weight: 0 },
    ]);
    expect(formatRouteTable(gateway.table)).toContain('Backend apps/shop-live weight 90, Backend apps/shop-canary weight 10, Backend apps/shop-old weight 0');
  });

  it('splits 70/30 as conformance/tests/httproute-weight.yaml does (third backend weight 0)', async () => {
    const { counts } = await split(translateYaml(httpRoute(ref('shop-live', 70) + ref('shop-canary', 30) + ref('shop-old', 0))).routes, 1000, 7);
    expectShare(counts.get('live'), 1000, 0.7);
    expectShare(counts.get('canary'), 1000, 0.3);
    expect(counts.get('old')).toBeUndefined();
  });

  it('answers 500 without invoking anything when every backendRef has weight 0', async () => {
    const { counts, statuses } = await split(translateYaml(httpRoute(ref('shop-live', 0) + ref('shop-canary', 0))).routes, 3);
    expect(statuses).toEqual(new Set([500]));
    expect(counts.size).toBe(0);
  });
});

describe('Gloo Edge routeAction.multi', () => {
  const yaml = `apiVersion: gloo.solo.io/v1
kind: Upstream
metadata: { name: aws, namespace: gloo-system }
spec:
  aws:
    region: us-east-1
    awsAccountId: "222222222222"
    lambdaFunctions:
      - { logicalName: live, lambdaFunctionName: shop, qualifier: live }
      - { logicalName: canary, lambdaFunctionName: shop, qualifier: canary }
---
apiVersion: gateway.solo.io/v1
kind: VirtualService
metadata: { name: shop, namespace: gloo-system }
spec:
  virtualHost:
    routes:
      - routeAction:
          multi:
            destinations:
              - { weight: 3, destination: { upstream: { name: aws }, destinationSpec: { aws: { logicalName: live } } } }
              - { weight: 1, destination: { upstream: { name: aws }, destinationSpec: { aws: { logicalName: canary } } } }
`;
  it('splits by the destinations weights', async () => {
    const { counts } = await split(translateYaml(yaml).routes, 1000);
    expectShare(counts.get('live'), 1000, 0.75);
    expectShare(counts.get('canary'), 1000, 0.25);
  });
});

describe('native backends:', () => {
  const config = `
backends:
  live: { region: us-east-1, accountId: "222222222222", functionName: shop, qualifier: live }
  canary: { region: us-east-1, accountId: "222222222222", functionName: shop, qualifier: canary }
routes:
  - { name: shop, backends: [{ backend: live, weight: 95 }, { backend: canary, weight: 5 }] }
`;
  it('splits by weight', async () => {
    const { counts } = await split(buildRoutes(parseConfigText(config, 'gateway.yaml')).routes, 2000);
    expectShare(counts.get('live'), 2000, 0.95);
    expectShare(counts.get('canary'), 2000, 0.05);
  });

  it('refuses a route with both backend and backends, and an unknown backend in the list', () => {
    expect(() => buildRoutes(parseConfigText(config.replace('{ name: shop,', '{ name: shop, backend: live,'), 'gateway.yaml'))).toThrow(
      /routes\[0\].*exactly one of backend, backends or redirect/,
    );
    expect(() => buildRoutes(parseConfigText(config.replace('backend: canary', 'backend: nope'), 'gateway.yaml'))).toThrow(
      /routes\[0\]\.backends\[1\]\.backend: no backend named "nope"/,
    );
  });

  it('answers a native redirect route without a backend', async () => {
    const { routes } = buildRoutes(parseConfigText('routes:\n  - { name: www, redirect: { hostname: www.example.com, statusCode: 301 } }\n', 'gateway.yaml'));
    const response = await compileGateway({ routes, platform: countingPlatform().platform }).app.request('http://example.com/a?b=1');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('http://www.example.com/a?b=1');
  });
});

describe('weightedPicker', () => {
  it('maps the random number onto cumulative weights, exact at the boundaries', () => {
    const draws = [0, 0.5999, 0.6, 0.9999];
    const pick = weightedPicker(
      [
        { weight: 3, value: 'a' },
        { weight: 0, value: 'never' },
        { weight: 2, value: 'b' },
      ],
      () => draws.shift()!,
    );
    expect([pick(), pick(), pick(), pick()]).toEqual(['a', 'a', 'b', 'b']);
  });
});
