import * as v from 'valibot';
import { ConfigError } from '../errors/index.ts';
import { formatIssues } from './format-issues.ts';

/**
 * Validates `input` against `schema` and returns the typed output, or throws a
 * ConfigError listing every problem as `path: reason`, prefixed with `prefix`
 * (e.g. `backends.echo`) so the message points at the right place.
 */
export function parseOrThrow<const S extends v.GenericSchema>(schema: S, input: unknown, options: { source?: string; prefix?: string } = {}): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const problems = formatIssues(result.issues, schema).map((line) =>
    options.prefix ? `${options.prefix}${line.startsWith('(root)') ? line.slice(6) : line.startsWith('[') ? line : `.${line}`}` : line,
  );
  throw new ConfigError(problems, options.source);
}
