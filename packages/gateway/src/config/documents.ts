import { LineCounter, parseAllDocuments } from 'yaml';
import type { EnvLookup } from '../aws/env.ts';
import { ConfigError } from '../validation/index.ts';
import { expandDocumentScalars } from './env-in-documents.ts';

/** Aliases a file may expand (yaml's default): beyond it an alias bomb is refused instead of exhausting memory. */
const MAX_ALIAS_COUNT = 100;

/** One parsed YAML/JSON document and where it came from. */
export interface SourcedDocument {
  /** File path (or a label for in-memory input). */
  source: string;
  /** 0-based index of the document in a multi-document YAML file. */
  index: number;
  value: unknown;
}

/**
 * Parses a config file's text. YAML is a superset of JSON, so one parser reads
 * both; multi-document YAML (`---`) yields several documents and empty ones are
 * skipped. Syntax errors name the file, line and column. With `env`, `${NAME}`
 * placeholders are expanded in the parsed values (see expandDocumentScalars).
 */
export function parseConfigText(text: string, source: string, env?: EnvLookup): SourcedDocument[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const list = Array.isArray(documents) ? documents : [documents];
  const out: SourcedDocument[] = [];
  const unset: string[] = [];
  for (const document of list) {
    const error = document.errors[0];
    if (error) {
      const position = lineCounter.linePos(error.pos[0]);
      const where = position ? `${source}:${position.line}:${position.col}` : source;
      // In a flow collection (`{ … }`, `[ … ]`) an unquoted `${NAME}` is not YAML: its braces are flow indicators.
      const line = position ? (text.split('\n')[position.line - 1] ?? '') : '';
      const hint = /[[{].*\$\{|\$\{.*[\]}]/.test(line) ? ' (inside { } or [ ], quote placeholders: "${NAME}")' : '';
      throw new ConfigError([`${error.message.split('\n')[0]!}${hint}`], where);
    }
    if (env) unset.push(...expandDocumentScalars(document, env, lineCounter));
  }
  // Every unset variable of the file in one error.
  if (unset.length > 0) throw new ConfigError(unset, source);
  list.forEach((document, index) => {
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (caught) {
      // yaml throws a ReferenceError for an alias bomb ("Excessive alias count ...").
      const reason = caught instanceof Error ? caught.message : String(caught);
      throw new ConfigError([`${reason} (YAML aliases may expand at most ${MAX_ALIAS_COUNT} times)`], documentLabel({ source, index, value: null }));
    }
    if (value !== null && value !== undefined) out.push({ source, index, value });
  });
  return out;
}

/** How messages name a document: the file, plus `(document N)` in a multi-document file. */
export function documentLabel(document: SourcedDocument): string {
  return document.index === 0 ? document.source : `${document.source} (document ${document.index + 1})`;
}
