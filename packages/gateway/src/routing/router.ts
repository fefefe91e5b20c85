/**
 * The request router: Gateway API `HTTPRouteMatch` semantics over a route list
 * sorted once by precedence (see precedence.ts). Used for native config routes,
 * HTTPRoute manifests and programmatic routes alike.
 */
import type { Matcher } from 're2js';
import * as v from 'valibot';
import { ConfigError } from '../errors/index.ts';
import { compileMatch, type CompiledMatch } from './compile.ts';
import { createHostRouter } from './host-router.ts';
import { formatIssuePath } from './issues.ts';
import { comparePrecedence } from './precedence.ts';
import { HttpRouteMatchSchema, type HttpRouteMatch, type HttpRouteMatchInput } from './schema.ts';

export interface RouteDefinition<T> {
  /** Shown in logs and `describe()`; should be unique. */
  name: string;
  /**
   * ORed matches. Empty means one `PathPrefix /` match (everything). Raw input
   * is accepted: `createRouter` validates it and applies defaults.
   */
  matches: readonly (HttpRouteMatch | HttpRouteMatchInput)[];
  /**
   * Hostnames (exact or `*.` wildcard) the route answers for; absent or empty: any host. See
   * host-router.ts for how a request picks among routes with different hostnames.
   */
  hostnames?: readonly string[] | undefined;
  target: T;
}

export interface RouteMatchResult<T> {
  target: T;
  routeName: string;
  /** The match (defaults applied) that selected this route. */
  match: HttpRouteMatch;
  /**
   * RegularExpression: the named groups that took part in the match.
   * PathPrefix: `{ proxy }`, the rest of the path after the prefix and its `/`,
   * when non-empty. Otherwise undefined. Values are raw (percent-encoded as received).
   */
  pathParameters: Record<string, string> | undefined;
  /** `${method ?? 'ANY'} ${resource}`, e.g. `GET /items` or `ANY /echo/{proxy+}`. */
  routeKey: string;
  /** `/items` (Exact), `/echo/{proxy+}` (PathPrefix), or the pattern (RegularExpression). */
  resource: string;
}

export interface RouteDescription<T> {
  /** 1-based position in precedence order: 1 is tried first. */
  order: number;
  routeName: string;
  routeIndex: number;
  matchIndex: number;
  match: HttpRouteMatch;
  routeKey: string;
  resource: string;
  /** The virtual host this row belongs to (an exact or wildcard hostname); undefined: any host. */
  hostname?: string | undefined;
  target: T;
}

export interface Router<T> {
  /** The highest-precedence match for the request, or undefined (a 404). */
  match(method: string, url: URL, headers: Headers): RouteMatchResult<T> | undefined;
  /** Number of routes (not matches) the router was built from. */
  readonly size: number;
  /** Every match in the order `match()` tries them, for a `check` command or start-up log. */
  describe(): RouteDescription<T>[];
}

const CATCH_ALL: HttpRouteMatchInput = {};

function parseMatch(routeName: string, input: unknown, index: number): HttpRouteMatch {
  const result = v.safeParse(HttpRouteMatchSchema, input);
  if (result.success) return result.output;
  throw new ConfigError(
    result.issues.map((issue) => {
      const path = formatIssuePath(issue);
      return `route "${routeName}": matches[${index}]${path === '' ? '' : `.${path}`}: ${issue.message}`;
    }),
  );
}

/**
 * Builds a router. Matches within a route are ORed; the conditions of one match
 * are ANDed. Precedence across all routes follows the Gateway API spec, with
 * RegularExpression paths placed after Exact and before PathPrefix (kgateway's
 * order; see precedence.ts). Ties go to the earlier route, then the earlier match.
 *
 * Matching: Exact compares `url.pathname` as received (no decoding or
 * normalization); PathPrefix is segment-aware (`/echo` matches `/echo`, `/echo/`
 * and `/echo/x`, not `/echoes`) and ignores a trailing `/` in the prefix; a
 * RegularExpression (RE2 syntax, linear-time matching) must match the whole path. Header
 * names are case-insensitive, values are compared with the comma-joined value
 * `Headers.get` returns. Query param names are case-sensitive and a repeated
 * param is matched by its first (form-decoded) value, as the spec recommends.
 * Header/query regexes must match the whole value, like Envoy's `safe_regex`.
 *
 * Every match is validated with `HttpRouteMatchSchema` here, so a bad match
 * passed from code fails at start-up with a ConfigError naming the route and field.
 */
export function createRouter<T>(routes: readonly RouteDefinition<T>[]): Router<T> {
  if (routes.some((route) => (route.hostnames?.length ?? 0) > 0)) return createHostRouter(routes, createPathRouter);
  return createPathRouter(routes);
}

/** The router for routes that all answer for the same hosts: path, method, header and query matching. */
function createPathRouter<T>(routes: readonly RouteDefinition<T>[]): Router<T> {
  const entries: CompiledMatch<T>[] = [];
  routes.forEach((route, routeIndex) => {
    if (typeof route.name !== 'string' || route.name === '') {
      throw new ConfigError([`routes[${routeIndex}].name: must be a non-empty string`]);
    }
    const inputs = route.matches.length === 0 ? [CATCH_ALL] : route.matches;
    inputs.forEach((input, matchIndex) => {
      entries.push(compileMatch(route, routeIndex, parseMatch(route.name, input, matchIndex), matchIndex));
    });
  });
  entries.sort(comparePrecedence);

  // Exact matches outrank everything else, so one map lookup replaces scanning them.
  const exactByPath = new Map<string, CompiledMatch<T>[]>();
  const others: CompiledMatch<T>[] = [];
  for (const entry of entries) {
    if (entry.path.kind !== 'Exact') {
      others.push(entry);
      continue;
    }
    const list = exactByPath.get(entry.path.value);
    if (list) list.push(entry);
    else exactByPath.set(entry.path.value, [entry]);
  }

  return {
    size: routes.length,
    match(method, url, headers) {
      const path = url.pathname;
      const exact = exactByPath.get(path);
      if (exact) {
        for (const entry of exact) {
          const result = evaluate(entry, method, path, url, headers);
          if (result) return result;
        }
      }
      for (const entry of others) {
        const result = evaluate(entry, method, path, url, headers);
        if (result) return result;
      }
      return undefined;
    },
    describe() {
      return entries.map((entry, index) => ({
        order: index + 1,
        routeName: entry.routeName,
        routeIndex: entry.routeIndex,
        matchIndex: entry.matchIndex,
        match: entry.match,
        routeKey: entry.routeKey,
        resource: entry.resource,
        target: entry.target,
      }));
    },
  };
}

/**
 * Tests one entry, cheapest condition first, and allocates only for a hit
 * (plus an RE2 matcher when named groups must be read).
 */
function evaluate<T>(entry: CompiledMatch<T>, method: string, path: string, url: URL, headers: Headers): RouteMatchResult<T> | undefined {
  if (entry.method !== undefined && entry.method !== method) return undefined;

  const matcher = entry.path;
  let captured: Matcher | undefined;
  switch (matcher.kind) {
    case 'Exact':
      if (path !== matcher.value) return undefined;
      break;
    case 'PathPrefix':
      if (path !== matcher.prefix && !path.startsWith(matcher.prefixWithSlash)) return undefined;
      break;
    case 'RegularExpression':
      // testExact runs RE2's DFA without captures: the cheap way to reject. Only a hit with
      // named groups pays for a Matcher, which tracks submatches (still linear time).
      if (!matcher.regex.testExact(path)) return undefined;
      if (matcher.groupNames.length > 0) {
        captured = matcher.regex.matcher(path);
        if (!captured.matches()) return undefined;
      }
      break;
  }

  for (const header of entry.headers) {
    const value = headers.get(header.name);
    if (value === null || !header.test(value)) return undefined;
  }
  if (entry.queryParams.length > 0) {
    // url.searchParams is created lazily by URL; only touch it when needed.
    const query = url.searchParams;
    for (const param of entry.queryParams) {
      const value = query.get(param.name);
      if (value === null || !param.test(value)) return undefined;
    }
  }

  return {
    target: entry.target,
    routeName: entry.routeName,
    match: entry.match,
    pathParameters: pathParametersFor(entry, path, captured),
    routeKey: entry.routeKey,
    resource: entry.resource,
  };
}

function pathParametersFor(entry: CompiledMatch<unknown>, path: string, captured: Matcher | undefined): Record<string, string> | undefined {
  const matcher = entry.path;
  if (matcher.kind === 'PathPrefix') {
    const proxy = path.slice(matcher.prefixWithSlash.length);
    return proxy === '' ? undefined : { proxy };
  }
  if (matcher.kind !== 'RegularExpression' || captured === undefined) return undefined;
  // A group in an untaken alternative is null: leave it out rather than send "null".
  const taken: Array<[string, string]> = [];
  for (const name of matcher.groupNames) {
    const value = captured.group(name);
    if (value !== null) taken.push([name, value]);
  }
  // Object.fromEntries defines own properties, so even a group named __proto__ is kept as data.
  return taken.length === 0 ? undefined : Object.fromEntries(taken);
}
