/**
 * HTTPS on the traffic port: a node:http2 secure server that offers `h2` by ALPN and still
 * accepts HTTP/1.1 (`allowHTTP1`), with the certificate re-read when its files change (a
 * Kubernetes TLS Secret mounted as a volume is replaced atomically on rotation; polling the
 * files' stat follows the `..data` symlink swap, which fs.watch on the old inode would miss).
 */
import { readFileSync, unwatchFile, watchFile, type Stats } from 'node:fs';
import { createSecureServer, type Http2SecureServer, type Http2ServerRequest, type Http2ServerResponse, type Http2Session } from 'node:http2';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { HeaderLinesServerResponse } from './header-lines-response.ts';

/** The certificate chain and key: PEM files (re-read on change) or PEM text (a Secret manifest). */
export type TlsSource = { certFile: string; keyFile: string } | { cert: string; key: string; description?: string };

export interface TlsServerOptions {
  tls: TlsSource;
  /** Called after each reload attempt: no error when the new pair is in use, else why the old one stays. */
  onReload?: (error: Error | undefined) => void;
  /** How often the files' stat is polled (default 2000 ms). */
  watchIntervalMs?: number;
}

type Listener = (request: IncomingMessage | Http2ServerRequest, response: ServerResponse | Http2ServerResponse) => void;

export interface TlsServer {
  server: Http2SecureServer;
  /** Graceful close, as serveApp's: stop accepting, let requests finish, cut what is left after `graceMs`. */
  close(graceMs: number): Promise<void>;
}

/** Reads the pair; a bad pair throws here (tls.createSecureContext validates cert against key). */
function readPair(tls: TlsSource): { cert: Buffer | string; key: Buffer | string } {
  if ('certFile' in tls) return { cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) };
  return { cert: tls.cert, key: tls.key };
}

export function createTlsServer(listener: Listener, options: TlsServerOptions): TlsServer {
  const server = createSecureServer(
    {
      ...readPair(options.tls),
      allowHTTP1: true,
      // HTTP/1.1 over TLS gets the same response class as plain HTTP (one header line per value).
      Http1ServerResponse: HeaderLinesServerResponse as unknown as typeof ServerResponse,
    },
    listener as Parameters<typeof createSecureServer>[1],
  );
  const stopWatching = 'certFile' in options.tls ? watchPair(server, options.tls, options) : () => undefined;

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
    close: (graceMs) =>
      new Promise<void>((done) => {
        closing = true;
        stopWatching();
        const deadline = setTimeout(() => {
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
function watchPair(server: Http2SecureServer, files: { certFile: string; keyFile: string }, options: TlsServerOptions): () => void {
  const interval = options.watchIntervalMs ?? 2000;
  const onChange = (current: Stats, previous: Stats) => {
    if (current.mtimeMs === previous.mtimeMs && current.ino === previous.ino && current.size === previous.size) return;
    try {
      server.setSecureContext(readPair(files));
      options.onReload?.(undefined);
    } catch (error) {
      options.onReload?.(error instanceof Error ? error : new Error(String(error)));
    }
  };
  for (const file of [files.certFile, files.keyFile]) watchFile(file, { interval, persistent: false }, onChange);
  return () => {
    for (const file of [files.certFile, files.keyFile]) unwatchFile(file, onChange);
  };
}
