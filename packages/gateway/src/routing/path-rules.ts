/**
 * Validation of `Exact` / `PathPrefix` values, mirroring the CEL rules on
 * Gateway API `HTTPPathMatch` (apis/v1/httproute_types.go). Those values are
 * compared with the raw request path, so anything a client could not send in
 * normalized form (`//`, dot segments, encoded `/`, a fragment) would be a route
 * that can never match, or one that can be bypassed.
 */

/** RFC 3986 path characters or a %XX escape: the CRD's "valid characters" rule. */
const PATH_CHARACTERS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})+$/;

const FORBIDDEN_SUBSTRINGS = ['//', '/./', '/../', '%2f', '%2F', '#'] as const;
const FORBIDDEN_ENDINGS = ['/..', '/.'] as const;

/** Returns the first rule `value` breaks (a message fragment), or undefined when it is valid. */
export function pathValueProblem(value: string): string | undefined {
  if (!value.startsWith('/')) return 'must start with "/"';
  for (const bad of FORBIDDEN_SUBSTRINGS) {
    if (value.includes(bad)) return `must not contain "${bad}" (Exact and PathPrefix values must be normalized paths)`;
  }
  for (const bad of FORBIDDEN_ENDINGS) {
    if (value.endsWith(bad)) return `must not end with "${bad}" (Exact and PathPrefix values must be normalized paths)`;
  }
  if (!PATH_CHARACTERS.test(value)) {
    return "must contain only URL path characters (A-Z a-z 0-9 - . _ ~ ! $ & ' ( ) * + , ; = : @ /) or %XX escapes";
  }
  return undefined;
}
