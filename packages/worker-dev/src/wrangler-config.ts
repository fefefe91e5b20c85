import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import { ConfigError } from 'lambda-gateway';
import { TomlError, parseTomlSubset } from './toml-subset.ts';

/** wrangler's default `dev` port. */
export const WRANGLER_DEFAULT_PORT = 8787;

const VarSchema = v.union([v.string(), v.number(), v.boolean()], 'must be a string, number or boolean');

/**
 * The part of wrangler.toml that `npm run dev` replicates in miniflare. Other
 * keys (KV, D1, routes, …) would be bindings or settings the dev server does
 * not set up, so they are errors rather than silently ignored.
 */
const WranglerConfigSchema = v.strictObject({
  name: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,63}$/, 'must be a worker name ([a-z0-9-], ≤ 63 chars)')),
  main: v.pipe(v.string(), v.minLength(1)),
  compatibility_date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')),
  compatibility_flags: v.optional(v.array(v.string()), []),
  workers_dev: v.optional(v.boolean()),
  vars: v.optional(v.record(v.string(), VarSchema), {}),
  dev: v.optional(v.strictObject({ port: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535))), ip: v.optional(v.string()) }), {}),
  build: v.optional(v.strictObject({ command: v.optional(v.string()), cwd: v.optional(v.string()), watch_dir: v.optional(v.union([v.string(), v.array(v.string())])) }), {}),
});

export type WranglerConfig = v.InferOutput<typeof WranglerConfigSchema>;

/** Parses and checks wrangler.toml's text (see WranglerConfigSchema for what is read). */
export function parseWranglerConfig(text: string, source: string): WranglerConfig {
  let table;
  try {
    table = parseTomlSubset(text, source);
  } catch (error) {
    if (error instanceof TomlError) throw new ConfigError([error.message]);
    throw error;
  }
  const result = v.safeParse(WranglerConfigSchema, table);
  if (result.success) return result.output;
  throw new ConfigError(
    result.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`),
    source,
  );
}

/** Reads wrangler.toml, the worker's configuration of record. */
export async function readWranglerConfig(path: string): Promise<WranglerConfig> {
  return parseWranglerConfig(await readFile(path, 'utf8'), path);
}

/** `[vars]` as string bindings (wrangler turns numbers and booleans into JSON-typed vars; the gateway reads strings). */
export function wranglerVars(config: WranglerConfig): Record<string, string> {
  return Object.fromEntries(Object.entries(config.vars).map(([name, value]) => [name, String(value)]));
}
