/**
 * Match precedence across ALL routes, following the Gateway API `HTTPRouteRule`
 * rules (apis/v1/httproute_types.go), continuing on ties:
 *
 *  1. `Exact` path match.
 *  2. (implementation-specific) `RegularExpression` path match — see below.
 *  3. `PathPrefix` with the most characters.
 *  4. A method match.
 *  5. The most header matches.
 *  6. The most query param matches.
 *  7. The route's position in `routes[]` (the spec's oldest-creation-timestamp,
 *     then `namespace/name` order; the config loader decides that order).
 *  8. The match's position within the route (the spec's "first matching rule").
 *
 * Why regex sits between Exact and PathPrefix, and regexes are not ranked by
 * length: kgateway, which this gateway replaces, sorts exactly that way
 * (internal/kgateway/translator/routeutils/sortable_route.go: Exact > Regex >
 * PathPrefix; between two regexes it skips the path and goes straight to
 * method/headers/query params, since pattern length says nothing about
 * specificity). Keeping its order means migrated HTTPRoutes route the same.
 * A consequence worth knowing: a regex outranks every PathPrefix, even `/`.
 *
 * PathPrefix length is counted after dropping the trailing `/` the spec tells
 * us to ignore, so `/echo/` and `/echo` (which match the same paths) tie and the
 * next criterion decides instead of an invisible character.
 */
import type { CompiledMatch } from './compile.ts';

const PATH_KIND_RANK = { Exact: 0, RegularExpression: 1, PathPrefix: 2 } as const;

function prefixLength(entry: CompiledMatch<unknown>): number {
  return entry.path.kind === 'PathPrefix' ? entry.path.prefix.length : 0;
}

/**
 * `Array.prototype.sort` comparator: negative when `a` must be tried before `b`.
 * Total over distinct entries (route and match index break every tie).
 */
export function comparePrecedence(a: CompiledMatch<unknown>, b: CompiledMatch<unknown>): number {
  return (
    PATH_KIND_RANK[a.path.kind] - PATH_KIND_RANK[b.path.kind] ||
    prefixLength(b) - prefixLength(a) ||
    Number(b.method !== undefined) - Number(a.method !== undefined) ||
    b.headers.length - a.headers.length ||
    b.queryParams.length - a.queryParams.length ||
    a.routeIndex - b.routeIndex ||
    a.matchIndex - b.matchIndex
  );
}
