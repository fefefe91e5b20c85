/**
 * CORS answered by the gateway (Gateway API `HTTPCORSFilter`, Gloo Edge `CorsPolicy`, native
 * `cors:`): a preflight (OPTIONS with Origin and Access-Control-Request-Method) is answered here
 * without invoking the function, and every other answer of the route, the function's and the
 * gateway's own errors alike, gets the Access-Control-* headers for an allowed Origin, so a
 * browser can read a 413 or a 503 too. Like Envoy's CORS filter, an allowed Origin is echoed
 * (never `*`), which is right with and without credentials.
 */
import { compileAnchored, type Re2 } from '../routing/regex.ts';
import { GatewayError, errorResponse } from '../errors/index.ts';

export interface CorsPolicy {
  /** Exact origins (`https://www.foo.com`), `*` (any), or a host wildcard (`https://*.bar.com`: one or more labels). */
  allowOrigins?: readonly string[];
  /** RE2 patterns an origin must match whole (Gloo `allowOriginRegex`). */
  allowOriginRegex?: readonly string[];
  /** Methods for Access-Control-Allow-Methods; `*`: the requested method is echoed. */
  allowMethods?: readonly string[];
  /** Headers for Access-Control-Allow-Headers; `*`: the requested headers are echoed. */
  allowHeaders?: readonly string[];
  exposeHeaders?: readonly string[];
  /** Seconds a browser may cache the preflight (Access-Control-Max-Age); absent: no header. */
  maxAge?: number;
  /** Access-Control-Allow-Credentials: true. */
  allowCredentials?: boolean;
}

/** A policy with its origin matchers compiled once. */
export interface CompiledCors {
  policy: CorsPolicy;
  allows(origin: string): boolean;
}

export function compileCors(policy: CorsPolicy): CompiledCors {
  const patterns = (policy.allowOrigins ?? []).map(originMatcher);
  const regexes: Re2[] = (policy.allowOriginRegex ?? []).map((source) => compileAnchored(source));
  return {
    policy,
    allows(origin) {
      return patterns.some((matches) => matches(origin)) || regexes.some((regex) => regex.matcher(origin).matches());
    },
  };
}

/** OPTIONS with Origin and Access-Control-Request-Method (the Fetch standard's CORS-preflight request). */
export function isPreflight(request: Request): boolean {
  return request.method === 'OPTIONS' && request.headers.has('origin') && request.headers.has('access-control-request-method');
}

/**
 * The gateway's answer to a preflight: 200 with the policy's headers for an allowed Origin,
 * 403 JSON (no Access-Control-Allow-Origin, so the browser refuses) otherwise.
 */
export function preflightResponse(cors: CompiledCors, request: Request, requestId: string): Response {
  const origin = request.headers.get('origin') ?? '';
  if (!cors.allows(origin)) {
    const refused = errorResponse(new GatewayError(403, 'CorsOriginNotAllowed', "the origin is not allowed by the route's CORS policy"), requestId);
    refused.headers.append('vary', 'Origin');
    return refused;
  }
  const { policy } = cors;
  const headers = new Headers({ 'x-request-id': requestId, 'content-length': '0' });
  setOriginHeaders(headers, policy, origin);
  const methods = policy.allowMethods ?? [];
  const requestedMethod = request.headers.get('access-control-request-method') ?? '';
  if (methods.includes('*')) headers.set('access-control-allow-methods', requestedMethod);
  else if (methods.length > 0) headers.set('access-control-allow-methods', methods.join(', '));
  const allowHeaders = policy.allowHeaders ?? [];
  const requestedHeaders = request.headers.get('access-control-request-headers');
  if (allowHeaders.includes('*')) {
    if (requestedHeaders) headers.set('access-control-allow-headers', requestedHeaders);
  } else if (allowHeaders.length > 0) {
    headers.set('access-control-allow-headers', allowHeaders.join(', '));
  }
  if (policy.maxAge !== undefined) headers.set('access-control-max-age', String(policy.maxAge));
  headers.set('vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
  return new Response(null, { status: 200, headers });
}

/**
 * The route's answer with the CORS headers for the request's Origin (when allowed) and
 * `Vary: Origin` (always: the answer depends on it). The policy's headers replace any the
 * function set, as Envoy's filter does.
 */
export function withCorsHeaders(cors: CompiledCors, request: Request, response: Response): Response {
  const origin = request.headers.get('origin');
  const headers = new Headers(response.headers);
  if (origin !== null && cors.allows(origin)) setOriginHeaders(headers, cors.policy, origin);
  appendVary(headers, 'Origin');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function setOriginHeaders(headers: Headers, policy: CorsPolicy, origin: string): void {
  headers.set('access-control-allow-origin', origin);
  if (policy.allowCredentials) headers.set('access-control-allow-credentials', 'true');
  if ((policy.exposeHeaders ?? []).length > 0) headers.set('access-control-expose-headers', policy.exposeHeaders!.join(', '));
}

function appendVary(headers: Headers, name: string): void {
  const current = headers.get('vary');
  if (current === null) headers.set('vary', name);
  else if (!current.split(',').some((part) => part.trim().toLowerCase() === name.toLowerCase() || part.trim() === '*'))
    headers.set('vary', `${current}, ${name}`);
}

/**
 * One `allowOrigins` entry as a predicate: `*` matches any origin; otherwise scheme, host and
 * port must be equal (case-insensitive), where a host `*.suffix` matches one or more labels
 * before the suffix (Gateway API: `https://*.bar.com` allows `https://xpto.www.bar.com`).
 */
function originMatcher(pattern: string): (origin: string) => boolean {
  if (pattern === '*') return () => true;
  const wanted = splitOrigin(pattern);
  if (wanted === undefined) return () => false;
  const wildcard = wanted.host.startsWith('*.') ? wanted.host.slice(1) : undefined;
  return (origin) => {
    const got = splitOrigin(origin);
    if (got === undefined || got.scheme !== wanted.scheme || got.port !== wanted.port) return false;
    if (wildcard === undefined) return got.host === wanted.host;
    return got.host.length > wildcard.length && got.host.endsWith(wildcard);
  };
}

/** `scheme://host[:port]`, lower-cased; undefined for anything else (e.g. the `null` origin). */
function splitOrigin(origin: string): { scheme: string; host: string; port: string } | undefined {
  const found = /^([a-z][a-z0-9+.-]*):\/\/(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?\/?$/i.exec(origin);
  if (!found) return undefined;
  return { scheme: found[1]!.toLowerCase(), host: found[2]!.toLowerCase(), port: found[3] ?? '' };
}
