import { Hono } from 'hono';
import type { BackendDescriptor, BackendDescriptorInput } from '../descriptor/index.ts';
import { GatewayError, errorResponse } from '../errors/index.ts';
import { createRouter, type HttpRouteMatch } from '../routing/index.ts';
import { bindBackend, type BoundBackend } from './bound-backend.ts';
import type { CorsPolicy } from './cors.ts';
import { answerPreflight, isPreflight, matchWithPreflight, virtualHostCorsLookup, withCors } from './cors-route.ts';
import { registerHealthRoutes, type HealthPaths } from './health.ts';
import type { ReadinessState } from './readiness.ts';
import { requestIdFor } from './request-id.ts';
import { recordUnrouted } from './unrouted.ts';
import { sharedDefaultPlatform } from './default-platform.ts';
import type { Platform } from './platform.ts';
import type { RouteFilter } from './route-filters.ts';
import type { MirrorSpec } from './request-mirror.ts';
import type { RouteRetryPolicy } from './route-retry.ts';
import { bindRouteTarget, describeTarget, serveRouteTarget, type WeightedBackendSpec } from './route-target.ts';
import type { RandomSource } from './weighted-pick.ts';

/** One route: Gateway API matches and the Lambda backend they lead to. */
export interface GatewayRouteSpec {
  /** Shown in logs and the route table; defaults to `route-<index>`. */
  name?: string;
  /** HTTPRoute matches (ORed). Empty or absent: everything (`PathPrefix /`). */
  matches?: HttpRouteMatch[];
  /** Hostnames (exact or `*.` wildcard) the route answers for. Empty or absent: any host. */
  hostnames?: readonly string[];
  /**
   * The backend descriptor (validated here with the same schema as config files). Required
   * unless `backends` is given or a RequestRedirect filter answers the route.
   */
  backend?: BackendDescriptorInput | BackendDescriptor;
  /** A weighted split across backends (canary between aliases); replaces `backend`. */
  backends?: readonly WeightedBackendSpec[];
  /** Backend name for logs (config files pass `backends.<name>`'s key). */
  backendName?: string;
  /** Gateway API filters applied in order (HTTPRoute manifests: header modifiers, URL rewrites). */
  filters?: readonly RouteFilter[];
  /**
   * The CORS policy of the route's virtual host (Gloo `virtualHost.options.cors`): applied to
   * the 404 of a request to that host that no route matches. The route's own policy is its CORS filter.
   */
  virtualHostCors?: CorsPolicy;
  /** RequestMirror: backends that also get each request, fire-and-forget (core/request-mirror.ts). */
  mirrors?: readonly MirrorSpec[];
  /** HTTPRoute `retry` (core/route-retry.ts). */
  retry?: RouteRetryPolicy;
}

export interface CreateGatewayOptions {
  routes: GatewayRouteSpec[];
  /** Environment, transport, credentials, logs. Default: createDefaultPlatform() (process env, `fetch`, environment keys). */
  platform?: Platform;
  /** Error bodies with details for every backend (`--expose-error-details`, for development). Default: per backend `exposeErrorDetails`. */
  exposeErrorDetails?: boolean | undefined;
  /** What the traffic port's `/readyz` reports (`serve` passes its own); absent: ready once compiled. */
  readiness?: ReadinessState | undefined;
  /** Where the traffic port answers `/healthz` and `/readyz` (`false`: not at all, the path goes to the routes). */
  healthPaths?: HealthPaths | undefined;
  /** Random source for weighted backends, in [0, 1). Default `Math.random`; tests seed one. */
  random?: RandomSource;
  /** Bound backends by name, shared by gateways compiled from one config (one per listener): each backend is bound once. */
  backendPool?: Map<string, BoundBackend>;
}

/** A row of the resolved route table (for `check` and start-up logs). */
export interface RouteTableRow {
  route: string;
  match: HttpRouteMatch;
  backend: string;
  functionId: string;
  qualifier: string | undefined;
  invocationMode: 'Sync' | 'Async' | 'ResponseStream';
  payloadMode: string;
  auth: string;
  /** Filter types applied on this route, in order (empty when none). */
  filters: string[];
  /** The hostname (virtual host) this row answers for; undefined: any host. */
  hostname?: string | undefined;
  /** Weighted split: every backend with its weight (the columns above show the first). */
  weights?: Array<{ backend: string; weight: number }>;
  /** The redirect the gateway answers with, e.g. `301 https://{host}{path}`. */
  redirect?: string;
}

export interface CompiledGateway {
  app: Hono;
  /**
   * The same answers as `app.fetch` without Hono's per-request dispatch (its Context, router
   * match and promise chain) in front of the one catch-all route; `serve` and the worker entry use it. HEAD is
   * answered as Hono answers it, the probes by the app itself.
   */
  fetch(request: Request, env?: unknown): Response | Promise<Response>;
  backends: BoundBackend[];
  /** Routes in precedence order. */
  table: RouteTableRow[];
}

/**
 * Builds the gateway: validates and binds every backend, orders the routes by
 * Gateway API precedence and returns a Hono app with `/healthz`, `/readyz` and
 * a catch-all that dispatches to the matching Lambda route (404 JSON otherwise).
 * The CLI, the worker entry and programmatic users all come through here.
 */
export function compileGateway(options: CreateGatewayOptions): CompiledGateway {
  const platform = options.platform ?? sharedDefaultPlatform();
  const backendsByName = options.backendPool ?? new Map<string, BoundBackend>();
  const routes = options.routes.map((spec, index) => {
    const name = spec.name ?? `route-${index}`;
    const bind = (backendName: string, descriptor: BackendDescriptorInput | BackendDescriptor, at: string) => {
      let backend = backendsByName.get(backendName);
      if (!backend) {
        backend = bindBackend(backendName, descriptor, platform, at, { exposeErrorDetails: options.exposeErrorDetails });
        backendsByName.set(backendName, backend);
      }
      return backend;
    };
    const target = bindRouteTarget(spec, name, `routes[${index}]`, bind, options.random ?? Math.random);
    return { name, matches: spec.matches ?? [], hostnames: spec.hostnames, target, virtualHostCors: spec.virtualHostCors };
  });
  const router = createRouter(routes);
  const virtualHostCors = virtualHostCorsLookup(routes);

  const serve = (request: Request, env: unknown, headersAsReceived = false): Response | Promise<Response> => {
    const url = new URL(request.url);
    const matched = matchWithPreflight(router, request, url);
    if (!matched) {
      const requestId = requestIdFor(request.headers);
      const cors = virtualHostCors?.(request, url);
      if (cors !== undefined && isPreflight(request)) return answerPreflight(cors, request, undefined, platform);
      recordUnrouted(platform, { requestId, method: request.method, path: url.pathname, status: 404, error: 'RouteNotFound' });
      return withCors(
        cors,
        request,
        errorResponse(new GatewayError(404, 'RouteNotFound', `no route matches ${request.method} ${url.pathname}`), requestId, {
          exposeDetails: options.exposeErrorDetails === true,
        }),
      );
    }
    platform.logger.debug('route matched', { method: request.method, path: url.pathname, route: matched.routeName });
    return serveRouteTarget(request, url, env, matched, platform, headersAsReceived);
  };
  const unhandled = (error: unknown, request: Request): Response => {
    platform.logger.error('unhandled error', { error: error instanceof Error ? error.message : String(error) });
    return errorResponse(new GatewayError(500, 'InternalError', 'internal error'), requestIdFor(request.headers));
  };

  const app = new Hono();
  const healthPaths = registerHealthRoutes(app, () => [...backendsByName.values()], options.readiness, options.healthPaths);
  app.all('*', (c) => serve(c.req.raw, c.env));
  app.onError((error, c) => unhandled(error, c.req.raw));
  const respond = (request: Request, env: unknown, headersAsReceived: boolean): Response | Promise<Response> => {
    // The probes (and any path Hono would decode first) keep going through the app's own routes.
    if (healthPaths.mayMatch(request.url)) return app.fetch(request, env);
    try {
      const answer = serve(request, env, headersAsReceived);
      // HEAD as Hono answers it: the GET answer's status and headers, no body.
      const headless = request.method === 'HEAD';
      // One `then` for both outcomes: a promise per request, not two.
      if (answer instanceof Promise) return answer.then(headless ? withoutBody : undefined, (error: unknown) => unhandled(error, request));
      return headless ? withoutBody(answer) : answer;
    } catch (error) {
      return unhandled(error, request);
    }
  };

  const fetch = (request: Request, env?: unknown) => respond(request, env, false);

  const table = router.describe().map(({ routeName, match, hostname, target }): RouteTableRow => {
    const { primary: backend, filters, weights, redirect } = describeTarget(target);
    return {
      ...(hostname === undefined ? {} : { hostname }),
      route: routeName,
      match,
      backend: backend?.name ?? '-',
      functionId: backend?.resolved.functionId ?? '-',
      qualifier: backend?.resolved.qualifier,
      invocationMode: backend?.descriptor.invocationMode ?? 'Sync',
      payloadMode: backend?.descriptor.payloadMode ?? '-',
      auth: backend ? describeAuth(backend) : '-',
      filters,
      ...(weights ? { weights } : {}),
      ...(redirect ? { redirect } : {}),
    };
  });
  const compiled: CompiledGateway = { app, fetch, backends: [...backendsByName.values()], table };
  serverFetches.set(compiled, (request, env) => respond(request, env, true));
  return compiled;
}

type GatewayFetch = (request: Request, env: unknown) => Response | Promise<Response>;
const serverFetches = new WeakMap<CompiledGateway, GatewayFetch>();

/**
 * The gateway's `fetch` for a server that hands it each request exactly as it parsed it (`serve`
 * on Node): the codecs may then read the client's header lines without first rebuilding the
 * Fetch `Headers` view of them (PipelineInbound, unfilteredRawPairs). Not for requests that
 * anything may have changed on the way (a user's middleware, `gateway.fetch` with a Request of
 * one's own): those go through `fetch`, which reconciles the lines with the request's headers.
 */
export function serverFetchOf(gateway: CompiledGateway): GatewayFetch {
  return serverFetches.get(gateway) ?? gateway.fetch;
}

/** A HEAD answer: the status and headers of the GET answer. */
function withoutBody(response: Response): Response {
  return new Response(null, response);
}

/** Builds the gateway's Hono app from a route list. See compileGateway. */
export function createGateway(options: CreateGatewayOptions): Hono {
  return compileGateway(options).app;
}

function describeAuth(backend: BoundBackend): string {
  const auth = backend.descriptor.auth;
  switch (auth.type) {
    case 'ambient':
      return 'ambient';
    case 'secret':
      return `secret ${auth.name}`;
    case 'assumeRole':
      return `assumeRole ${auth.roleArn}`;
  }
}
