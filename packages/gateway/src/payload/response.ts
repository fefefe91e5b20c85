import { GatewayError } from '../errors/index.ts';
import { encodeUtf8 } from './json.ts';
import { webPayloadBytes, type PayloadBytes } from './payload-bytes.ts';
import { recordHeaderLines, type HeaderLines } from './response-lines.ts';

// Statuses whose responses cannot carry content (Fetch throws if given a body for them).
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

/** The error for a function result that this mode cannot turn into a response. */
export function invalidFunctionResponse(message: string, status = 502): GatewayError {
  return new GatewayError(status, 'InvalidFunctionResponse', message);
}

/** True when `status` can be the status of a final HTTP response built with the Fetch API. */
export function isSendableStatus(status: number): boolean {
  // 1xx are interim responses, never a final one; Fetch's Response refuses anything outside 200-599.
  return Number.isInteger(status) && status >= 200 && status <= 599;
}

/**
 * `bytes` as a Fetch body. TypeScript 5.9's DOM lib only accepts ArrayBuffer-backed views, while
 * the codec interfaces use plain `Uint8Array` (ArrayBufferLike). Our payloads are never backed by
 * a SharedArrayBuffer, so the cast is sound and avoids copying megabytes just to satisfy a type.
 */
export function asBody(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes as Uint8Array<ArrayBuffer>;
}

/**
 * The response for a decoded function result. For 204/205/304 a body is dropped rather than
 * refused, as an HTTP/1.1 server does: the status is what the function meant. `lines`: the
 * header values to send on separate lines (see response-lines.ts). `x-request-id` is the
 * gateway's (PayloadCodec.decodeResult), replacing any the function set.
 */
export function buildResponse(status: number, headers: Headers, body: Uint8Array | undefined, requestId: string, lines?: HeaderLines): Response {
  headers.set('x-request-id', requestId);
  const content = body === undefined || body.length === 0 || NULL_BODY_STATUSES.has(status) ? null : asBody(body);
  return recordHeaderLines(new Response(content, { status, headers }), lines);
}

/**
 * Decodes a proxy-style `body` / `isBase64Encoded` pair to bytes. Undefined when the function
 * claimed base64 but the text is not base64 (the caller decides what error that is).
 */
export function decodeResultBody(body: string, isBase64Encoded: boolean, helpers: PayloadBytes = webPayloadBytes): Uint8Array | undefined {
  return isBase64Encoded ? helpers.decodeBase64(body) : encodeUtf8(body);
}

/**
 * The string form of one header value from a function's JSON. Functions often return numbers or
 * booleans (`"Content-Length": 12`, `"X-Cache": false`); API Gateway accepts those, so do we.
 * null/undefined and objects mean "no value" and are skipped.
 */
export function headerValueString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}
