import { GatewayError, errorResponse } from '../../errors/index.ts';

/**
 * What @hono/node-server answers when it cannot build a Request from what Node
 * parsed (a Host such as `user@evil.com`, no Host, `OPTIONS *` and other
 * request targets that are not a path): the gateway's JSON 400 instead of an
 * empty body. The request id is fresh: nothing of this request is trusted.
 */
export function badRequestResponse(error: unknown): Response {
  const reason = error instanceof Error ? error.message : 'malformed request';
  // Closed after the answer: what follows on this connection cannot be trusted either.
  const refusal = new GatewayError(400, 'BadRequest', `the request could not be routed: ${reason}`, { headers: { connection: 'close' } });
  return errorResponse(refusal, crypto.randomUUID());
}
