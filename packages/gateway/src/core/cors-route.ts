/**
 * Where CORS meets routing: which policy a route (or a backend of a split) carries, how a
 * preflight finds its route, and the virtual host policy for the gateway's 404.
 */
import { createRouter, type RouteMatchResult, type Router } from '../routing/index.ts';
import { compileCors, isPreflight, preflightResponse, withCorsHeaders, type CompiledCors, type CorsPolicy } from './cors.ts';
import type { Platform } from './platform.ts';
import { requestIdFor } from './request-id.ts';
import type { RouteFilter } from './route-filters.ts';

/** The last CORS filter of a filter list, compiled (a backendRef's own comes after the rule's). */
export function corsOf(filters: readonly RouteFilter[]): CompiledCors | undefined {
  let policy: CorsPolicy | undefined;
  for (const filter of filters) if (filter.type === 'CORS') policy = filter.cors;
  return policy === undefined ? undefined : compileCors(policy);
}

/**
 * Matches a request to a route. A preflight is an OPTIONS request, but it asks about the
 * method it announces: when no route takes OPTIONS, the route that takes the announced
 * method (and has a CORS policy) answers it, so `method: PUT` matches keep working.
 */
export function matchWithPreflight<T extends { cors: CompiledCors | undefined }>(
  router: Router<T>,
  request: Request,
  url: URL,
): RouteMatchResult<T> | undefined {
  const matched = router.match(request.method, url, request.headers);
  if (matched || !isPreflight(request)) return matched;
  const announced = router.match(request.headers.get('access-control-request-method') ?? '', url, request.headers);
  return announced?.target.cors ? announced : undefined;
}

/** Answers a preflight for `routeName` and logs it (the function is not invoked). */
export function answerPreflight(cors: CompiledCors, request: Request, routeName: string | undefined, platform: Platform): Response {
  const requestId = requestIdFor(request.headers);
  const response = preflightResponse(cors, request, requestId);
  platform.logger.info('request', {
    requestId,
    method: request.method,
    path: new URL(request.url).pathname,
    status: response.status,
    ...(routeName === undefined ? {} : { route: routeName }),
    preflight: true,
  });
  return response;
}

/** `response` (or its promise) with the CORS headers of `cors`, if any. */
export function withCors(cors: CompiledCors | undefined, request: Request, response: Response | Promise<Response>): Response | Promise<Response> {
  if (cors === undefined) return response;
  return response instanceof Promise ? response.then((value) => withCorsHeaders(cors, request, value)) : withCorsHeaders(cors, request, response);
}

/**
 * The virtual host policies (Gloo `virtualHost.options.cors`) by host, chosen the way the
 * router chooses a virtual host, for requests no route matches: the 404 (and a preflight to a
 * path without a route) still carries the virtual host's CORS headers. Undefined when no route
 * has one.
 */
export function virtualHostCorsLookup(
  routes: ReadonlyArray<{ name: string; hostnames?: readonly string[] | undefined; virtualHostCors?: CorsPolicy | undefined }>,
): ((request: Request, url: URL) => CompiledCors | undefined) | undefined {
  if (!routes.some((route) => route.virtualHostCors !== undefined)) return undefined;
  const compiled = new Map<CorsPolicy, CompiledCors>();
  const router = createRouter(
    routes.map((route) => {
      const policy = route.virtualHostCors;
      if (policy !== undefined && !compiled.has(policy)) compiled.set(policy, compileCors(policy));
      return { name: route.name, matches: [], hostnames: route.hostnames, target: policy === undefined ? undefined : compiled.get(policy) };
    }),
  );
  return (request, url) => router.match('GET', url, request.headers)?.target;
}

export { isPreflight };
