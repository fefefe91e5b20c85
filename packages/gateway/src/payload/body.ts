import { planJsonString, writeJsonString } from './json-string-bytes.ts';
import { webPayloadBytes, type PayloadBytes } from './payload-bytes.ts';

/** A request body as it goes into a JSON event: text as-is, anything else base64. */
export interface EventBody {
  body: string;
  isBase64Encoded: boolean;
}

// `fatal` so that a body labelled text/* but not valid UTF-8 is detected (and sent as base64)
// instead of having its bytes silently replaced by U+FFFD.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The API Gateway-style rule for which request bodies travel as text. It is the rule AWS
 * documents for Lambda targets of Application Load Balancers (elb user guide,
 * "lambda-functions.md": text/*, application/json, application/javascript and application/xml go
 * as-is, everything else is base64), which is also the list Envoy's aws_lambda filter uses. The
 * media type is compared without parameters (`application/json; charset=utf-8` is JSON), and the
 * RFC 6839 structured suffixes `+json` / `+xml` count as JSON / XML. A missing content type is
 * binary: nothing says the bytes are text. application/x-www-form-urlencoded is not in AWS's list,
 * so form posts go base64; adapters decode either form, so only the wire shape differs.
 */
export function isTextualContentType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const semi = contentType.indexOf(';');
  const mediaType = (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  return (
    mediaType.startsWith('text/') ||
    mediaType === 'application/json' ||
    mediaType === 'application/javascript' ||
    mediaType === 'application/xml' ||
    mediaType.endsWith('+json') ||
    mediaType.endsWith('+xml')
  );
}

/**
 * Encodes a request body for a JSON event. `textual` says whether the content type allows sending
 * it as text; even then, bytes that are not valid UTF-8 go as base64 so they survive byte-exactly.
 */
export function toEventBody(bytes: Uint8Array, textual: boolean, helpers: PayloadBytes = webPayloadBytes): EventBody {
  if (textual) {
    const text = decodeUtf8Strict(bytes);
    if (text !== undefined) return { body: text, isBase64Encoded: false };
  }
  return { body: helpers.encodeBase64(bytes), isBase64Encoded: true };
}

/**
 * The same body as the bytes of its JSON string literal, for events serialised without the
 * body going through JSON.stringify (see encodeJsonWithBody): the same rule and the same bytes
 * as `JSON.stringify(toEventBody(bytes, textual).body)` in UTF-8.
 */
export interface EventBodyLiteral {
  isBase64Encoded: boolean;
  /** Length of the literal in bytes, quotes included. */
  byteLength: number;
  /** Writes the literal into `out` at `offset`; returns the offset after it. */
  write(out: Uint8Array, offset: number): number;
}

const asciiEncoder = new TextEncoder();

export function toEventBodyLiteral(bytes: Uint8Array, textual: boolean, helpers: PayloadBytes = webPayloadBytes): EventBodyLiteral {
  if (textual && helpers.isUtf8(bytes)) {
    const plan = planJsonString(bytes);
    return { isBase64Encoded: false, byteLength: plan.length, write: (out, offset) => writeJsonString(bytes, plan, out, offset) };
  }
  // The base64 alphabet needs no JSON escaping: the text between two quotes as it is.
  const text = helpers.encodeBase64(bytes);
  return {
    isBase64Encoded: true,
    byteLength: text.length + 2,
    write(out, offset) {
      out[offset] = QUOTE;
      const { written } = asciiEncoder.encodeInto(text, out.subarray(offset + 1));
      out[offset + 1 + written] = QUOTE;
      return offset + 2 + written;
    },
  };
}

const QUOTE = 0x22;

function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}
