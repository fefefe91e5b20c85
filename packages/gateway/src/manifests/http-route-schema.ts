/**
 * Gateway API `HTTPRoute` (gateway.networking.k8s.io/v1) schemas with the
 * CRD's validations (apis/v1/httproute_types.go: limits, patterns and the CEL
 * rules, with their messages). Matches reuse the router's schemas.
 */
import { HostnameSchema } from '../routing/index.ts';
import * as v from 'valibot';
import { HttpRouteMatchListSchema } from '../routing/index.ts';
import { PathModifierSchema, RequestRedirectSchema } from '../routing/redirect-schema.ts';
import { CorsFilterSchema } from '../routing/cors-schema.ts';
import { ObjectNameSchema, NamespaceSchema, acceptedButUnsupported, strictFields } from './resource.ts';

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
const PRECISE_HOSTNAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Gateway API `Duration`: up to four number+unit pairs, e.g. `1h30m`, `500ms`. */
const DURATION = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;

const picklist = <const TOptions extends readonly string[]>(options: TOptions) =>
  v.picklist(options, (issue) => `must be one of ${options.join(', ')} (got ${issue.received})`);

const list = <TItem extends v.GenericSchema>(item: TItem, max: number) =>
  v.pipe(
    v.array(item, 'must be a list'),
    v.maxLength(max, (issue) => `must have at most ${max} entries (got ${issue.received})`),
  );

const HeaderNameSchema = v.pipe(
  v.string('must be a string'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(256, 'must be at most 256 characters'),
  v.regex(HEADER_NAME, 'must be a valid header name (RFC 7230 token characters only, e.g. "X-Tenant-Id")'),
);

const HeaderSchema = strictFields({
  name: HeaderNameSchema,
  value: v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'), v.maxLength(4096, 'must be at most 4096 characters')),
});

/** `listType=map` on `name`: header names are case-insensitive, so `X-A` and `x-a` are the same entry. */
function uniqueHeaderNames<TItem>(nameOf: (item: TItem) => string) {
  return v.rawCheck<TItem[]>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Set<string>();
    dataset.value.forEach((item, index) => {
      const name = nameOf(item).toLowerCase();
      if (seen.has(name)) {
        addIssue({
          message: `duplicate header name "${nameOf(item)}" (header names are case-insensitive)`,
          path: [{ type: 'array', origin: 'value', input: dataset.value, key: index, value: item }],
        });
      }
      seen.add(name);
    });
  });
}

const HeaderListSchema = v.pipe(
  list(HeaderSchema, 16),
  uniqueHeaderNames((header: { name: string; value: string }) => header.name),
);

/** `HTTPHeaderFilter`: RequestHeaderModifier and ResponseHeaderModifier. */
const HeaderFilterSchema = strictFields({
  set: v.optional(HeaderListSchema),
  add: v.optional(HeaderListSchema),
  remove: v.optional(
    v.pipe(
      list(HeaderNameSchema, 16),
      uniqueHeaderNames((name: string) => name),
    ),
  ),
});

const UrlRewriteSchema = strictFields({
  hostname: v.optional(
    v.pipe(
      v.string('must be a string'),
      v.maxLength(253, 'must be at most 253 characters'),
      v.regex(PRECISE_HOSTNAME, 'must be a precise lower-case DNS hostname (no wildcards, no port)'),
    ),
  ),
  path: v.optional(PathModifierSchema),
});

const ExtensionRefSchema = strictFields({
  group: v.string('must be a string'),
  kind: v.string('must be a string'),
  name: v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty')),
});

/** `HTTPRequestMirrorFilter`: a BackendObjectReference and the share mirrored (percent or fraction, not both). */
const RequestMirrorSchema = v.pipe(
  strictFields({
    backendRef: v.pipe(
      strictFields({
        group: v.optional(v.pipe(v.string('must be a string'), v.maxLength(253, 'must be at most 253 characters')), ''),
        kind: v.optional(
          v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'), v.maxLength(63, 'must be at most 63 characters')),
          'Service',
        ),
        name: ObjectNameSchema,
        namespace: v.optional(NamespaceSchema),
        port: v.optional(
          v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(1, 'must be 1-65535'), v.maxValue(65535, 'must be 1-65535')),
        ),
      }),
      v.check(
        (ref) => !((ref.group === '' || ref.group === 'core') && ref.kind === 'Service' && ref.port === undefined),
        'Must have port for Service reference',
      ),
    ),
    percent: v.optional(
      v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(0, 'must be 0-100'), v.maxValue(100, 'must be 0-100')),
    ),
    fraction: v.optional(
      v.pipe(
        strictFields({
          numerator: v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(0, 'must be at least 0')),
          denominator: v.optional(v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(1, 'must be at least 1')), 100),
        }),
        v.check((fraction) => fraction.numerator <= fraction.denominator, 'numerator must be less than or equal to denominator'),
      ),
    ),
  }),
  v.check(
    (mirror) => mirror.percent === undefined || mirror.fraction === undefined,
    'Only one of percent or fraction may be specified in HTTPRequestMirrorFilter',
  ),
);

export const FILTER_TYPES = [
  'RequestHeaderModifier',
  'ResponseHeaderModifier',
  'RequestMirror',
  'RequestRedirect',
  'URLRewrite',
  'ExtensionRef',
  'CORS',
  'ExternalAuth',
] as const;
/** The filter type → the field that must carry its configuration. */
const FILTER_FIELDS = {
  RequestHeaderModifier: 'requestHeaderModifier',
  ResponseHeaderModifier: 'responseHeaderModifier',
  RequestMirror: 'requestMirror',
  RequestRedirect: 'requestRedirect',
  URLRewrite: 'urlRewrite',
  ExtensionRef: 'extensionRef',
  CORS: 'cors',
  ExternalAuth: 'externalAuth',
} as const;

/** `HTTPRouteFilter` with the "must be nil / must be specified" CEL rules of each type. */
export const HttpRouteFilterSchema = v.pipe(
  strictFields({
    type: picklist(FILTER_TYPES),
    requestHeaderModifier: v.optional(HeaderFilterSchema),
    responseHeaderModifier: v.optional(HeaderFilterSchema),
    urlRewrite: v.optional(UrlRewriteSchema),
    extensionRef: v.optional(ExtensionRefSchema),
    requestRedirect: v.optional(RequestRedirectSchema),
    cors: v.optional(CorsFilterSchema),
    requestMirror: v.optional(RequestMirrorSchema),
    ...acceptedButUnsupported(['externalAuth']),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const filter = dataset.value;
    for (const [type, field] of Object.entries(FILTER_FIELDS)) {
      const present = filter[field] !== undefined;
      if (present && filter.type !== type) addIssue({ message: `filter.${field} must be nil if the filter.type is not ${type}` });
      if (!present && filter.type === type) addIssue({ message: `filter.${field} must be specified for ${type} filter.type` });
    }
  }),
);

/** Filters of one rule or backendRef, with the "cannot be repeated" CEL rules. */
export const HttpRouteFilterListSchema = v.pipe(
  list(HttpRouteFilterSchema, 16),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const count = (type: string) => dataset.value.filter((filter) => filter.type === type).length;
    for (const type of ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect', 'URLRewrite', 'CORS']) {
      if (count(type) > 1) addIssue({ message: `${type} filter cannot be repeated` });
    }
    if (count('RequestRedirect') > 0 && count('URLRewrite') > 0) {
      addIssue({ message: 'May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both' });
    }
  }),
);

const PortSchema = v.pipe(
  v.number('must be a number'),
  v.integer('must be an integer'),
  v.minValue(1, 'must be 1-65535'),
  v.maxValue(65535, 'must be 1-65535'),
);

export const BackendRefSchema = v.pipe(
  strictFields({
    group: v.optional(v.pipe(v.string('must be a string'), v.maxLength(253, 'must be at most 253 characters')), ''),
    kind: v.optional(v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'), v.maxLength(63, 'must be at most 63 characters')), 'Service'),
    name: ObjectNameSchema,
    namespace: v.optional(NamespaceSchema),
    port: v.optional(PortSchema),
    weight: v.optional(
      v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(0, 'must be 0-1000000'), v.maxValue(1_000_000, 'must be 0-1000000')),
      1,
    ),
    filters: v.optional(HttpRouteFilterListSchema),
  }),
  v.check((ref) => !((ref.group === '' || ref.group === 'core') && ref.kind === 'Service' && ref.port === undefined), 'Must have port for Service reference'),
);

const ParentRefSchema = strictFields({
  group: v.optional(v.string('must be a string')),
  kind: v.optional(v.string('must be a string')),
  namespace: v.optional(NamespaceSchema),
  name: ObjectNameSchema,
  sectionName: v.optional(v.string('must be a string')),
  port: v.optional(PortSchema),
});

const DurationSchema = v.pipe(v.string('must be a string'), v.regex(DURATION, 'must be a Gateway API duration such as 10s, 500ms or 1m30s'));

/** Fields of a rule the gateway does not act on (reported as warnings). */
export const UNSUPPORTED_RULE_FIELDS = ['sessionPersistence'] as const;

/** `HTTPRouteRetry` (GEP-1731): codes 400-599, attempts ≥ 1, backoff a duration. */
const RetrySchema = strictFields({
  codes: v.optional(
    list(v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(400, 'must be 400-599'), v.maxValue(599, 'must be 400-599')), 64),
  ),
  attempts: v.optional(v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(1, 'must be at least 1'))),
  backoff: v.optional(v.pipe(v.string('must be a string'), v.regex(DURATION, 'must be a Gateway API duration such as 10s, 500ms or 1m30s'))),
});

export const HttpRouteRuleSchema = v.pipe(
  strictFields({
    name: v.optional(v.pipe(v.string('must be a string'), v.regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a lower-case RFC 1123 label'))),
    matches: v.optional(HttpRouteMatchListSchema),
    filters: v.optional(HttpRouteFilterListSchema),
    backendRefs: v.optional(list(BackendRefSchema, 16)),
    timeouts: v.optional(strictFields({ request: v.optional(DurationSchema), backendRequest: v.optional(DurationSchema) })),
    retry: v.optional(RetrySchema),
    ...acceptedButUnsupported(UNSUPPORTED_RULE_FIELDS),
  }),
  v.check((rule) => {
    const prefixRewrite = rule.filters?.some((filter) => filter.urlRewrite?.path?.type === 'ReplacePrefixMatch');
    // Absent matches default to one `PathPrefix /` match in the CRD.
    return !prefixRewrite || rule.matches === undefined || (rule.matches.length === 1 && rule.matches[0]!.path.type === 'PathPrefix');
  }, 'When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'),
  v.check((rule) => {
    const prefixRedirect = rule.filters?.some((filter) => filter.requestRedirect?.path?.type === 'ReplacePrefixMatch');
    return !prefixRedirect || rule.matches === undefined || (rule.matches.length === 1 && rule.matches[0]!.path.type === 'PathPrefix');
  }, 'When using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified'),
  v.check(
    (rule) => !(rule.filters?.some((filter) => filter.type === 'RequestRedirect') && (rule.backendRefs?.length ?? 0) > 0),
    'RequestRedirect filter must not be used together with backendRefs',
  ),
);

/** Fields of the spec the gateway does not act on (reported as warnings). */
export const UNSUPPORTED_SPEC_FIELDS = ['useDefaultGateways'] as const;

export const HttpRouteSchema = strictFields({
  apiVersion: picklist(['gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1beta1']),
  kind: v.literal('HTTPRoute'),
  metadata: v.unknown(),
  spec: strictFields({
    parentRefs: v.optional(list(ParentRefSchema, 32)),
    hostnames: v.optional(list(HostnameSchema, 16)),
    rules: v.optional(list(HttpRouteRuleSchema, 16)),
    ...acceptedButUnsupported(UNSUPPORTED_SPEC_FIELDS),
  }),
  status: v.optional(v.unknown()),
});

export type HttpRoute = v.InferOutput<typeof HttpRouteSchema>;
export type HttpRouteRule = v.InferOutput<typeof HttpRouteRuleSchema>;
export type HttpRouteFilterManifest = v.InferOutput<typeof HttpRouteFilterSchema>;
export type HttpBackendRef = v.InferOutput<typeof BackendRefSchema>;
