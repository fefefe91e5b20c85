/**
 * Turns one validated `HttpRouteMatch` into the form the router evaluates per
 * request: regexes compiled once (RE2), header names lower-cased once, prefix values
 * normalized once, and the API Gateway style `resource` / `routeKey` precomputed.
 */
import type { HttpRouteMatch } from './schema.ts';
import { compileAnchored, groupNames, type Re2 } from './regex.ts';

export type PathMatcher =
  | { readonly kind: 'Exact'; readonly value: string }
  | {
      readonly kind: 'PathPrefix';
      /** The value without its trailing `/` ('' for the root prefix). */
      readonly prefix: string;
      /** `prefix + '/'`: a longer path must continue with a new segment. */
      readonly prefixWithSlash: string;
    }
  | {
      readonly kind: 'RegularExpression';
      /** RE2, full-match: linear in the path length whatever the pattern. */
      readonly regex: Re2;
      /** Named groups (path parameters); when empty, matching skips capture extraction. */
      readonly groupNames: readonly string[];
    };

/** A header or query param condition; `name` is lower-cased for headers. */
export interface ValueMatcher {
  readonly name: string;
  readonly test: (value: string) => boolean;
}

export interface CompiledMatch<T> {
  readonly routeName: string;
  /** Position in `routes[]`: stands in for the spec's creation-time/name tie-break. */
  readonly routeIndex: number;
  /** Position in the route's `matches[]`: the spec's "first matching rule" tie-break. */
  readonly matchIndex: number;
  readonly match: HttpRouteMatch;
  readonly target: T;
  readonly path: PathMatcher;
  readonly method: string | undefined;
  readonly headers: readonly ValueMatcher[];
  readonly queryParams: readonly ValueMatcher[];
  readonly resource: string;
  readonly routeKey: string;
}

/** Drops a trailing `/`, which the spec says PathPrefix ignores; `/` becomes ''. */
export function normalizePrefix(value: string): string {
  return value.endsWith('/') ? value.slice(0, -1) : value;
}

function compilePath(path: HttpRouteMatch['path']): PathMatcher {
  switch (path.type) {
    case 'Exact':
      return { kind: 'Exact', value: path.value };
    case 'PathPrefix': {
      const prefix = normalizePrefix(path.value);
      return { kind: 'PathPrefix', prefix, prefixWithSlash: `${prefix}/` };
    }
    case 'RegularExpression': {
      const regex = compileAnchored(path.value);
      return { kind: 'RegularExpression', regex, groupNames: groupNames(regex) };
    }
  }
}

function compileValue(type: 'Exact' | 'RegularExpression', expected: string): (value: string) => boolean {
  if (type === 'Exact') return (value) => value === expected;
  const regex = compileAnchored(expected);
  return (value) => regex.testExact(value);
}

/** API Gateway style resource: `/items`, `/echo/{proxy+}`, or the regex source. */
export function resourceFor(path: HttpRouteMatch['path']): string {
  switch (path.type) {
    case 'Exact':
      return path.value;
    case 'PathPrefix':
      return `${normalizePrefix(path.value)}/{proxy+}`;
    case 'RegularExpression':
      return path.value;
  }
}

/** Compiles a match that has already passed `HttpRouteMatchSchema`. */
export function compileMatch<T>(
  route: { readonly name: string; readonly target: T },
  routeIndex: number,
  match: HttpRouteMatch,
  matchIndex: number,
): CompiledMatch<T> {
  const resource = resourceFor(match.path);
  return {
    routeName: route.name,
    routeIndex,
    matchIndex,
    match,
    target: route.target,
    path: compilePath(match.path),
    method: match.method,
    headers: (match.headers ?? []).map((h) => ({ name: h.name.toLowerCase(), test: compileValue(h.type, h.value) })),
    queryParams: (match.queryParams ?? []).map((q) => ({ name: q.name, test: compileValue(q.type, q.value) })),
    resource,
    routeKey: `${match.method ?? 'ANY'} ${resource}`,
  };
}
