import { isScalar, parseDocument, visit, type Document, type LineCounter } from 'yaml';
import type { EnvLookup } from '../aws/env.ts';

/** `${NAME}` or the escaped `$${NAME}` (a literal `${NAME}`); a bare `$NAME` such as `$LATEST` is never touched. */
const PLACEHOLDER = /\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
/** A plain scalar that is nothing but one placeholder: it takes the YAML type of what it expands to. */
const WHOLE_PLACEHOLDER = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/**
 * Expands `${NAME}` in the parsed document's scalar values, never in its text:
 * a placeholder inside a comment is left alone, and a value cannot inject YAML
 * structure (`${X}` set to `a: b` stays the string `a: b`). A plain scalar that
 * is exactly `${NAME}` is re-read as a YAML scalar, so `timeoutMs: ${T}` with
 * `T=5000` is the number 5000; a quoted `"${T}"` stays a string. Returns the
 * unset variables (name and line, never a value), for one ConfigError per file.
 */
export function expandDocumentScalars(document: Document.Parsed, env: EnvLookup, lines: LineCounter): string[] {
  const unset: string[] = [];
  visit(document, {
    Scalar(key, node) {
      if (typeof node.value !== 'string' || !node.value.includes('${')) return;
      const line = node.range ? lines.linePos(node.range[0]).line : 0;
      const whole = key !== 'key' && node.type === 'PLAIN' ? WHOLE_PLACEHOLDER.exec(node.value) : null;
      if (whole) {
        const value = env(whole[1]!);
        if (value === undefined) unset.push(unsetLine(line, whole[1]!));
        else node.value = typedScalar(value);
        return;
      }
      node.value = node.value.replace(PLACEHOLDER, (placeholder: string, escaped: string, name: string) => {
        if (escaped) return placeholder.slice(1);
        const value = env(name);
        if (value !== undefined) return value;
        unset.push(unsetLine(line, name));
        return placeholder;
      });
    },
  });
  return unset;
}

function unsetLine(line: number, name: string): string {
  return `line ${line}: environment variable ${name} is not set (used as \${${name}})`;
}

/** The value a plain YAML scalar with this text would have (number, boolean, null, string); never a collection. */
function typedScalar(text: string): unknown {
  if (text === '') return '';
  const parsed = parseDocument(text, { prettyErrors: false });
  return parsed.errors.length === 0 && isScalar(parsed.contents) && typeof parsed.contents.value !== 'object' ? parsed.contents.value : text;
}
