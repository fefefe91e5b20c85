/**
 * The SNI name a request's TLS connection was opened with, from the `env` @hono/node-server
 * passes to `fetch` (`{ incoming }`): `socket.servername` of the TLSSocket; for HTTP/2 the
 * request's `socket` is Node's proxy to the session's TLSSocket, which forwards the read.
 * Undefined for plain HTTP, and for TLS clients that sent no SNI (an IP address).
 */
import type { TLSSocket } from 'node:tls';

export function tlsServerName(env: unknown): string | undefined {
  const incoming = (env as { incoming?: { socket?: Partial<TLSSocket> } } | undefined)?.incoming;
  const name = incoming?.socket?.servername;
  return typeof name === 'string' && name !== '' ? name.toLowerCase() : undefined;
}
