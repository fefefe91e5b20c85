import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { createServer } from 'node:http';
import { HeaderLinesServerResponse } from './header-lines-response.ts';
import { createTlsServer, type TlsServerOptions } from './tls-server.ts';

export interface RunningServer {
  url: string;
  port: number;
  /**
   * Stops accepting connections, closes idle keep-alive connections, lets
   * requests in flight finish (their connections close once answered), and
   * after `graceMs` (default 20 s) cuts whatever is still open.
   */
  close(graceMs?: number): Promise<void>;
}

/** Below Kubernetes' default 30 s termination grace period, so the pod exits on its own. */
const DEFAULT_GRACE_MS = 20_000;

/**
 * Serves a Hono app on Node. Resolves once listening; `port: 0` picks a free
 * port. See RunningServer.close for shutdown: a rollout must not reset
 * requests whose function is already running (a retried request could run it twice).
 */
export function serveApp(app: Hono, options: { port: number; host: string; tls?: TlsServerOptions | undefined }): Promise<RunningServer> {
  // @hono/node-server's listener on a node:http server we create: the same as its `serve()`,
  // with the server typed as what it is (serve() returns an HTTP/1-or-2 union).
  // HeaderLinesServerResponse: a function's repeated response headers go out one line per value.
  const listener = getRequestListener(app.fetch, { hostname: options.host });
  // HTTPS (tls-server.ts): HTTP/2 by ALPN, HTTP/1.1 still accepted; its own graceful close.
  const tls = options.tls ? createTlsServer(listener, options.tls) : undefined;
  const server = tls?.server ?? createServer({ ServerResponse: HeaderLinesServerResponse }, listener);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const info = server.address();
      if (info === null || typeof info === 'string') return reject(new Error('the server is not listening on a TCP port'));
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `${tls ? 'https' : 'http'}://${host === '0.0.0.0' ? '127.0.0.1' : host}:${info.port}`,
        port: info.port,
        close: (graceMs = DEFAULT_GRACE_MS) =>
          tls?.close(graceMs) ??
          new Promise<void>((done) => {
            const deadline = setTimeout(() => (server as ReturnType<typeof createServer>).closeAllConnections(), graceMs);
            deadline.unref();
            server.close(() => {
              clearTimeout(deadline);
              done();
            });
            (server as ReturnType<typeof createServer>).closeIdleConnections();
          }),
      });
    });
  });
}
