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
 * Returns undefined when the bytes are not JSON.
 */
export function parseJson(payload: Uint8Array): ParsedJson | undefined {
  try {
    return { value: JSON.parse(utf8Decoder.decode(payload)) as unknown };
  } catch {
    return undefined;
  }
}

/** Serializes an event object to the Invoke payload bytes. */
export function encodeJson(value: unknown): Uint8Array {
  return utf8Encoder.encode(JSON.stringify(value));
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
