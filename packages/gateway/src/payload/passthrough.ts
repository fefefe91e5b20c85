import type { InboundRequest, InvokeResult, PayloadCodec } from './types.ts';
import { asBody } from './response.ts';

/**
 * kgateway `payloadTransformMode: None`, the default mode: the request body bytes ARE the Invoke
 * payload (an empty body is an empty payload), with no envelope at all.
 */
export function encodePassthroughEvent(request: InboundRequest): Uint8Array {
  // The same bytes, not a copy: nothing downstream mutates an Invoke payload.
  return request.body;
}

/**
 * The function's payload, unchanged, as a 200 response. Only Content-Type is taken from the
 * Invoke response (Lambda sends application/json); the other Invoke headers (x-amzn-RequestId,
 * X-Amz-Executed-Version, ...) describe the AWS call, so exposing them is the caller's choice.
 */
export function decodePassthroughResult(result: InvokeResult, request: InboundRequest): Response {
  // A plain record, not Headers: @hono/node-server writes it as it is, where a Headers object
  // costs its construction, validation and a conversion back (passthrough is the default mode).
  const contentType = result.headers.get('content-type');
  const headers: Record<string, string> =
    contentType === null ? { 'x-request-id': request.requestId } : { 'content-type': contentType, 'x-request-id': request.requestId };
  return new Response(result.payload.length === 0 ? null : asBody(result.payload), { status: 200, headers });
}

/** The raw passthrough codec (`passthrough`). */
export const passthroughCodec: PayloadCodec = {
  mode: 'passthrough',
  encodeEvent: encodePassthroughEvent,
  decodeResult: decodePassthroughResult,
};
