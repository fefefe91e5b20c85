import { LineCounter, parseAllDocuments } from 'yaml';
import { ConfigError } from '../validation/index.ts';

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
 * skipped. Syntax errors name the file, line and column.
 */
export function parseConfigText(text: string, source: string): SourcedDocument[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const list = Array.isArray(documents) ? documents : [documents];
  const out: SourcedDocument[] = [];
  list.forEach((document, index) => {
    const error = document.errors[0];
    if (error) {
      const position = lineCounter.linePos(error.pos[0]);
      const where = position ? `${source}:${position.line}:${position.col}` : source;
      throw new ConfigError([error.message.split('\n')[0]!], where);
    }
    const value: unknown = document.toJS({ maxAliasCount: 100 });
    if (value !== null && value !== undefined) out.push({ source, index, value });
  });
  return out;
}

/** How messages name a document: the file, plus `(document N)` in a multi-document file. */
export function documentLabel(document: SourcedDocument): string {
  return document.index === 0 ? document.source : `${document.source} (document ${document.index + 1})`;
}
