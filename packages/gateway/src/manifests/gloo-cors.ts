/**
 * Gloo Edge `CorsPolicy` (gloo.solo.io `cors.CorsPolicy`, set as `virtualHost.options.cors` or
 * a route's `options.cors`) as the gateway's CORS policy. Gloo's `allowOrigin` entries are exact
 * origins and `allowOriginRegex` entries RE2 patterns matched against the whole origin, as
 * Envoy's `safe_regex`; `maxAge` is a string of seconds. A route's own policy replaces the
 * virtual host's (Gloo's default `corsPolicyMergeSettings`), and `disableForRoute` turns the
 * virtual host's off for that route.
 */
import * as v from 'valibot';
import type { CorsPolicy } from '../core/cors.ts';
import { regexProblem } from '../routing/regex.ts';
import { strictFields } from './resource.ts';

const strings = v.array(v.string('must be a string'), 'must be a list');

export const GlooCorsPolicySchema = strictFields({
  allowOrigin: v.optional(strings),
  allowOriginRegex: v.optional(
    v.array(
      v.pipe(
        v.string('must be a string'),
        v.check(
          (source) => regexProblem(source) === undefined,
          (issue) => `must be an RE2 regular expression: ${regexProblem(issue.input as string)}`,
        ),
      ),
      'must be a list',
    ),
  ),
  allowMethods: v.optional(strings),
  allowHeaders: v.optional(strings),
  exposeHeaders: v.optional(strings),
  maxAge: v.optional(
    v.pipe(v.string('must be a string of seconds, e.g. "86400"'), v.regex(/^[0-9]{1,10}$/, 'must be a whole number of seconds, e.g. "86400"')),
  ),
  allowCredentials: v.optional(v.boolean('must be true or false')),
  disableForRoute: v.optional(v.boolean('must be true or false')),
});

export type GlooCorsPolicy = v.InferOutput<typeof GlooCorsPolicySchema>;

/** The policy as the gateway's type; undefined when `disableForRoute` is set. */
export function glooCors(policy: GlooCorsPolicy): CorsPolicy | undefined {
  if (policy.disableForRoute) return undefined;
  const out: CorsPolicy = {};
  if (policy.allowOrigin) out.allowOrigins = policy.allowOrigin;
  if (policy.allowOriginRegex) out.allowOriginRegex = policy.allowOriginRegex;
  if (policy.allowMethods) out.allowMethods = policy.allowMethods;
  if (policy.allowHeaders) out.allowHeaders = policy.allowHeaders;
  if (policy.exposeHeaders) out.exposeHeaders = policy.exposeHeaders;
  if (policy.maxAge !== undefined) out.maxAge = Number(policy.maxAge);
  if (policy.allowCredentials) out.allowCredentials = true;
  return out;
}
