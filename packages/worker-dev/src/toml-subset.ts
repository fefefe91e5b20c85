/** A TOML value in the subset read here. */
export type TomlValue = string | number | boolean | TomlValue[] | TomlTable;
export interface TomlTable {
  [key: string]: TomlValue;
}

/** Thrown for TOML outside the supported subset or malformed, with `file:line`. */
export class TomlError extends Error {
  override name = 'TomlError';
}

/**
 * Reads the subset of TOML that wrangler.toml needs here: `[table]` headers
 * (dotted), `key = value` with basic/literal strings, integers, booleans and
 * arrays of those (which may span lines), and `#` comments. Anything else
 * (inline tables, `[[arrays of tables]]`, dates, multi-line strings) is an
 * error naming the line, never silently misread. No TOML parser ships with
 * the dependencies, and this is all `npm run dev` reads.
 */
export function parseTomlSubset(text: string, source: string): TomlTable {
  const root: TomlTable = {};
  let table = root;
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const lineNo = index + 1;
    const fail = (reason: string): never => {
      throw new TomlError(`${source}:${lineNo}: ${reason}`);
    };
    const line = stripComment(lines[index]!).trim();
    if (line === '') continue;
    if (line.startsWith('[[')) fail('arrays of tables ([[…]]) are not supported');
    if (line.startsWith('[')) {
      const header = /^\[\s*([A-Za-z0-9_-]+(?:\s*\.\s*[A-Za-z0-9_-]+)*)\s*\]$/.exec(line);
      if (!header) fail(`malformed table header: ${line}`);
      table = root;
      for (const part of header![1]!.split('.').map((p) => p.trim())) {
        const existing = table[part];
        if (existing === undefined) table = table[part] = {};
        else if (typeof existing === 'object' && !Array.isArray(existing)) table = existing;
        else fail(`${part} is already a value`);
      }
      continue;
    }
    const assignment = /^([A-Za-z0-9_-]+|"[^"]*")\s*=\s*(.*)$/.exec(line);
    if (!assignment) fail(`expected key = value: ${line}`);
    const key = assignment![1]!.replace(/^"|"$/g, '');
    let valueText = assignment![2]!;
    // An array may span lines: read on until its brackets balance.
    while (valueText.startsWith('[') && !bracketsBalanced(valueText)) {
      index++;
      if (index >= lines.length) fail('unterminated array');
      valueText += ` ${stripComment(lines[index]!).trim()}`;
    }
    if (Object.hasOwn(table, key)) fail(`${key} is defined twice`);
    const reader = { text: valueText, pos: 0 };
    table[key] = readValue(reader, fail);
    skipSpaces(reader);
    if (reader.pos !== reader.text.length) fail(`unexpected text after the value of ${key}: ${reader.text.slice(reader.pos)}`);
  }
  return root;
}

interface Reader {
  text: string;
  pos: number;
}

function readValue(r: Reader, fail: (reason: string) => never): TomlValue {
  skipSpaces(r);
  const c = r.text[r.pos];
  if (c === '"') return readBasicString(r, fail);
  if (c === "'") {
    const end = r.text.indexOf("'", r.pos + 1);
    if (end === -1) fail('unterminated string');
    const value = r.text.slice(r.pos + 1, end);
    r.pos = end + 1;
    return value;
  }
  if (c === '[') {
    r.pos++;
    const items: TomlValue[] = [];
    for (;;) {
      skipSpaces(r);
      if (r.text[r.pos] === ']') {
        r.pos++;
        return items;
      }
      items.push(readValue(r, fail));
      skipSpaces(r);
      if (r.text[r.pos] === ',') r.pos++;
      else if (r.text[r.pos] !== ']') fail('expected , or ] in array');
    }
  }
  if (c === '{') fail('inline tables are not supported');
  const bare = /^(true|false|[+-]?\d[\d_]*)(?=$|[\s,\]])/.exec(r.text.slice(r.pos));
  if (!bare) fail(`unsupported value: ${r.text.slice(r.pos)}`);
  r.pos += bare![1]!.length;
  if (bare![1] === 'true' || bare![1] === 'false') return bare![1] === 'true';
  return Number(bare![1]!.replace(/_/g, ''));
}

const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' };

function readBasicString(r: Reader, fail: (reason: string) => never): string {
  if (r.text.startsWith('"""', r.pos)) fail('multi-line strings are not supported');
  let out = '';
  for (let i = r.pos + 1; i < r.text.length; i++) {
    const c = r.text[i]!;
    if (c === '"') {
      r.pos = i + 1;
      return out;
    }
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = r.text[++i] ?? '';
    if (next === 'u' || next === 'U') {
      const length = next === 'u' ? 4 : 8;
      const hex = r.text.slice(i + 1, i + 1 + length);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) fail('bad unicode escape');
      out += String.fromCodePoint(parseInt(hex, 16));
      i += length;
    } else if (ESCAPES[next] !== undefined) {
      out += ESCAPES[next];
    } else {
      fail(`bad escape \\${next}`);
    }
  }
  return fail('unterminated string');
}

function skipSpaces(r: Reader): void {
  while (r.pos < r.text.length && (r.text[r.pos] === ' ' || r.text[r.pos] === '\t')) r.pos++;
}

/** The line without a trailing `# comment` (a `#` inside a string is kept). */
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#') {
      return line.slice(0, i);
    }
  }
  return line;
}

function bracketsBalanced(text: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
  }
  return depth <= 0;
}
