/**
 * Gateway API `HTTPPathModifier` and `HTTPRequestRedirectFilter` schemas with the CRD's
 * validations (apis/v1/httproute_types.go), shared by HTTPRoute manifests and native routes.
 */
import * as v from 'valibot';
import { objectMessage } from './issues.ts';
import { pathValueProblem } from './path-rules.ts';

const PRECISE_HOSTNAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const picklist = <const TOptions extends readonly string[]>(options: TOptions) =>
  v.picklist(options, (issue) => `must be one of ${options.join(', ')} (got ${issue.received})`);

const strictFields = <const TEntries extends v.ObjectEntries>(entries: TEntries) => v.strictObject(entries, objectMessage(Object.keys(entries)));

/** `PreciseHostname`: a lower-case DNS name, no wildcard, no port. */
export const PreciseHostnameSchema = v.pipe(
  v.string('must be a string'),
  v.maxLength(253, 'must be at most 253 characters'),
  v.regex(PRECISE_HOSTNAME, 'must be a precise lower-case DNS hostname (no wildcards, no port)'),
);

const RewritePathSchema = v.pipe(
  v.string('must be a string'),
  v.maxLength(1024, 'must be at most 1024 characters'),
  v.check(
    (value) => pathValueProblem(value) === undefined,
    (issue) => pathValueProblem(issue.input as string) ?? 'is invalid',
  ),
);

/** `HTTPPathModifier` with its four CEL rules. */
export const PathModifierSchema = v.pipe(
  strictFields({
    type: picklist(['ReplaceFullPath', 'ReplacePrefixMatch']),
    replaceFullPath: v.optional(RewritePathSchema),
    replacePrefixMatch: v.optional(RewritePathSchema),
  }),
  v.check(
    (path) => path.type !== 'ReplaceFullPath' || path.replaceFullPath !== undefined,
    "replaceFullPath must be specified when type is set to 'ReplaceFullPath'",
  ),
  v.check((path) => path.replaceFullPath === undefined || path.type === 'ReplaceFullPath', "type must be 'ReplaceFullPath' when replaceFullPath is set"),
  v.check(
    (path) => path.type !== 'ReplacePrefixMatch' || path.replacePrefixMatch !== undefined,
    "replacePrefixMatch must be specified when type is set to 'ReplacePrefixMatch'",
  ),
  v.check(
    (path) => path.replacePrefixMatch === undefined || path.type === 'ReplacePrefixMatch',
    "type must be 'ReplacePrefixMatch' when replacePrefixMatch is set",
  ),
);

/** `HTTPRequestRedirectFilter`: statusCode defaults to 302 (applied by the gateway, see core/redirect.ts). */
export const RequestRedirectSchema = strictFields({
  scheme: v.optional(picklist(['http', 'https'])),
  hostname: v.optional(PreciseHostnameSchema),
  path: v.optional(PathModifierSchema),
  port: v.optional(
    v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(1, 'must be 1-65535'), v.maxValue(65535, 'must be 1-65535')),
  ),
  statusCode: v.optional(v.picklist([301, 302, 303, 307, 308] as const, (issue) => `must be one of 301, 302, 303, 307, 308 (got ${issue.received})`)),
});
