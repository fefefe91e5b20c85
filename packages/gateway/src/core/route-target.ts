/**
 * What a matched route does: pick one of its backends by weight, then either
 * answer a RequestRedirect itself or invoke the function. The route's CORS
 * policy (cors.ts) wraps both.
 */
import type { BackendDescriptor, BackendDescriptorInput } from '../descriptor/index.ts';
import { ConfigError, GatewayError, errorResponse } from '../errors/index.ts';
import type { RouteMatchResult } from '../routing/index.ts';
import type { BoundBackend } from './bound-backend.ts';
import type { CompiledCors } from './cors.ts';
import { answerPreflight, corsOf, isPreflight, withCors } from './cors-route.ts';
import { handleLambdaRequest } from './handle-lambda-request.ts';
import type { Platform } from './platform.ts';
import { describeRedirect, redirectResponse, type RequestRedirect } from './redirect.ts';
import { requestIdFor } from './request-id.ts';
import { bindMirror, type BoundMirror, type MirrorSpec } from './request-mirror.ts';
import type { RouteRetryPolicy } from './route-retry.ts';
import { applyResponseFilters, type RouteFilter } from './route-filters.ts';
import { weightedPicker, type RandomSource } from './weighted-pick.ts';

/** One backend of a weighted split (HTTPRoute backendRefs, Gloo `multi`). */
export interface WeightedBackendSpec {
  /** The function; absent only with `unresolved`. */
  backend?: BackendDescriptorInput | BackendDescriptor;
  /**
   * Why this reference resolves to no function (unknown kind, not found, not permitted by a
   * ReferenceGrant, a rule without backendRefs): its share of the requests is answered 500,
   * as the Gateway API requires of an invalid backendRef.
   */
  unresolved?: string;
  /** Backend name for logs and the route table. */
  backendName?: string;
  /** Share of the traffic: weight / sum of weights. 0: never chosen. */
  weight: number;
  /** Filters of this backendRef only, applied after the route's own. */
  filters?: readonly RouteFilter[];
  /** Mirrors of this backendRef only (a RequestMirror filter on it), started with the route's own. */
  mirrors?: readonly MirrorSpec[];
}

/** A backend choice, ready to serve. `backend` is undefined for a rule-level redirect. */
export interface BackendChoice {
  backend: BoundBackend | undefined;
  weight: number;
  /** The route's filters followed by the choice's own. */
  filters: readonly RouteFilter[];
  redirect: RequestRedirect | undefined;
  /** The CORS policy of this choice's answers (its own CORS filter, else the route's). */
  cors: CompiledCors | undefined;
  /** WeightedBackendSpec.unresolved: answered 500. */
  unresolved?: string;
  /** The route's mirrors followed by the choice's own; absent when none. */
  mirrors?: readonly BoundMirror[];
  /** The route's retry policy. */
  retry?: RouteRetryPolicy;
}

export interface RouteTarget {
  choices: readonly BackendChoice[];
  /** The route's own CORS policy: answers preflights before any backend is picked. */
  cors: CompiledCors | undefined;
  pick: () => BackendChoice | undefined;
}

/** The shape of a GatewayRouteSpec this module reads (kept structural to avoid an import cycle). */
interface TargetSpec {
  backend?: BackendDescriptorInput | BackendDescriptor;
  backendName?: string;
  backends?: readonly WeightedBackendSpec[];
  filters?: readonly RouteFilter[];
  mirrors?: readonly MirrorSpec[];
  retry?: RouteRetryPolicy;
}

type Bind = (name: string, descriptor: BackendDescriptorInput | BackendDescriptor, at: string) => BoundBackend;

/** Binds the route's backends (`backends`, else `backend`, else none for a redirect-only route). */
export function bindRouteTarget(spec: TargetSpec, name: string, at: string, bind: Bind, random: RandomSource): RouteTarget {
  const routeFilters = spec.filters ?? [];
  const routeCors = corsOf(routeFilters);
  const bindMirrors = (specs: readonly MirrorSpec[] | undefined, where: string) =>
    (specs ?? []).map((mirror, index) =>
      bindMirror(bind(mirror.backendName ?? `${name} ${where}[${index}]`, mirror.backend, `${at}.${where}[${index}].backend`), mirror.percent, random),
    );
  const routeMirrors = bindMirrors(spec.mirrors, 'mirrors');
  const choice = (backend: BoundBackend | undefined, weight: number, own: readonly RouteFilter[] = [], ownMirrors: BoundMirror[] = []): BackendChoice => {
    const filters = own.length === 0 ? routeFilters : [...routeFilters, ...own];
    const out: BackendChoice = { backend, weight, filters, redirect: redirectOf(filters), cors: corsOf(own) ?? routeCors };
    const mirrors = [...routeMirrors, ...ownMirrors];
    if (mirrors.length > 0) out.mirrors = mirrors;
    if (spec.retry !== undefined) out.retry = spec.retry;
    return out;
  };
  let choices: BackendChoice[];
  if (spec.backends !== undefined) {
    if (spec.backends.length === 0) throw new ConfigError([`${at}.backends: must list at least one backend`]);
    choices = spec.backends.map((entry, index) => {
      const backendName = entry.backendName ?? `${name} backends[${index}]`;
      const where = entry.backendName ? `backends.${backendName}` : `${at}.backends[${index}].backend`;
      if (entry.backend === undefined) {
        if (entry.unresolved === undefined) throw new ConfigError([`${where}: needs a backend`]);
        return { ...choice(undefined, entry.weight, entry.filters), unresolved: entry.unresolved };
      }
      return choice(bind(backendName, entry.backend, where), entry.weight, entry.filters, bindMirrors(entry.mirrors, `backends[${index}].mirrors`));
    });
  } else if (spec.backend !== undefined) {
    const backendName = spec.backendName ?? name;
    choices = [choice(bind(backendName, spec.backend, spec.backendName ? `backends.${backendName}` : `${at}.backend`), 1)];
  } else if (redirectOf(routeFilters)) {
    choices = [choice(undefined, 1)];
  } else {
    throw new ConfigError([`${at}: needs a backend, backends or a RequestRedirect filter`]);
  }
  return {
    choices,
    cors: routeCors,
    pick: weightedPicker(
      choices.map((value) => ({ weight: value.weight, value })),
      random,
    ),
  };
}

function redirectOf(filters: readonly RouteFilter[]): RequestRedirect | undefined {
  for (const filter of filters) if (filter.type === 'RequestRedirect') return filter.requestRedirect;
  return undefined;
}

/**
 * Serves a matched request: a preflight is answered by the route's CORS policy; otherwise
 * weighted pick, then a redirect or the Lambda invocation, with the CORS headers added to
 * whatever comes back (the gateway's own errors included).
 */
export function serveRouteTarget(
  request: Request,
  url: URL,
  env: unknown,
  matched: RouteMatchResult<RouteTarget>,
  platform: Platform,
  headersAsReceived = false,
): Response | Promise<Response> {
  const target = matched.target;
  if (target.cors !== undefined && isPreflight(request)) return answerPreflight(target.cors, request, matched.routeName, platform);
  const choice = target.pick();
  return withCors(choice?.cors ?? target.cors, request, serveChoice(request, url, env, matched, choice, platform, headersAsReceived));
}

function serveChoice(
  request: Request,
  url: URL,
  env: unknown,
  matched: RouteMatchResult<RouteTarget>,
  choice: BackendChoice | undefined,
  platform: Platform,
  headersAsReceived: boolean,
): Response | Promise<Response> {
  if (choice === undefined) {
    const requestId = requestIdFor(request.headers);
    platform.logger.error('request failed', {
      requestId,
      method: request.method,
      route: matched.routeName,
      error: 'BackendMisconfigured',
      detail: 'every backend has weight 0',
    });
    return errorResponse(new GatewayError(500, 'BackendMisconfigured', 'every backend of the route has weight 0'), requestId);
  }
  if (choice.unresolved !== undefined) return unresolvedResponse(request, matched.routeName, choice, platform);
  if (choice.redirect !== undefined || choice.backend === undefined) {
    const requestId = requestIdFor(request.headers);
    const response = applyResponseFilters(choice.filters, redirectResponse(url, choice.redirect!, matched.match, requestId));
    platform.logger.info('request', {
      requestId,
      method: request.method,
      path: url.pathname,
      status: response.status,
      route: matched.routeName,
      redirect: response.headers.get('location'),
    });
    return response;
  }
  const route = {
    routeName: matched.routeName,
    pathParameters: matched.pathParameters,
    routeKey: matched.routeKey,
    resource: matched.resource,
    match: matched.match,
    filters: choice.filters,
    url,
    ...(choice.mirrors === undefined ? {} : { mirrors: choice.mirrors }),
    ...(choice.retry === undefined ? {} : { retry: choice.retry }),
    headersAsReceived,
  };
  // The one place this request meets its adapter: everything after reads the context.
  return handleLambdaRequest(request, platform.requestContext(request, env), choice.backend, route, platform);
}

/** Gateway API: a request to an invalid backendRef is answered 500 (the response filters still apply). */
function unresolvedResponse(request: Request, routeName: string, choice: BackendChoice, platform: Platform): Response {
  const requestId = requestIdFor(request.headers);
  platform.logger.error('request failed', { requestId, method: request.method, route: routeName, error: 'BackendMisconfigured', detail: choice.unresolved });
  const error = new GatewayError(500, 'BackendMisconfigured', 'the backend of this route is not resolved (see the gateway configuration warnings)');
  return applyResponseFilters(choice.filters, errorResponse(error, requestId));
}

/** The route table's view of a target: the backend columns, weights and redirect. */
export function describeTarget(target: RouteTarget): {
  primary: BoundBackend | undefined;
  weights?: Array<{ backend: string; weight: number }>;
  redirect?: string;
  filters: string[];
} {
  const first = target.choices[0]!;
  const filters = first.filters.map((filter) => filter.type as string);
  // Mirrors and retries are route options, not filters, but `check` shows them in the same column.
  for (const mirror of first.mirrors ?? []) filters.push(`RequestMirror ${mirror.backend.name}${mirror.percent < 100 ? ` ${mirror.percent}%` : ''}`);
  if (first.retry !== undefined) filters.push(`retry ${first.retry.attempts}×${first.retry.codes.length > 0 ? ` on ${first.retry.codes.join(',')}` : ''}`);
  const out: ReturnType<typeof describeTarget> = { primary: first.backend, filters };
  if (target.choices.length > 1 || first.unresolved !== undefined)
    out.weights = target.choices.map((choice) => ({ backend: choice.backend?.name ?? (choice.unresolved ? 'unresolved (500)' : '-'), weight: choice.weight }));
  const redirects = target.choices.flatMap((choice) => (choice.redirect ? [describeRedirect(choice.redirect)] : []));
  if (redirects.length > 0) out.redirect = [...new Set(redirects)].join(', ');
  return out;
}
