/**
 * Gateway API `HTTPRequestRedirectFilter`: the gateway answers with a redirect
 * itself; the function is never invoked. The Location is built from the request
 * as the client addressed it (scheme, the Host header's name and port, path, query).
 */
import { replacePrefix, type PathModifier } from './route-filters.ts';
import type { HttpRouteMatch } from '../routing/index.ts';

export const REDIRECT_STATUS_CODES = [301, 302, 303, 307, 308] as const;

/** `HTTPRequestRedirectFilter` (every field optional; `statusCode` defaults to 302). */
export interface RequestRedirect {
  scheme?: 'http' | 'https';
  hostname?: string;
  port?: number;
  path?: PathModifier;
  statusCode?: (typeof REDIRECT_STATUS_CODES)[number];
}

const WELL_KNOWN_PORTS: Record<string, number> = { http: 80, https: 443 };

/**
 * The Location of a redirect, per the spec's port rules: an explicit `port`
 * wins; else a given `scheme` brings its well-known port (http 80, https 443);
 * else the listener port, i.e. the port the client addressed (the Host header's,
 * or the scheme's default when it has none). The port is left out when it is
 * the scheme's well-known one. The query string is kept.
 *
 * @param match the match that selected the route (ReplacePrefixMatch replaces its prefix)
 */
export function redirectLocation(url: URL, redirect: RequestRedirect, match: HttpRouteMatch | undefined): string {
  const requestScheme = url.protocol.replace(/:$/, '');
  const scheme = redirect.scheme ?? requestScheme;
  const listenerPort = url.port === '' ? (WELL_KNOWN_PORTS[requestScheme] ?? 80) : Number(url.port);
  const port = redirect.port ?? (redirect.scheme !== undefined ? (WELL_KNOWN_PORTS[scheme] ?? listenerPort) : listenerPort);
  const host = redirect.hostname ?? url.hostname;
  const authority = WELL_KNOWN_PORTS[scheme] === port ? host : `${host}:${port}`;
  return `${scheme}://${authority}${redirectPath(url.pathname, redirect.path, match)}${url.search}`;
}

function redirectPath(pathname: string, path: PathModifier | undefined, match: HttpRouteMatch | undefined): string {
  if (path?.type === 'ReplaceFullPath') return path.replaceFullPath;
  if (path?.type === 'ReplacePrefixMatch' && match?.path.type === 'PathPrefix') return replacePrefix(pathname, match.path.value, path.replacePrefixMatch);
  return pathname;
}

/** The gateway's redirect answer: the status (302 by default), Location, and an empty body. */
export function redirectResponse(url: URL, redirect: RequestRedirect, match: HttpRouteMatch | undefined, requestId: string): Response {
  return new Response(null, {
    status: redirect.statusCode ?? 302,
    headers: { location: redirectLocation(url, redirect, match), 'x-request-id': requestId },
  });
}

/** `302 https://example.org:8443/new` style, for the route table; `{path}` and `{host}` stand for what the request brings. */
export function describeRedirect(redirect: RequestRedirect): string {
  const scheme = redirect.scheme ?? '{scheme}';
  const port = redirect.port === undefined ? '' : `:${redirect.port}`;
  const path =
    redirect.path?.type === 'ReplaceFullPath'
      ? redirect.path.replaceFullPath
      : redirect.path?.type === 'ReplacePrefixMatch'
        ? `${redirect.path.replacePrefixMatch}{rest}`
        : '{path}';
  return `${redirect.statusCode ?? 302} ${scheme}://${redirect.hostname ?? '{host}'}${port}${path}`;
}
