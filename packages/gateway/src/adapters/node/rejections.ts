import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { requestIdFromValue } from '../../core/request-id.ts';
import type { GatewayErrorCode } from '../../errors/index.ts';

/**
 * JSON refusals the Node server sends itself, before (or instead of) the Hono
 * app: the same `{ error, message, requestId }` body as errorResponse, so a
 * client or a log pipeline never meets an empty 400 or a silent reset.
 */
export interface Refusal {
  status: number;
  code: GatewayErrorCode;
  message: string;
  headers?: Record<string, string>;
}

function body(refusal: Refusal, requestId: string): string {
  return JSON.stringify({ error: refusal.code, message: refusal.message, requestId });
}

/** Answers on a ServerResponse (a parsed request). The caller decides whether the connection stays open. */
export function refuseRequest(incoming: IncomingMessage, outgoing: ServerResponse, refusal: Refusal): void {
  const header = incoming.headers['x-request-id'];
  const requestId = requestIdFromValue(Array.isArray(header) ? header[0] : header);
  const text = body(refusal, requestId);
  outgoing.writeHead(refusal.status, {
    ...refusal.headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-request-id': requestId,
  });
  outgoing.end(text);
}

/**
 * Writes a complete HTTP/1.1 response on a raw socket (parser errors, CONNECT, the
 * connection cap: there is no ServerResponse then) and closes the connection once
 * it is flushed. The request could not be parsed, so the id is always a fresh one.
 */
export function refuseSocket(socket: Duplex, refusal: Refusal): void {
  refusedSockets.add(socket);
  if (socket.destroyed || !socket.writable) {
    socket.destroy();
    return;
  }
  const text = body(refusal, crypto.randomUUID());
  const headers = Object.entries({
    ...refusal.headers,
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
    Connection: 'close',
  })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ''}\r\n${headers}\r\n${text}`);
  // A peer that never reads must not hold the socket open.
  setTimeout(() => socket.destroy(), 2_000).unref();
}

/** Sockets answered by refuseSocket: a request parsed on one afterwards is not handled. */
export const refusedSockets = new WeakSet<Duplex>();

/** Node's `clientError` codes → what the client is told. */
export function refusalForClientError(error: NodeJS.ErrnoException): Refusal | undefined {
  switch (error.code) {
    // The peer is gone: nobody to answer.
    case 'ECONNRESET':
    case 'EPIPE':
      return undefined;
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: 'RequestTimeout', message: 'the request headers (or the request) did not arrive in time' };
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, code: 'RequestHeadersTooLarge', message: 'the request headers exceed the size limit' };
    default:
      // Malformed requests: smuggling attempts (CL + TE, duplicate Content-Length), obs-fold, an HTTP/2 preface…
      return { status: 400, code: 'BadRequest', message: `the request could not be parsed (${error.code ?? 'malformed request'})` };
  }
}
