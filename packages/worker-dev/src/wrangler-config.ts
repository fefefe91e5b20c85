import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import { TomlError, type TomlTable, parse as parseToml } from 'smol-toml';
import { ConfigError } from 'lambda-gateway';

/** wrangler's default `dev` port. */
export const WRANGLER_DEFAULT_PORT = 8787;

const VarSchema = v.union([v.string(), v.number(), v.boolean()], 'must be a string, number or boolean');

/**
 * The part of wrangler.toml that `npm run dev` replicates in miniflare. Other
 * keys (KV, D1, routes, …) would be bindings or settings the dev server does
 * not set up, so they are errors rather than silently ignored. (The message is
 * that of an unknown key: a parsed TOML document is always a table, so the
 * root's type is never wrong.)
 */
const WranglerConfigSchema = v.strictObject(
  {
    name: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,63}$/, 'must be a worker name ([a-z0-9-], ≤ 63 chars)')),
    main: v.pipe(v.string(), v.minLength(1)),
    compatibility_date: v.pipe(v.string('must be a quoted date "YYYY-MM-DD"'), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')),
    compatibility_flags: v.optional(v.array(v.string()), []),
    workers_dev: v.optional(v.boolean()),
    vars: v.optional(v.record(v.string(), VarSchema), {}),
    dev: v.optional(v.strictObject({ port: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535))), ip: v.optional(v.string()) }), {}),
    build: v.optional(
      v.strictObject({ command: v.optional(v.string()), cwd: v.optional(v.string()), watch_dir: v.optional(v.union([v.string(), v.array(v.string())])) }),
      {},
    ),
  },
  'is not replicated by npm run dev (it sets up no such binding or setting)',
);

export type WranglerConfig = v.InferOutput<typeof WranglerConfigSchema>;

/** Parses and checks wrangler.toml's text (see WranglerConfigSchema for what is read). */
export function parseWranglerConfig(text: string, source: string): WranglerConfig {
  const result = v.safeParse(WranglerConfigSchema, parseTomlDocument(text, source));
  if (result.success) return result.output;
  throw new ConfigError(
    result.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`),
    source,
  );
}

/** The TOML document as a table; a syntax error is a ConfigError naming the file, line and column. */
function parseTomlDocument(text: string, source: string): TomlTable {
  try {
    return parseToml(text);
  } catch (error) {
    if (error instanceof TomlError) throw new ConfigError([`line ${error.line}, column ${error.column}: ${tomlReason(error)}`], source);
    throw error;
  }
}

/**
 * The reason alone: smol-toml's message is "Invalid TOML document: <reason>"
 * followed by a code excerpt with a caret, which the line and column replace.
 */
function tomlReason(error: TomlError): string {
  const firstLine = error.message.split('\n', 1)[0] ?? error.message;
  return firstLine.replace(/^Invalid TOML document:\s*/, '');
}

/** Reads wrangler.toml, the worker's configuration of record. */
export async function readWranglerConfig(path: string): Promise<WranglerConfig> {
  return parseWranglerConfig(await readFile(path, 'utf8'), path);
}

/** `[vars]` as string bindings (wrangler turns numbers and booleans into JSON-typed vars; the gateway reads strings). */
export function wranglerVars(config: WranglerConfig): Record<string, string> {
  return Object.fromEntries(Object.entries(config.vars).map(([name, value]) => [name, String(value)]));
}
