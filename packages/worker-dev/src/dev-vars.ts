import { readFile } from 'node:fs/promises';
import { ConfigError } from 'lambda-gateway';

/**
 * Parses a `.dev.vars` file (dotenv syntax, as wrangler reads it): `NAME=value`
 * lines, `#` comments, optional `export `, values optionally in single quotes
 * (taken as they are) or double quotes (`\n`, `\"`, `\\` escapes).
 */
export function parseDevVars(text: string, source: string): Record<string, string> {
  const out: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) throw new ConfigError([`line ${index + 1}: expected NAME=value`], source);
    out[match[1]!] = unquote(match[2]!);
  });
  return out;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1);
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\([n"\\])/g, (_, c: string) => (c === 'n' ? '\n' : c));
  }
  // Unquoted: a trailing ` # comment` is not part of the value.
  return value.replace(/\s+#.*$/, '').trim();
}

/** Reads `.dev.vars` if it exists; `{}` when it does not. */
export async function readDevVars(path: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  return parseDevVars(text, path);
}
