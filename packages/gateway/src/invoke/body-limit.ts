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
 * Reads `stream` into one buffer, or returns undefined as soon as it passes
 * `limit`: nothing past the limit is kept. The rest of the stream is then
 * cancelled, or with `excess: 'drain'` read to its end and dropped (for
 * runtimes that reset a connection answered while the peer is still sending).
 * Read errors are thrown as they come.
 */
export async function readStreamWithin(stream: ReadableStream<Uint8Array>, limit: number, excess: 'cancel' | 'drain' = 'cancel'): Promise<Uint8Array | undefined> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const result = await reader.read();
    if (result.done) break;
    total += result.value.byteLength;
    if (total > limit) {
      if (excess === 'drain') await drain(reader);
      else await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(result.value);
  }
  return concatChunks(chunks, total);
}

/** Reads the rest of a stream and drops it; a peer that goes away ends it too. */
export async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  try {
    while (!(await reader.read()).done) {
      // Dropped: only reaching the end matters.
    }
  } catch {
    // The peer went away: nothing left to read.
  }
}

function concatChunks(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
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
