import { decodeBase64, encodeBase64 } from './base64.ts';

/**
 * The byte work of the JSON envelopes on a megabyte body: base64 both ways, UTF-8
 * validation and decoding. The defaults are Web APIs and table-driven JS (any runtime);
 * a runtime with native helpers supplies its own through `Platform.payloadBytes`
 * (Node: adapters/node/node-payload-bytes.ts, where Buffer's base64 is ~20 x faster and
 * `isUtf8` validates without building a string). Every implementation gives exactly the
 * same results as the defaults (the Node one is tested against them byte for byte).
 */
export interface PayloadBytes {
  /** Standard base64 (RFC 4648 §4, padded). */
  encodeBase64(bytes: Uint8Array): string;
  /** Lenient base64 decoding (see decodeBase64 in base64.ts); undefined when the text is not base64. */
  decodeBase64(text: string): Uint8Array | undefined;
  /** True when `bytes` are well-formed UTF-8 (what a fatal TextDecoder accepts). */
  isUtf8(bytes: Uint8Array): boolean;
  /** UTF-8 text of `bytes`, ill-formed sequences replaced by U+FFFD, a leading BOM dropped: `new TextDecoder()` semantics. */
  decodeUtf8(bytes: Uint8Array): string;
}

// `fatal` so that ill-formed input is detected; ignoreBOM as body.ts always had it (the result is not kept).
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder();

/** The runtime-neutral implementation (Web APIs only): what workers use. */
export const webPayloadBytes: PayloadBytes = {
  encodeBase64,
  decodeBase64,
  isUtf8(bytes) {
    try {
      strictUtf8.decode(bytes);
      return true;
    } catch {
      return false;
    }
  },
  decodeUtf8: (bytes) => lenientUtf8.decode(bytes),
};

/** The runtime's helpers when it has some, else the Web defaults. */
export function payloadBytesOf(request: { payloadBytes?: PayloadBytes | undefined }): PayloadBytes {
  return request.payloadBytes ?? webPayloadBytes;
}
