import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AddressInfo } from 'node:net';

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
export function serveApp(app: Hono, options: { port: number; host: string }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${info.port}`,
        port: info.port,
        close: (graceMs = DEFAULT_GRACE_MS) =>
          new Promise<void>((done) => {
            const http = server as unknown as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
            const deadline = setTimeout(() => http.closeAllConnections?.(), graceMs);
            deadline.unref();
            server.close(() => {
              clearTimeout(deadline);
              done();
            });
            http.closeIdleConnections?.();
          }),
      });
    });
    server.once('error', reject);
  });
}
