import * as v from 'valibot';
import type { BackendDescriptor } from '../descriptor/index.ts';
import { HostnameSchema, HttpRouteMatchSchema } from '../routing/index.ts';
import { RequestRedirectSchema } from '../routing/redirect-schema.ts';
import { CorsFilterSchema } from '../routing/cors-schema.ts';

const NAME = /^[a-zA-Z0-9]([a-zA-Z0-9._-]{0,126}[a-zA-Z0-9])?$/;
export const NameSchema = v.pipe(v.string(), v.regex(NAME, 'must be 1-128 characters of [a-zA-Z0-9._-], starting and ending with a letter or digit'));

/** One backend of a weighted split: its name and share (weight / sum of weights; 0: none). */
const WeightedBackendSchema = v.strictObject({
  backend: NameSchema,
  weight: v.optional(v.pipe(v.number(), v.integer('must be an integer'), v.minValue(0, 'must be 0-1000000'), v.maxValue(1_000_000, 'must be 0-1000000')), 1),
});

const integer = (min: number, max: number, message: string) =>
  v.pipe(v.number(), v.integer('must be an integer'), v.minValue(min, message), v.maxValue(max, message));

/** A mirror (Gateway API `RequestMirror`): the backend also sent each request (or `percent` of them), fire-and-forget. */
const MirrorSchema = v.strictObject({
  backend: NameSchema,
  percent: v.optional(v.pipe(v.number(), v.minValue(0, 'must be 0-100'), v.maxValue(100, 'must be 0-100'))),
});

/** The route's retry policy (Gateway API HTTPRoute `retry`, GEP-1731). */
const RouteRetrySchema = v.strictObject({
  codes: v.optional(v.array(integer(400, 599, 'must be 400-599')), []),
  attempts: v.optional(integer(1, 10, 'must be 1-10'), 1),
  backoffMs: v.optional(integer(0, 60_000, 'must be 0-60000'), 25),
  /** The whole request, every try and wait included (Gateway API `timeouts.request`). */
  timeoutMs: v.optional(integer(1, 900_000, 'must be 1-900000')),
});

/**
 * A native route: Gateway API matches and what answers them: the name of a backend, a
 * weighted list of backends, or a redirect (Gateway API `RequestRedirect` fields).
 */
export const NativeRouteSchema = v.pipe(
  v.strictObject({
    name: v.optional(NameSchema),
    matches: v.optional(v.array(HttpRouteMatchSchema)),
    /** Exact or `*.` wildcard hostnames the route answers for; absent: any host. */
    hostnames: v.optional(v.array(HostnameSchema)),
    backend: v.optional(NameSchema),
    backends: v.optional(v.pipe(v.array(WeightedBackendSchema), v.minLength(1, 'must list at least one backend'))),
    redirect: v.optional(RequestRedirectSchema),
    /** Gateway API `HTTPCORSFilter` fields (maxAge default 5 seconds): preflights answered by the gateway. */
    cors: v.optional(CorsFilterSchema),
    /** Backends that also get each request (the client gets the route's answer only). */
    mirrors: v.optional(v.array(MirrorSchema)),
    retry: v.optional(RouteRetrySchema),
  }),
  v.check(
    (route) => [route.backend, route.backends, route.redirect].filter((field) => field !== undefined).length === 1,
    'needs exactly one of backend, backends or redirect',
  ),
);

/**
 * `backends`: a map of names to descriptors. Not `v.record`, which drops keys
 * named `constructor`, `prototype` or `__proto__` without a word: buildRoutes
 * validates every own key (with NameSchema) and value (with BackendDescriptorSchema).
 */
const BackendMapSchema = v.custom<Record<string, unknown>>(
  (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
  'must be a map of backend names to backends',
);

/**
 * The native config file (YAML or JSON): named Lambda backends and routes that
 * point at them. Several files (a directory such as `routes/`) are merged.
 */
export const NativeConfigSchema = v.strictObject({
  backends: v.optional(BackendMapSchema, {}),
  routes: v.optional(v.array(NativeRouteSchema), []),
});

export type NativeConfig = Omit<v.InferOutput<typeof NativeConfigSchema>, 'backends'> & { backends: Record<string, BackendDescriptor> };
export type NativeRoute = v.InferOutput<typeof NativeRouteSchema>;
