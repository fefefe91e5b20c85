/**
 * A request body as a JSON string literal, built from its bytes: exactly the UTF-8 bytes of
 * `JSON.stringify(text)` for the body's text, without decoding the body to a string, escaping
 * it through JSON.stringify and encoding the (larger) event text back to bytes. On a 1 MB body
 * those three passes are most of an envelope's CPU; here a word-at-a-time scan finds the few
 * bytes that need escaping and the runs between them are copied as they are.
 *
 * Only for well-formed UTF-8 (the caller checks): JSON.stringify then escapes nothing but
 * U+0000–U+001F, `"` and `\` (well-formed text has no lone surrogates), all single bytes, and
 * copies every other character, so its UTF-8 is the input bytes with those bytes replaced.
 */

/** Where the escapes go: the literal's length and the positions of the bytes to escape. */
export interface JsonStringPlan {
  /** Byte length of the literal, both quotes included. */
  length: number;
  /** Indexes in the body of the bytes that are escaped, ascending. */
  escapes: number[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const HEX = '0123456789abcdef';

/** The escape of each byte below 0x20 and of `"` and `\`, as JSON.stringify writes it; undefined: copied. */
const ESCAPES: (Uint8Array | undefined)[] = new Array(256).fill(undefined);
for (let code = 0; code < 0x20; code++) ESCAPES[code] = ascii(`\\u00${HEX[code >> 4]}${HEX[code & 15]}`);
ESCAPES[0x08] = ascii('\\b');
ESCAPES[0x09] = ascii('\\t');
ESCAPES[0x0a] = ascii('\\n');
ESCAPES[0x0c] = ascii('\\f');
ESCAPES[0x0d] = ascii('\\r');
ESCAPES[QUOTE] = ascii('\\"');
ESCAPES[BACKSLASH] = ascii('\\\\');

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

/** Finds the bytes of `bytes` to escape and the literal's length. */
export function planJsonString(bytes: Uint8Array): JsonStringPlan {
  const escapes: number[] = [];
  let extra = 0;
  const n = bytes.length;
  const note = (index: number) => {
    const replacement = ESCAPES[bytes[index]!];
    if (replacement === undefined) return;
    escapes.push(index);
    extra += replacement.length - 1;
  };
  // Bytes one by one up to a 4-byte boundary of the underlying buffer, then whole words.
  let i = 0;
  const head = Math.min(n, (4 - (bytes.byteOffset & 3)) & 3);
  for (; i < head; i++) note(i);
  const words = (n - i) >>> 2;
  if (words > 0) {
    const view = new Uint32Array(bytes.buffer, bytes.byteOffset + i, words);
    for (let w = 0; w < words; w++) {
      const x = view[w]!;
      // Exact per-word tests (Hacker's Delight "has less" / "has zero byte"), endian-neutral:
      // some byte < 0x20, some byte == '"', some byte == '\'.
      const q = x ^ 0x22222222;
      const b = x ^ 0x5c5c5c5c;
      const flagged = ((x - 0x20202020) & ~x) | ((q - 0x01010101) & ~q) | ((b - 0x01010101) & ~b);
      if ((flagged & 0x80808080) !== 0) {
        const at = i + w * 4;
        note(at);
        note(at + 1);
        note(at + 2);
        note(at + 3);
      }
    }
    i += words * 4;
  }
  for (; i < n; i++) note(i);
  return { length: n + extra + 2, escapes };
}

/** Writes the literal planned for `bytes` into `out` at `offset`; returns the offset after it. */
export function writeJsonString(bytes: Uint8Array, plan: JsonStringPlan, out: Uint8Array, offset: number): number {
  let o = offset;
  out[o++] = QUOTE;
  let from = 0;
  for (const index of plan.escapes) {
    if (index > from) {
      out.set(bytes.subarray(from, index), o);
      o += index - from;
    }
    const replacement = ESCAPES[bytes[index]!]!;
    out.set(replacement, o);
    o += replacement.length;
    from = index + 1;
  }
  if (from < bytes.length) {
    out.set(bytes.subarray(from), o);
    o += bytes.length - from;
  }
  out[o++] = QUOTE;
  return o;
}
