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

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch (error) {
      throw new GatewayError(400, 'BadRequest', 'the request body could not be read', { cause: error });
    }
    if (result.done) break;
    total += result.value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(limit);
    }
    chunks.push(result.value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
