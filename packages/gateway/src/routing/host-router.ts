/**
 * Routing by host first, the way Envoy-based Gateway API implementations (kgateway, Envoy
 * Gateway) build virtual hosts: every hostname a route names is a virtual host holding the
 * routes that name it; routes without hostnames form the "any host" one. A request goes to the
 * most specific virtual host its Host matches (the exact name, else the longest matching
 * wildcard, else "any host") and only that one's routes are matched, by the usual precedence.
 * So a Host with a virtual host of its own never falls back to the catch-all routes
 * (gateway-api conformance `httproute-matching-across-routes`), and a Host that matches no
 * virtual host, when there is no "any host" one, gets the 404.
 */
import { compareHostnameSpecificity, hostnameMatches, isWildcard, requestHostname } from './hostnames.ts';
import type { RouteDefinition, RouteDescription, Router } from './router.ts';

type PathRouterFactory = <T>(routes: readonly RouteDefinition<T>[]) => Router<T>;

export function createHostRouter<T>(routes: readonly RouteDefinition<T>[], createPathRouter: PathRouterFactory): Router<T> {
  // Keep each route's index: it is the precedence tie-break, and the tables report it.
  const byHost = new Map<string, RouteDefinition<T>[]>();
  const anyHost: RouteDefinition<T>[] = [];
  for (const route of routes) {
    const hostnames = route.hostnames ?? [];
    if (hostnames.length === 0) anyHost.push(route);
    for (const hostname of new Set(hostnames)) {
      const list = byHost.get(hostname);
      if (list) list.push(route);
      else byHost.set(hostname, [route]);
    }
  }
  const keys = [...byHost.keys()].sort(compareHostnameSpecificity);
  const exact = new Map<string, Router<T>>();
  const wildcards: Array<{ hostname: string; router: Router<T> }> = [];
  for (const hostname of keys) {
    const router = createPathRouter(byHost.get(hostname) ?? []);
    if (isWildcard(hostname)) wildcards.push({ hostname, router });
    else exact.set(hostname, router);
  }
  const fallback = anyHost.length > 0 ? createPathRouter(anyHost) : undefined;
  const indexOf = new Map(routes.map((route, index) => [route, index]));

  function virtualHost(host: string): Router<T> | undefined {
    const named = exact.get(host);
    if (named) return named;
    for (const wildcard of wildcards) if (hostnameMatches(wildcard.hostname, host)) return wildcard.router;
    return fallback;
  }

  return {
    size: routes.length,
    match(method, url, headers) {
      return virtualHost(requestHostname(url))?.match(method, url, headers);
    },
    describe() {
      const rows: RouteDescription<T>[] = [];
      const add = (router: Router<T>, group: readonly RouteDefinition<T>[], hostname: string | undefined) => {
        for (const row of router.describe()) {
          const route = group[row.routeIndex] as RouteDefinition<T>;
          rows.push({ ...row, order: rows.length + 1, routeIndex: indexOf.get(route) ?? row.routeIndex, hostname });
        }
      };
      for (const hostname of keys) {
        const router = isWildcard(hostname) ? wildcards.find((w) => w.hostname === hostname)?.router : exact.get(hostname);
        if (router) add(router, byHost.get(hostname) ?? [], hostname);
      }
      if (fallback) add(fallback, anyHost, undefined);
      return rows;
    },
  };
}
