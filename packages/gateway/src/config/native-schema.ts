import * as v from 'valibot';
import { BackendDescriptorSchema } from '../descriptor/index.ts';
import { HostnameSchema, HttpRouteMatchSchema } from '../routing/index.ts';

const NAME = /^[a-zA-Z0-9]([a-zA-Z0-9._-]{0,126}[a-zA-Z0-9])?$/;
const NameSchema = v.pipe(v.string(), v.regex(NAME, 'must be 1-128 characters of [a-zA-Z0-9._-], starting and ending with a letter or digit'));

/** A native route: Gateway API matches and the name of a backend. */
export const NativeRouteSchema = v.strictObject({
  name: v.optional(NameSchema),
  matches: v.optional(v.array(HttpRouteMatchSchema)),
  /** Exact or `*.` wildcard hostnames the route answers for; absent: any host. */
  hostnames: v.optional(v.array(HostnameSchema)),
  backend: NameSchema,
});

/**
 * The native config file (YAML or JSON): named Lambda backends and routes that
 * point at them. Several files (a directory such as `routes/`) are merged.
 */
export const NativeConfigSchema = v.strictObject({
  backends: v.optional(v.record(NameSchema, BackendDescriptorSchema), {}),
  routes: v.optional(v.array(NativeRouteSchema), []),
});

export type NativeConfig = v.InferOutput<typeof NativeConfigSchema>;
export type NativeRoute = v.InferOutput<typeof NativeRouteSchema>;
