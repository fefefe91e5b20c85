/**
 * HTTPS on a traffic port: a node:http2 secure server that offers `h2` by ALPN and still
 * accepts HTTP/1.1 (`allowHTTP1`), with the certificate re-read when its files change (a
 * Kubernetes TLS Secret mounted as a volume is replaced atomically on rotation; polling the
 * files' stat follows the `..data` symlink swap, which fs.watch on the old inode would miss).
 * Several listeners on one port each bring their certificate, chosen by SNI: the exact
 * hostname, then the longest matching wildcard, else the default one (`tls`).
 */
import { readFileSync, unwatchFile, watchFile, type Stats } from 'node:fs';
import { createSecureContext, type SecureContext } from 'node:tls';
import { createSecureServer, type Http2SecureServer, type Http2ServerRequest, type Http2ServerResponse, type Http2Session } from 'node:http2';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { HeaderLinesServerResponse } from './header-lines-response.ts';

/** The certificate chain and key: PEM files (re-read on change) or PEM text (a Secret manifest). */
export type TlsSource = { certFile: string; keyFile: string } | { cert: string; key: string; description?: string };

export interface TlsServerOptions {
  /** The certificate for clients without SNI or whose SNI no `sni` entry matches. */
  tls: TlsSource;
  /** Certificates by listener hostname (exact or `*.` wildcard), chosen by the client's SNI. */
  sni?: ReadonlyArray<{ hostname: string; tls: TlsSource }>;
  /** Called after each reload attempt of the pair in `files`: no error when the new pair is in use, else why the old one stays. */
  onReload?: (error: Error | undefined, files: { certFile: string; keyFile: string }) => void;
  /** How often the files' stat is polled (default 2000 ms). */
  watchIntervalMs?: number;
}

type Listener = (request: IncomingMessage | Http2ServerRequest, response: ServerResponse | Http2ServerResponse) => void;

export interface TlsServer {
  server: Http2SecureServer;
  /** Graceful close, as serveApp's: stop accepting, let requests finish, cut what is left after `graceMs` (`onCut` is told first). */
  close(graceMs: number, onCut?: () => void): Promise<void>;
}

/** Node's HTTP/1.1 limits, which the HTTP/2 server applies to its `allowHTTP1` connections too. */
export interface Http1Limits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxRequestsPerConnection: number;
}

type Pair = { cert: Buffer | string; key: Buffer | string };

/** Reads the pair; a bad pair throws here (tls.createSecureContext validates cert against key). */
function readPair(tls: TlsSource): Pair {
  if ('certFile' in tls) return { cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) };
  return { cert: tls.cert, key: tls.key };
}

/** The same certificate and key bytes. */
function samePair(a: Pair, b: Pair): boolean {
  return Buffer.from(a.cert).equals(Buffer.from(b.cert)) && Buffer.from(a.key).equals(Buffer.from(b.key));
}

export function createTlsServer(listener: Listener, options: TlsServerOptions, limits?: Http1Limits): TlsServer {
  const contexts = new Map<string, SecureContext>();
  // Each pair read once: what is served is what its watcher compares later changes with.
  const defaultPair = readPair(options.tls);
  const sniPairs = (options.sni ?? []).map((entry) => ({ entry, pair: readPair(entry.tls) }));
  for (const { entry, pair } of sniPairs) contexts.set(entry.hostname, createSecureContext(pair));
  const wildcards = () => [...contexts.keys()].filter((name) => name.startsWith('*.')).sort((a, b) => b.length - a.length);
  const server = createSecureServer(
    {
      ...defaultPair,
      allowHTTP1: true,
      // HTTP/1.1 over TLS gets the same response class as plain HTTP (one header line per value).
      Http1ServerResponse: HeaderLinesServerResponse as unknown as typeof ServerResponse,
      ...(contexts.size === 0
        ? {}
        : {
            SNICallback: (servername: string, done: (error: Error | null, context?: SecureContext) => void) => {
              const name = servername.toLowerCase();
              const exact = contexts.get(name);
              const wildcard = exact ? undefined : wildcards().find((pattern) => name.length > pattern.length - 1 && name.endsWith(pattern.slice(1)));
              // Undefined: the default certificate.
              done(null, exact ?? (wildcard === undefined ? undefined : contexts.get(wildcard)));
            },
          }),
    },
    listener as Parameters<typeof createSecureServer>[1],
  );
  if (limits) {
    // Read by Node's HTTP/1 connection handling, which the HTTP/2 server uses for HTTP/1.1 clients.
    const http1 = server as unknown as Record<string, number>;
    http1.headersTimeout = limits.headersTimeoutMs;
    http1.requestTimeout = limits.requestTimeoutMs;
    http1.keepAliveTimeout = limits.keepAliveTimeoutMs;
    http1.maxRequestsPerSocket = limits.maxRequestsPerConnection;
    http1.connectionsCheckingInterval = 1_000;
  }
  const watchers = [
    'certFile' in options.tls ? watchPair(options.tls, defaultPair, options, (pair) => server.setSecureContext(pair)) : () => undefined,
    ...sniPairs.map(({ entry, pair }) =>
      'certFile' in entry.tls ? watchPair(entry.tls, pair, options, (next) => contexts.set(entry.hostname, createSecureContext(next))) : () => undefined,
    ),
  ];
  const stopWatching = () => {
    for (const stop of watchers) stop();
  };

  // Connections, for a graceful close: HTTP/2 sessions get GOAWAY, idle HTTP/1.1 sockets are ended.
  const sessions = new Set<Http2Session>();
  const http1 = new Map<Socket, number>();
  let closing = false;
  server.on('session', (session: Http2Session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  server.on('secureConnection', (socket: Socket) => {
    if ((socket as Socket & { alpnProtocol?: string | false }).alpnProtocol === 'h2') return;
    http1.set(socket, 0);
    socket.once('close', () => http1.delete(socket));
  });
  server.on('request', (request: IncomingMessage | Http2ServerRequest, response: ServerResponse | Http2ServerResponse) => {
    const socket = request.socket as Socket;
    if (!http1.has(socket)) return;
    http1.set(socket, (http1.get(socket) ?? 0) + 1);
    response.once('close', () => {
      const left = (http1.get(socket) ?? 1) - 1;
      http1.set(socket, left);
      if (closing && left === 0) socket.end();
    });
  });

  return {
    server,
    close: (graceMs, onCut) =>
      new Promise<void>((done) => {
        closing = true;
        stopWatching();
        const deadline = setTimeout(() => {
          onCut?.();
          for (const session of sessions) session.destroy();
          for (const socket of http1.keys()) socket.destroy();
        }, graceMs);
        deadline.unref();
        server.close(() => {
          clearTimeout(deadline);
          done();
        });
        for (const session of sessions) session.close();
        for (const [socket, active] of http1) if (active === 0) socket.end();
      }),
  };
}

/** Polls both files; on a change, loads the new pair, or keeps the old one if it does not load (half-rotated). */
function watchPair(files: { certFile: string; keyFile: string }, served: Pair, options: TlsServerOptions, use: (pair: Pair) => void): () => void {
  const interval = options.watchIntervalMs ?? 2000;
  // Each file is polled on its own: a rotation that replaced both is seen twice, and the second
  // look finds the pair already in use (compared by content), so it is loaded and told once.
  let inUse = served;
  const onChange = (current: Stats, previous: Stats) => {
    if (current.mtimeMs === previous.mtimeMs && current.ino === previous.ino && current.size === previous.size) return;
    try {
      const pair = readPair(files);
      if (samePair(pair, inUse)) return;
      use(pair);
      inUse = pair;
      options.onReload?.(undefined, files);
    } catch (error) {
      options.onReload?.(error instanceof Error ? error : new Error(String(error)), files);
    }
  };
  for (const file of [files.certFile, files.keyFile]) watchFile(file, { interval, persistent: false }, onChange);
  return () => {
    for (const file of [files.certFile, files.keyFile]) unwatchFile(file, onChange);
  };
}
