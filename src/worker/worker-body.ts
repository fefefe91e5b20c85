import type { Context } from 'hono';
import { GatewayError } from '../errors/index.ts';
import { payloadTooLarge } from '../invoke/index.ts';

/**
 * Reads the request body within `limit` (the contract of readBodyWithLimit),
 * but reads an over-limit body to its end, discarding it, before the 413.
 *
 * Why: workerd closes the connection when the response goes out while the
 * client is still sending the body, so the client sees a reset instead of the
 * 413. Node's HTTP server reads and discards an unread body after the response,
 * so there the client always gets its answer; this gives the worker the same
 * behaviour. Nothing past the limit is kept in memory, and the platform's own
 * request size limit bounds what is read.
 */
export async function readWorkerBody(c: Context, limit: number): Promise<Uint8Array> {
  const request = c.req.raw;
  const declared = request.headers.get('content-length');
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  if (declared !== null && Number(declared) > limit) {
    await discard(reader);
    throw payloadTooLarge(limit);
  }
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
      await discard(reader);
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

/** Reads the rest of the stream and drops it; a client that goes away ends it too. */
async function discard(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  try {
    while (!(await reader.read()).done) {
      // Dropped: only reaching the end matters.
    }
  } catch {
    // The client went away: nothing left to answer.
  }
}
