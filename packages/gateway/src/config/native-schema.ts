import * as v from 'valibot';
import type { BackendDescriptor } from '../descriptor/index.ts';
import { HttpRouteMatchSchema } from '../routing/index.ts';

const NAME = /^[a-zA-Z0-9]([a-zA-Z0-9._-]{0,126}[a-zA-Z0-9])?$/;
export const NameSchema = v.pipe(v.string(), v.regex(NAME, 'must be 1-128 characters of [a-zA-Z0-9._-], starting and ending with a letter or digit'));

/** A native route: Gateway API matches and the name of a backend. */
export const NativeRouteSchema = v.strictObject({
  name: v.optional(NameSchema),
  matches: v.optional(v.array(HttpRouteMatchSchema)),
  backend: NameSchema,
});

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
