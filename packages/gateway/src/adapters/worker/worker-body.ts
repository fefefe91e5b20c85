import { GatewayError } from '../../errors/index.ts';
import { drain, payloadTooLarge, readStreamWithin } from '../../invoke/index.ts';

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
export async function readWorkerBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (!request.body) return new Uint8Array(0);
  if (declared !== null && Number(declared) > limit) {
    await drain(request.body.getReader());
    throw payloadTooLarge(limit);
  }
  let body: Uint8Array | undefined;
  try {
    body = await readStreamWithin(request.body, limit, 'drain');
  } catch (error) {
    throw new GatewayError(400, 'BadRequest', 'the request body could not be read', { cause: error });
  }
  if (!body) throw payloadTooLarge(limit);
  return body;
}
