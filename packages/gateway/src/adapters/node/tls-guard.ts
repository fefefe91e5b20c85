/**
 * The request guard on the HTTPS server: HTTP/1.1 over TLS gets exactly the plain HTTP server's
 * RequestGuard (drain `Connection: close`, header count, in-flight limit, body rate, discarding
 * refused bodies); an HTTP/2 stream, whose connection headers HTTP/2 forbids and whose body and
 * flow control Node's HTTP/2 session handles, gets the in-flight limit and count (the drain
 * waits for it and counts it when cut) and health-path exemption.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Http2SecureServer, Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import type { TLSSocket } from 'node:tls';
import { refuseRequest, refuseSocket } from './rejections.ts';
import type { RequestGuard } from './request-guard.ts';
import type { ServerLimits } from './server-limits.ts';

type AnyListener = (request: IncomingMessage | Http2ServerRequest, response: ServerResponse | Http2ServerResponse) => void;

export function guardTlsListener(listener: RequestListener, guard: RequestGuard, limits: ServerLimits): AnyListener {
  const http1 = guard.wrap(listener);
  return (request, response) => {
    if (request.httpVersionMajor === 1) return http1(request as IncomingMessage, response as ServerResponse);
    if (guard.probeAt(request.url) === undefined && guard.inFlight >= limits.maxInFlight) {
      refuseRequest(request as unknown as IncomingMessage, response as unknown as ServerResponse, {
        status: 503,
        code: 'Overloaded',
        message: `the gateway is handling its limit of ${limits.maxInFlight} requests`,
        headers: { 'retry-after': '1' },
      });
      return;
    }
    guard.inFlight++;
    response.once('close', () => guard.inFlight--);
    listener(request as unknown as IncomingMessage, response as unknown as ServerResponse);
  };
}

/**
 * `--max-connections` on the HTTPS server, counted once the TLS handshake is done (before it
 * there is nobody to answer): over the cap, an HTTP/1.1 connection gets the plain server's JSON
 * 503 and is closed; an HTTP/2 one (whose framing a raw answer would break) is closed at once.
 */
export function capTlsConnections(server: Http2SecureServer, maxConnections: number): void {
  let open = 0;
  server.on('secureConnection', (socket: TLSSocket) => {
    if (open >= maxConnections) {
      if (socket.alpnProtocol === 'h2') socket.destroy();
      else {
        refuseSocket(socket, {
          status: 503,
          code: 'Overloaded',
          message: `the gateway has its limit of ${maxConnections} connections open`,
          headers: { 'Retry-After': '1' },
        });
      }
      return;
    }
    open++;
    socket.once('close', () => open--);
  });
}
