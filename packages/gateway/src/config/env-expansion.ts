import type { EnvLookup } from '../aws/env.ts';
import { ConfigError } from '../errors/index.ts';

/**
 * `${NAME}` (what the guides' `kubectl apply -f - <<EOF` heredocs expand) or
 * `$${NAME}`, which stays a literal `${NAME}`. A bare `$NAME` is never touched:
 * `qualifier: $LATEST` must survive.
 */
const PLACEHOLDER = /\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Expands `${NAME}` placeholders in a config file's text before it is parsed,
 * so manifests written for `envsubst`/heredocs load unmodified. A variable set
 * to the empty string expands to nothing, as in a shell. Every unset variable
 * is reported (name and line, never a value) in one ConfigError naming the file.
 */
export function expandEnvironment(text: string, source: string, env: EnvLookup): string {
  const unset: string[] = [];
  const expanded = text.replace(PLACEHOLDER, (placeholder: string, escaped: string, name: string, offset: number) => {
    if (escaped) return placeholder.slice(1);
    const value = env(name);
    if (value !== undefined) return value;
    unset.push(`line ${lineAt(text, offset)}: environment variable ${name} is not set (used as \${${name}})`);
    return placeholder;
  });
  if (unset.length > 0) throw new ConfigError(unset, source);
  return expanded;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}
