/**
 * valibot schemas for Gateway API `HTTPRouteMatch` (gateway.networking.k8s.io/v1),
 * with the CRD's defaults and validations. They are the single source of truth
 * for the match types; messages are fragments that the config loader prints
 * after the field path, e.g. `routes[0].matches[1].path.value: must start with "/"`.
 */
import * as v from 'valibot';
import { objectMessage } from './issues.ts';
import { pathValueProblem } from './path-rules.ts';
import { regexProblem } from './regex.ts';

export const PATH_MATCH_TYPES = ['Exact', 'PathPrefix', 'RegularExpression'] as const;
export const VALUE_MATCH_TYPES = ['Exact', 'RegularExpression'] as const;
export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] as const;

/** CRD limits (`MaxLength` / `MaxItems` markers). */
export const MAX_PATH_VALUE_LENGTH = 1024;
export const MAX_HEADER_MATCHES = 16;
export const MAX_QUERY_PARAM_MATCHES = 16;
export const MAX_HEADER_VALUE_LENGTH = 4096;
export const MAX_QUERY_PARAM_VALUE_LENGTH = 1024;
export const MAX_NAME_LENGTH = 256;
export const MAX_MATCHES_PER_RULE = 64;

/** The spec's `HeaderName` pattern (RFC 7230 token), used for header AND query param names. */
const TOKEN = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
/** The spec's (experimental-channel) header value pattern: printable ASCII, single inner spaces/tabs. */
const PRINTABLE_HEADER_VALUE = /^[!-~]+(?:[\t ]?[!-~]+)*$/;

function oneOf(options: readonly string[]): (issue: v.BaseIssue<unknown>) => string {
  return (issue) => `must be one of ${options.map((o) => `"${o}"`).join(', ')} (got ${issue.received})`;
}

/**
 * Stops a pipe at its first failed check, so each field reports one problem
 * (an empty name is "must not be empty", not also "must be a valid header
 * name"), and object-level checks are skipped when a field is already wrong.
 */
const firstIssueOnly = <TSchema extends v.GenericSchema>(schema: TSchema) => v.config(schema, { abortPipeEarly: true });

const tooLong = (max: number) => (issue: v.BaseIssue<unknown>) => `must be at most ${max} characters (got ${issue.received})`;

export const PathMatchTypeSchema = v.picklist(PATH_MATCH_TYPES, oneOf(PATH_MATCH_TYPES));
export const ValueMatchTypeSchema = v.picklist(VALUE_MATCH_TYPES, oneOf(VALUE_MATCH_TYPES));
export const HttpMethodSchema = v.picklist(HTTP_METHODS, (issue) => `${oneOf(HTTP_METHODS)(issue)}; methods are upper case`);

function pathMatchProblem(path: { type: PathMatchType; value: string }): string | undefined {
  return path.type === 'RegularExpression' ? regexProblem(path.value) : pathValueProblem(path.value);
}

/** `HTTPPathMatch`: `type` defaults to `PathPrefix`, `value` to `/`. */
export const HttpPathMatchSchema = firstIssueOnly(
  v.pipe(
    v.strictObject(
      {
        type: v.optional(PathMatchTypeSchema, 'PathPrefix'),
        value: v.optional(
          v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'), v.maxLength(MAX_PATH_VALUE_LENGTH, tooLong(MAX_PATH_VALUE_LENGTH))),
          '/',
        ),
      },
      objectMessage(['type', 'value']),
    ),
    v.forward(
      v.check(
        (path) => pathMatchProblem(path) === undefined,
        (issue) => pathMatchProblem(issue.input) ?? 'is invalid',
      ),
      ['value'],
    ),
  ),
);

const nameSchema = (what: string) =>
  v.pipe(
    v.string('must be a string'),
    v.minLength(1, 'must not be empty'),
    v.maxLength(MAX_NAME_LENGTH, tooLong(MAX_NAME_LENGTH)),
    v.regex(TOKEN, `must be a valid ${what} (RFC 7230 token characters only, e.g. "X-Tenant-Id"; no spaces, ":" or "/")`),
  );

const valueSchema = (max: number) => v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'), v.maxLength(max, tooLong(max)));

function headerValueProblem(match: { type: ValueMatchType; value: string }): string | undefined {
  if (match.type === 'RegularExpression') return regexProblem(match.value);
  // Headers trims values and cannot carry control characters, so such an Exact value could never match.
  if (!PRINTABLE_HEADER_VALUE.test(match.value)) {
    return 'must be printable US-ASCII, optionally separated by single spaces or tabs (no leading/trailing whitespace)';
  }
  return undefined;
}

function queryValueProblem(match: { type: ValueMatchType; value: string }): string | undefined {
  return match.type === 'RegularExpression' ? regexProblem(match.value) : undefined;
}

/** `HTTPHeaderMatch`: name matched case-insensitively; `type` defaults to `Exact`. */
export const HttpHeaderMatchSchema = firstIssueOnly(
  v.pipe(
    v.strictObject(
      {
        type: v.optional(ValueMatchTypeSchema, 'Exact'),
        name: nameSchema('header name'),
        value: valueSchema(MAX_HEADER_VALUE_LENGTH),
      },
      objectMessage(['type', 'name', 'value']),
    ),
    v.forward(
      v.check(
        (m) => headerValueProblem(m) === undefined,
        (issue) => headerValueProblem(issue.input) ?? 'is invalid',
      ),
      ['value'],
    ),
  ),
);

/** `HTTPQueryParamMatch`: name matched exactly (case-sensitive); `type` defaults to `Exact`. */
export const HttpQueryParamMatchSchema = firstIssueOnly(
  v.pipe(
    v.strictObject(
      {
        type: v.optional(ValueMatchTypeSchema, 'Exact'),
        name: nameSchema('query parameter name'),
        value: valueSchema(MAX_QUERY_PARAM_VALUE_LENGTH),
      },
      objectMessage(['type', 'name', 'value']),
    ),
    v.forward(
      v.check(
        (m) => queryValueProblem(m) === undefined,
        (issue) => queryValueProblem(issue.input) ?? 'is invalid',
      ),
      ['value'],
    ),
  ),
);

/**
 * Rejects a second entry with an equivalent name. The spec says later
 * duplicates "MUST be ignored" (first wins), and its CRD (`listType=map`) already
 * rejects exact duplicates; we also reject case-insensitive header duplicates,
 * because a condition that is silently ignored is always a config mistake.
 */
function uniqueNames<TItem extends { name: string }>(what: string, caseInsensitive: boolean) {
  return v.rawCheck<TItem[]>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Map<string, number>();
    dataset.value.forEach((entry, index) => {
      const key = caseInsensitive ? entry.name.toLowerCase() : entry.name;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, index);
        return;
      }
      addIssue({
        message: `duplicate ${what} "${entry.name}" (same name as entry ${first}` + `${caseInsensitive ? '; header names are case-insensitive' : ''})`,
        path: [
          { type: 'array', origin: 'value', input: dataset.value, key: index, value: entry },
          { type: 'object', origin: 'value', input: entry, key: 'name', value: entry.name },
        ],
      });
    });
  });
}

const listSchema = <TItem extends v.GenericSchema<unknown, { name: string }>>(item: TItem, max: number) =>
  v.pipe(
    v.array(item, 'must be a list'),
    v.maxLength(max, (issue) => `must have at most ${max} entries (got ${issue.received})`),
  );

export const HttpHeaderMatchListSchema = firstIssueOnly(
  v.pipe(listSchema(HttpHeaderMatchSchema, MAX_HEADER_MATCHES), uniqueNames<HttpHeaderMatch>('header name', true)),
);

export const HttpQueryParamMatchListSchema = firstIssueOnly(
  v.pipe(listSchema(HttpQueryParamMatchSchema, MAX_QUERY_PARAM_MATCHES), uniqueNames<HttpQueryParamMatch>('query parameter name', false)),
);

/**
 * `HTTPRouteMatch`: every present condition must hold (AND). `path` defaults
 * to `{ type: 'PathPrefix', value: '/' }` as in the CRD, so the output always
 * has a path; `method`, `headers` and `queryParams` stay absent when not given.
 */
export const HttpRouteMatchSchema = v.strictObject(
  {
    path: v.optional(HttpPathMatchSchema, () => ({ type: 'PathPrefix' as const, value: '/' })),
    method: v.optional(HttpMethodSchema),
    headers: v.optional(HttpHeaderMatchListSchema),
    queryParams: v.optional(HttpQueryParamMatchListSchema),
  },
  objectMessage(['path', 'method', 'headers', 'queryParams']),
);

/** A rule's `matches` list (ORed), capped as in the CRD. */
export const HttpRouteMatchListSchema = v.pipe(
  v.array(HttpRouteMatchSchema, 'must be a list'),
  v.maxLength(MAX_MATCHES_PER_RULE, (issue) => `must have at most ${MAX_MATCHES_PER_RULE} entries (got ${issue.received})`),
);

export type PathMatchType = v.InferOutput<typeof PathMatchTypeSchema>;
/** Match type of header and query param values. */
export type ValueMatchType = v.InferOutput<typeof ValueMatchTypeSchema>;
export type HttpMethod = v.InferOutput<typeof HttpMethodSchema>;
export type HttpPathMatch = v.InferOutput<typeof HttpPathMatchSchema>;
export type HttpHeaderMatch = v.InferOutput<typeof HttpHeaderMatchSchema>;
export type HttpQueryParamMatch = v.InferOutput<typeof HttpQueryParamMatchSchema>;
/** A validated match with defaults applied. */
export type HttpRouteMatch = v.InferOutput<typeof HttpRouteMatchSchema>;
/** What a config file may contain before defaults are applied. */
export type HttpRouteMatchInput = v.InferInput<typeof HttpRouteMatchSchema>;
