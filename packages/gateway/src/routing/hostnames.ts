/**
 * Gateway API hostnames (HTTPRoute `spec.hostnames`, listener `hostname`): a precise DNS name or
 * a `*.` wildcard on the left-most label. `*.example.com` matches `foo.example.com` and
 * `foo.bar.example.com`, never `example.com` itself. Requests are matched on the Host header's
 * name (port dropped, lower-cased, as URL parsing leaves it).
 */
import * as v from 'valibot';

/** The Gateway API `Hostname` pattern (gateway-api apis/v1 shared_types.go). */
const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** One hostname as HTTPRoutes, listeners and the native config accept it. */
export const HostnameSchema = v.pipe(
  v.string('must be a string'),
  v.maxLength(253, 'must be at most 253 characters'),
  v.regex(HOSTNAME, 'must be a lower-case DNS name, optionally starting with "*." (no port, no IP address)'),
);

/** True for a `*.` wildcard hostname. */
export function isWildcard(hostname: string): boolean {
  return hostname.startsWith('*.');
}

/** Whether `pattern` (exact or wildcard) matches the concrete host name `host`. */
export function hostnameMatches(pattern: string, host: string): boolean {
  if (!isWildcard(pattern)) return pattern === host;
  const suffix = pattern.slice(1); // ".example.com"
  return host.length > suffix.length && host.endsWith(suffix);
}

/**
 * The hostnames a route answers for on a listener (Gateway API "hostnames" rules): a listener
 * without hostname takes the route's as they are; a route without hostnames takes the
 * listener's; otherwise each route hostname that intersects the listener's contributes the more
 * specific of the two. `[]` means "any host"; undefined means "no intersection: the route does
 * not attach to this listener".
 */
export function intersectHostnames(listener: string | undefined, route: readonly string[]): string[] | undefined {
  if (listener === undefined) return [...route];
  if (route.length === 0) return [listener];
  const out: string[] = [];
  for (const hostname of route) {
    // A wildcard "matches" a longer wildcard as it would a name: `*.a.com` covers `*.b.a.com`.
    if (hostnameMatches(listener, hostname)) out.push(hostname);
    else if (isWildcard(hostname) && hostnameMatches(hostname, listener)) out.push(listener);
  }
  const unique = [...new Set(out)];
  return unique.length === 0 ? undefined : unique;
}

/** The host name a request addressed (the URL's hostname: Host header, port dropped, lower-case). */
export function requestHostname(url: URL): string {
  const host = url.hostname;
  // A fully qualified name's trailing dot names the same host.
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

/**
 * Orders virtual-host keys the way a request picks one: exact names first, then wildcards from
 * the longest suffix to the shortest. (The "any host" group is tried last, by the router.)
 */
export function compareHostnameSpecificity(a: string, b: string): number {
  const wa = isWildcard(a);
  const wb = isWildcard(b);
  if (wa !== wb) return wa ? 1 : -1;
  return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
}
