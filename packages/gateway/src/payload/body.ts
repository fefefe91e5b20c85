import { encodeBase64 } from './base64.ts';

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
export function toEventBody(bytes: Uint8Array, textual: boolean): EventBody {
  if (textual) {
    const text = decodeUtf8Strict(bytes);
    if (text !== undefined) return { body: text, isBase64Encoded: false };
  }
  return { body: encodeBase64(bytes), isBase64Encoded: true };
}

function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}
