import type { EventBodyLiteral } from './body.ts';
import type { PayloadBytes } from './payload-bytes.ts';

// One decoder/encoder pair for the module: they are stateless, and reusing them avoids
// re-allocating per request.
const utf8Decoder = new TextDecoder();
const utf8Encoder = new TextEncoder();

/** A JSON value parsed from a payload; wrapped so that a parsed `null` is not "no result". */
export interface ParsedJson {
  value: unknown;
}

/**
 * Parses a Lambda payload as JSON, decoding UTF-8 once and parsing once (payloads reach 6 MB).
 * Returns undefined when the bytes are not JSON. `helpers`: the runtime's UTF-8 decoding.
 */
export function parseJson(payload: Uint8Array, helpers?: PayloadBytes): ParsedJson | undefined {
  try {
    return { value: JSON.parse(helpers ? helpers.decodeUtf8(payload) : utf8Decoder.decode(payload)) as unknown };
  } catch {
    return undefined;
  }
}

/** Serializes an event object to the Invoke payload bytes. */
export function encodeJson(value: unknown): Uint8Array {
  return utf8Encoder.encode(JSON.stringify(value));
}

/**
 * The same bytes as `encodeJson(event)` where `event[bodyKey]` is the body `literal` stands
 * for, without the body passing through JSON.stringify and a UTF-8 encoder: the other fields
 * are serialised as usual, in their order, and the body's literal is written between them.
 * `event[bodyKey]` itself is ignored (a placeholder).
 */
export function encodeJsonWithBody(event: object, bodyKey: string, literal: EventBodyLiteral): Uint8Array {
  const fields = event as Record<string, unknown>;
  const before = createMap<unknown>();
  const after = createMap<unknown>();
  let past = false;
  for (const key of Object.keys(fields)) {
    if (key === bodyKey) past = true;
    else (past ? after : before)[key] = fields[key];
  }
  const head = JSON.stringify(before);
  const tail = JSON.stringify(after);
  // Both are objects: cut `{…}` open at the end of the first and the start of the second.
  const prefix = utf8Encoder.encode(`${head === '{}' ? '{' : `${head.slice(0, -1)},`}${JSON.stringify(bodyKey)}:`);
  const suffix = utf8Encoder.encode(tail === '{}' ? '}' : `,${tail.slice(1)}`);
  const out = new Uint8Array(prefix.length + literal.byteLength + suffix.length);
  out.set(prefix, 0);
  const end = literal.write(out, prefix.length);
  out.set(suffix, end);
  return out;
}

/** UTF-8 bytes of a response body given as text. */
export function encodeUtf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** True for a JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An empty object for keys that come from the client (header names, query keys). It has no
 * prototype, so a key such as `__proto__` or `constructor` is stored as data like any other.
 */
export function createMap<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
