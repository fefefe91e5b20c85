/**
 * Base64 for Uint8Array without Buffer (the core runs on Web APIs only, and Node 20 has no
 * Uint8Array.toBase64). Table-driven in both directions: on a 6 MB body this is ~3x faster
 * than `String.fromCharCode` + `btoa`, and it never builds a 6-million-character binary string.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 0x3d; // '='

const ENCODE = new Uint8Array(64);
for (let i = 0; i < 64; i++) ENCODE[i] = ALPHABET.charCodeAt(i);

// -1 = not a base64 digit. The URL-safe digits are accepted too: decoding leniently costs nothing
// and some runtimes' helpers emit them.
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
DECODE[0x2d] = 62; // '-'
DECODE[0x5f] = 63; // '_'

const ascii = new TextDecoder();

/** Standard base64 (RFC 4648 §4, padded) of `bytes`. */
export function encodeBase64(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  const whole = n - (n % 3);
  let o = 0;
  let i = 0;
  for (; i < whole; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ENCODE[v >>> 18]!;
    out[o++] = ENCODE[(v >>> 12) & 63]!;
    out[o++] = ENCODE[(v >>> 6) & 63]!;
    out[o++] = ENCODE[v & 63]!;
  }
  const rest = n - whole;
  if (rest > 0) {
    const v = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out[o++] = ENCODE[v >>> 18]!;
    out[o++] = ENCODE[(v >>> 12) & 63]!;
    out[o++] = rest === 2 ? ENCODE[(v >>> 6) & 63]! : PAD;
    out[o++] = PAD;
  }
  return ascii.decode(out);
}

/**
 * Decodes base64 (standard or URL-safe alphabet, padding optional, ASCII whitespace ignored as
 * MIME encoders such as Python's `encodebytes` insert newlines). Returns undefined when the text
 * is not base64, so each codec can map that to its own error.
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  return decodeCompact(text) ?? (/\s/.test(text) ? decodeCompact(text.replace(/\s+/g, '')) : undefined);
}

function decodeCompact(text: string): Uint8Array | undefined {
  let len = text.length;
  if (len > 0 && text.charCodeAt(len - 1) === PAD) len--;
  if (len > 0 && text.charCodeAt(len - 1) === PAD) len--;
  const rest = len % 4;
  if (rest === 1) return undefined;
  const out = new Uint8Array(((len - rest) / 4) * 3 + (rest === 0 ? 0 : rest - 1));
  const whole = len - rest;
  let o = 0;
  let i = 0;
  for (; i < whole; i += 4) {
    const v = (digit(text, i) << 18) | (digit(text, i + 1) << 12) | (digit(text, i + 2) << 6) | digit(text, i + 3);
    if (v < 0) return undefined; // a -1 digit makes the whole OR negative
    out[o++] = v >>> 16;
    out[o++] = (v >>> 8) & 255;
    out[o++] = v & 255;
  }
  if (rest >= 2) {
    const v = (digit(text, i) << 18) | (digit(text, i + 1) << 12) | (rest === 3 ? digit(text, i + 2) << 6 : 0);
    if (v < 0) return undefined;
    out[o++] = v >>> 16;
    if (rest === 3) out[o++] = (v >>> 8) & 255;
  }
  return out;
}

function digit(text: string, index: number): number {
  const code = text.charCodeAt(index);
  // Out-of-table codes (and '=' in the middle) are invalid; -1 << k stays negative.
  return code < 128 ? DECODE[code]! : -1;
}
