import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { createServer, type Server } from 'node:http';
import type { Http2SecureServer } from 'node:http2';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { refuseSocket, refusalForClientError } from './rejections.ts';
import { RequestGuard } from './request-guard.ts';
import { defaultServerLimits, type ServerLimits } from './server-limits.ts';
import { drainServer, type DrainOptions, type DrainResult } from './drain.ts';
import { badRequestResponse } from './bad-request.ts';
import { HeaderLinesServerResponse } from './header-lines-response.ts';
import { createTlsServer, type TlsServerOptions } from './tls-server.ts';
import { capTlsConnections, guardTlsListener } from './tls-guard.ts';

export interface RunningServer {
  url: string;
  port: number;
  /**
   * Stops accepting connections, closes idle keep-alive connections, lets
   * requests in flight finish (their connections close once answered), and
   * after `graceMs` (default 20 s) cuts whatever is still open.
   */
  close(graceMs?: number): Promise<void>;
  /** The SIGTERM sequence (drain.ts): readiness fails, serve on for the drain delay, then close. */
  drain(options: DrainOptions): Promise<DrainResult>;
}

/** Below Kubernetes' default 30 s termination grace period, so the pod exits on its own. */
const DEFAULT_GRACE_MS = 20_000;
/** How often Node checks headersTimeout/requestTimeout (its default, 30 s, let trickles live 3× longer). */
const CONNECTIONS_CHECKING_INTERVAL_MS = 1_000;

export interface ServeOptions {
  port: number;
  host: string;
  /** Defaults: defaultServerLimits() (each documented in server-limits.ts and the README). */
  limits?: Partial<ServerLimits> | undefined;
  /** HTTPS on this port (certificate and key files, re-read on change); absent: plain HTTP. */
  tls?: TlsServerOptions | undefined;
  /** Share one guard between the servers of one process (several listener ports): one in-flight limit, one drain. */
  guard?: RequestGuard | undefined;
}

/**
 * Serves a Hono app on Node. Resolves once listening; `port: 0` picks a free
 * port. See RunningServer.close for shutdown: a rollout must not reset
 * requests whose function is already running (a retried request could run it twice).
 */
export function serveApp(app: Pick<Hono, 'fetch'>, options: ServeOptions): Promise<RunningServer> {
  const limits: ServerLimits = { ...defaultServerLimits(), ...options.limits };
  const guard = options.guard ?? new RequestGuard(limits);
  // @hono/node-server's listener on a node:http server we create: the same as its `serve()`,
  // with the server typed as what it is (serve() returns an HTTP/1-or-2 union). Its own body
  // cleanup (drain 500 ms, then destroy) is off: RequestGuard reads the rest within a bound.
  const listener = getRequestListener(app.fetch, { hostname: options.host, autoCleanupIncoming: false, errorHandler: badRequestResponse });
  // HTTPS (tls-server.ts): HTTP/2 by ALPN, HTTP/1.1 still accepted; its own graceful close. The
  // guard and the connection cap (tls-guard.ts), Node's HTTP/1 timeouts and the JSON answers to
  // unparsable HTTP/1.1 requests apply (README "HTTPS").
  const tls = options.tls ? createTlsServer(guardTlsListener(listener, guard, limits), options.tls, limits) : undefined;
  if (tls) {
    capTlsConnections(tls.server, limits.maxConnections);
    // Its HTTP/1.1 connections go through Node's HTTP/1 parser, whose errors it emits here too.
    answerMalformedRequests(tls.server);
  }
  // HeaderLinesServerResponse: a function's repeated response headers go out one line per value.
  const http = tls
    ? undefined
    : createServer(
        {
          ServerResponse: HeaderLinesServerResponse,
          maxHeaderSize: limits.maxHeaderBytes,
          headersTimeout: limits.headersTimeoutMs,
          requestTimeout: limits.requestTimeoutMs,
          connectionsCheckingInterval: CONNECTIONS_CHECKING_INTERVAL_MS,
        },
        guard.wrap(listener),
      );
  if (http) applyConnectionLimits(http, limits);
  const server = tls?.server ?? http!;
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
          closeTls(tls, guard, graceMs) ??
          new Promise<void>((done) => {
            // Connections of requests in flight close after their response instead of idling on.
            guard.beginDrain();
            const deadline = setTimeout(() => (server as ReturnType<typeof createServer>).closeAllConnections(), graceMs);
            deadline.unref();
            server.close(() => {
              clearTimeout(deadline);
              done();
            });
            (server as ReturnType<typeof createServer>).closeIdleConnections();
          }),
        drain: (drainOptions) => (http ? drainServer(http, guard, drainOptions) : drainTls(tls!, guard, drainOptions)),
      });
    });
  });
}

/** The HTTPS server's graceful close, HTTP/1.1 responses told `Connection: close` from now on; undefined for plain HTTP. */
function closeTls(tls: { close(graceMs: number): Promise<void> } | undefined, guard: RequestGuard, graceMs: number): Promise<void> | undefined {
  if (!tls) return undefined;
  guard.beginDrain();
  return tls.close(graceMs);
}

/**
 * The drain sequence for the HTTPS server: HTTP/1.1 responses carry `Connection: close` from the
 * signal on (the guard), serve on for the drain delay, then its graceful close (GOAWAY to HTTP/2
 * sessions) within what is left of the shutdown timeout; requests still running then are cut and counted.
 */
async function drainTls(tls: { close(graceMs: number, onCut?: () => void): Promise<void> }, guard: RequestGuard, options: DrainOptions): Promise<DrainResult> {
  const started = Date.now();
  const drainDelayMs = Math.min(Math.max(0, options.drainDelayMs), options.shutdownTimeoutMs);
  guard.beginDrain();
  options.onPhase?.('draining', { drainDelayMs, shutdownTimeoutMs: options.shutdownTimeoutMs, inFlight: guard.inFlight });
  await new Promise((resolve) => setTimeout(resolve, drainDelayMs));
  options.onPhase?.('closing', { inFlight: guard.inFlight });
  let cut = 0;
  await tls.close(Math.max(0, options.shutdownTimeoutMs - (Date.now() - started)), () => {
    cut = guard.inFlight;
  });
  return { cut };
}

/** Keep-alive, header count, the connection cap, and JSON answers where Node would answer nothing or an empty 400. */
function applyConnectionLimits(server: Server, limits: ServerLimits): void {
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxRequestsPerSocket = limits.maxRequestsPerConnection;
  // No count limit in Node's parser: RequestGuard counts `rawHeaders` and answers a JSON 431 that
  // echoes the request id. Past its own maxHeadersCount Node 20 drops headers silently and Node 24
  // fails the parse (a bare clientError with no request to read the id from); the header size
  // limit (--max-header-size) still bounds how many can arrive.
  server.maxHeadersCount = 0;
  let open = 0;
  server.on('connection', (socket: Socket) => {
    if (open >= limits.maxConnections) {
      // Not Node's maxConnections, which resets the socket without a word.
      refuseSocket(socket, {
        status: 503,
        code: 'Overloaded',
        message: `the gateway has its limit of ${limits.maxConnections} connections open`,
        headers: { 'Retry-After': '1' },
      });
      return;
    }
    open++;
    socket.once('close', () => open--);
  });
  answerMalformedRequests(server);
}

/**
 * JSON answers where Node's HTTP/1 parser would answer an empty 400 or nothing: an unparsable
 * request (431 too-large headers, 408 timeouts, 400 otherwise) and CONNECT. On the plain server
 * and on the HTTPS server's HTTP/1.1 connections (HTTP/2 has its own framing errors).
 */
function answerMalformedRequests(server: Server | Http2SecureServer): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const refusal = refusalForClientError(error);
    if (refusal) refuseSocket(socket, refusal);
    else socket.destroy();
  });
  server.on('connect', (_request: unknown, socket: Duplex) => {
    refuseSocket(socket, { status: 405, code: 'MethodNotAllowed', message: 'CONNECT is not supported: this is a gateway, not a forward proxy' });
  });
}
