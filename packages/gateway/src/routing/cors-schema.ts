/**
 * Gateway API `HTTPCORSFilter` schema with the CRD's validations (apis/v1/httproute_types.go:
 * `CORSOrigin`, the method enum, list limits, the "`*` alone" rules and `maxAge` default 5),
 * shared by HTTPRoute manifests and native routes (`cors:`).
 */
import * as v from 'valibot';
import { objectMessage } from './issues.ts';

const strictFields = <const TEntries extends v.ObjectEntries>(entries: TEntries) => v.strictObject(entries, objectMessage(Object.keys(entries)));

/** `*`, or `scheme://host[:port]` where the host may start with `*.` (one or more labels). */
const ORIGIN =
  /^(\*|[a-zA-Z][a-zA-Z0-9+.-]*:\/\/(\*\.)?(\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?)*)(:[0-9]{1,5})?)$/;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
export const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH', '*'] as const;

const list = <TItem extends v.GenericSchema>(item: TItem, max: number) =>
  v.pipe(
    v.array(item, 'must be a list'),
    v.maxLength(max, (issue) => `must have at most ${max} entries (got ${issue.received})`),
  );

/** `*` is all or nothing (the CRD's "cannot contain '*' alongside other" rules). */
const starAlone = <TItem extends string>(what: string) =>
  v.check<TItem[], string>((items) => !items.includes('*' as TItem) || items.length === 1, `${what} cannot contain '*' alongside other values`);

const OriginSchema = v.pipe(
  v.string('must be a string'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(253, 'must be at most 253 characters'),
  v.regex(ORIGIN, 'must be "*" or an origin scheme://host[:port] (the host may start with "*.")'),
);

const CorsHeaderNameSchema = v.pipe(
  v.string('must be a string'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(256, 'must be at most 256 characters'),
  v.regex(HEADER_NAME, 'must be a header name (RFC 7230 token characters) or "*"'),
);

export const CorsFilterSchema = strictFields({
  allowOrigins: v.optional(list(OriginSchema, 64)),
  allowCredentials: v.optional(v.boolean('must be true or false')),
  allowMethods: v.optional(
    v.pipe(
      list(
        v.picklist(CORS_METHODS, (issue) => `must be one of ${CORS_METHODS.join(', ')} (got ${issue.received})`),
        9,
      ),
      starAlone('allowMethods'),
    ),
  ),
  allowHeaders: v.optional(v.pipe(list(CorsHeaderNameSchema, 64), starAlone('allowHeaders'))),
  exposeHeaders: v.optional(v.pipe(list(CorsHeaderNameSchema, 64), starAlone('exposeHeaders'))),
  /** Seconds; the CRD's default is 5. */
  maxAge: v.optional(
    v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(1, 'must be 1 or more'), v.maxValue(2_147_483_647, 'must fit an int32')),
    5,
  ),
});

export type CorsFilterInput = v.InferInput<typeof CorsFilterSchema>;
export type CorsFilter = v.InferOutput<typeof CorsFilterSchema>;
