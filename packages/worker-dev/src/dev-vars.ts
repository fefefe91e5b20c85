import { readFile } from 'node:fs/promises';
import { parse as parseDotenv } from 'dotenv';

/**
 * Parses a `.dev.vars` file with dotenv, the parser wrangler reads it with, so
 * a file means the same to `npm run dev` as to `wrangler dev`: `NAME=value`
 * lines, `#` comments (also after an unquoted value, even without a space
 * before them), optional `export `, single quotes taken as they are, double
 * quotes expanding `\n` and spanning lines. Lines that are not `NAME=value`
 * are skipped, as wrangler skips them.
 */
export function parseDevVars(text: string): Record<string, string> {
  return parseDotenv(text);
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
  return parseDevVars(text);
}
