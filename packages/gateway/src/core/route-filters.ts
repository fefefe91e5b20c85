/**
 * The Gateway API `HTTPRouteFilter`s the gateway applies (HTTPRoute manifests
 * bring them): header modifiers on the way in and out, and URL rewrites before
 * the Lambda event is built. Validation lives with the manifests; these are the
 * validated shapes and their effect.
 */
import { headerLinesOf, recordHeaderLines } from '../payload/response-lines.ts';
import type { HttpRouteMatch } from '../routing/index.ts';
import type { CorsPolicy } from './cors.ts';
import type { RequestRedirect } from './redirect.ts';

/** `HTTPHeader`: a header name (case-insensitive) and its value. */
export interface HeaderValue {
  name: string;
  value: string;
}

/** `HTTPHeaderFilter`: `set` replaces, `add` appends, `remove` deletes. */
export interface HeaderModifier {
  set?: readonly HeaderValue[];
  add?: readonly HeaderValue[];
  remove?: readonly string[];
}

/** `HTTPPathModifier`. */
export type PathModifier = { type: 'ReplaceFullPath'; replaceFullPath: string } | { type: 'ReplacePrefixMatch'; replacePrefixMatch: string };

/** `HTTPURLRewriteFilter`: the Host header and/or the path the function sees. */
export interface UrlRewrite {
  hostname?: string;
  path?: PathModifier;
}

export type RouteFilter =
  | { type: 'RequestHeaderModifier'; requestHeaderModifier: HeaderModifier }
  | { type: 'ResponseHeaderModifier'; responseHeaderModifier: HeaderModifier }
  | { type: 'URLRewrite'; urlRewrite: UrlRewrite }
  /** Answered by the gateway (see redirect.ts); request filters ignore it. */
  | { type: 'RequestRedirect'; requestRedirect: RequestRedirect }
  /** Answered and applied around the route by cors.ts (route-target.ts); request filters ignore it. */
  | { type: 'CORS'; cors: CorsPolicy };

/** The request as the Lambda event will see it. */
export interface FilteredRequest {
  url: URL;
  headers: Headers;
}

/**
 * Applies the request-side filters in order: header modifiers and URL
 * rewrites. Returns new objects; the incoming request is left as it was (the
 * access log keeps the path the client sent).
 *
 * @param match the match that selected the route (ReplacePrefixMatch replaces its prefix)
 */
export function applyRequestFilters(
  filters: readonly RouteFilter[] | undefined,
  url: URL,
  headers: Headers,
  match: HttpRouteMatch | undefined,
): FilteredRequest {
  if (!filters || filters.length === 0) return { url, headers };
  const out: FilteredRequest = { url: new URL(url), headers: new Headers(headers) };
  for (const filter of filters) {
    if (filter.type === 'RequestHeaderModifier') modifyHeaders(out.headers, filter.requestHeaderModifier);
    else if (filter.type === 'URLRewrite') rewriteUrl(out, filter.urlRewrite, match);
  }
  return out;
}

/**
 * Applies `ResponseHeaderModifier` filters to whatever the route answers
 * (function results and the gateway's own error responses alike). An `add` to a header the
 * response already has is its own header line, as Envoy sends it (the Fetch `Headers` would
 * join it to the value with ", "): the separate lines are recorded beside the Response
 * (response-lines.ts) for an adapter that writes raw lines (Node).
 */
export function applyResponseFilters(filters: readonly RouteFilter[] | undefined, response: Response): Response {
  const modifiers = (filters ?? []).flatMap((filter) => (filter.type === 'ResponseHeaderModifier' ? [filter.responseHeaderModifier] : []));
  if (modifiers.length === 0) return response;
  // Headers of a Response may be immutable (e.g. one that came from fetch): build a new one.
  const headers = new Headers(response.headers);
  const lines = new Map(headerLinesOf(response));
  for (const modifier of modifiers) {
    for (const name of [...(modifier.remove ?? []), ...(modifier.set ?? []).map((header) => header.name)]) lines.delete(name.toLowerCase());
    for (const { name, value } of modifier.add ?? []) {
      const current = headers.get(name);
      const lower = name.toLowerCase();
      if (current !== null && lower !== 'set-cookie') lines.set(lower, [...(lines.get(lower) ?? [current]), value]);
    }
    modifyHeaders(headers, modifier);
  }
  const out = new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  return recordHeaderLines(out, lines);
}

/** Envoy's order (remove, then set, then add), which Gateway API implementations follow. */
function modifyHeaders(headers: Headers, modifier: HeaderModifier): void {
  for (const name of modifier.remove ?? []) headers.delete(name);
  for (const { name, value } of modifier.set ?? []) headers.set(name, value);
  for (const { name, value } of modifier.add ?? []) headers.append(name, value);
}

function rewriteUrl(request: FilteredRequest, rewrite: UrlRewrite, match: HttpRouteMatch | undefined): void {
  if (rewrite.hostname !== undefined) {
    request.headers.set('host', rewrite.hostname);
    request.url.hostname = rewrite.hostname;
  }
  const path = rewrite.path;
  if (!path) return;
  if (path.type === 'ReplaceFullPath') {
    request.url.pathname = path.replaceFullPath;
  } else if (match?.path.type === 'PathPrefix') {
    request.url.pathname = replacePrefix(request.url.pathname, match.path.value, path.replacePrefixMatch);
  }
}

/**
 * Gateway API `ReplacePrefixMatch`: the matched prefix (segment-wise, a
 * trailing `/` in it ignored) is replaced, the rest of the path is kept:
 * prefix `/foo`, replacement `/xyz`: `/foo/bar` → `/xyz/bar`, `/foo` → `/xyz`;
 * replacement `/`: `/foo/bar` → `/bar`, `/foo` → `/`.
 */
export function replacePrefix(pathname: string, prefix: string, replacement: string): string {
  const matched = prefix.length > 1 ? prefix.replace(/\/+$/, '') : '';
  const rest = pathname.slice(matched.length);
  const head = replacement.replace(/\/+$/, '');
  const joined = `${head}${rest}`;
  return joined === '' ? '/' : joined.startsWith('/') ? joined : `/${joined}`;
}
