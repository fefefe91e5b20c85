import { readStreamWithin } from '../aws/http.ts';
import { GatewayError } from '../errors/index.ts';

/** Lambda's payload limits: 6 MB for synchronous invocations, 1 MB for `Event`. */
export const SYNC_PAYLOAD_LIMIT = 6 * 1024 * 1024;
export const ASYNC_PAYLOAD_LIMIT = 1024 * 1024;

export function payloadTooLarge(limit: number): GatewayError {
  return new GatewayError(413, 'PayloadTooLarge', `the request body exceeds the function's payload limit of ${limit} bytes`, {
    details: { limitBytes: limit },
  });
}

/**
 * Reads a request body into one buffer, refusing (413) as soon as it would
 * exceed `limit`: a declared Content-Length over the limit is refused before
 * reading, and a streamed body is cancelled at the first chunk past it, so the
 * excess is never buffered.
 */
export async function readBodyWithLimit(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw payloadTooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  let body: Uint8Array | undefined;
  try {
    body = await readStreamWithin(request.body, limit);
  } catch (error) {
    throw new GatewayError(400, 'BadRequest', 'the request body could not be read', { cause: error });
  }
  if (!body) throw payloadTooLarge(limit);
  return body;
}
