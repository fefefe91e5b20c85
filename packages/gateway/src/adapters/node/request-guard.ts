import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { resolveHealthPaths, type HealthPaths } from '../../core/index.ts';
import { unwatchBody, watchBodyRate } from './body-rate.ts';
import { refuseRequest, refusedSockets } from './rejections.ts';
import type { ServerLimits } from './server-limits.ts';

/** How often a discarded body's size is checked against its bound. */
const DISCARD_CHECK_MS = 50;

/**
 * What the server does around the Hono listener for each request: drain
 * (readiness fails, `Connection: close`), header count, the in-flight limit,
 * the minimum body rate, and reading what is left of a refused body so the
 * client reads the refusal instead of a reset.
 */
export class RequestGuard {
  draining = false;
  inFlight = 0;
  /** Responses not yet started: told `Connection: close` when the drain begins. */
  private readonly pending = new Set<ServerResponse>();
  /** The traffic port's probe paths, where they are (`--healthz-path`, `--readyz-path`): never shed. */
  private readonly probePaths: ReadonlySet<string>;
  private readonly readyzPath: string | false;

  /** `healthPaths`: the same as the gateway's (CreateGatewayOptions.healthPaths); default `/healthz` and `/readyz`. */
  constructor(
    private readonly limits: ServerLimits,
    healthPaths?: HealthPaths,
  ) {
    const { readyz, served } = resolveHealthPaths(healthPaths);
    this.probePaths = new Set(served);
    this.readyzPath = readyz;
  }

  /** The path of a request target (to its `?`) when the traffic port answers a probe there (never shed), else undefined. */
  probeAt(target: string | undefined): string | undefined {
    const path = pathOf(target);
    return this.probePaths.has(path) ? path : undefined;
  }

  wrap(listener: RequestListener): RequestListener {
    return (incoming, outgoing) => this.handle(incoming, outgoing, listener);
  }

  /** From the first response after the signal on, every connection closes after its response. */
  beginDrain(): void {
    this.draining = true;
    for (const outgoing of this.pending) if (!outgoing.headersSent) outgoing.setHeader('connection', 'close');
  }

  private handle(incoming: IncomingMessage, outgoing: ServerResponse, listener: RequestListener): void {
    // Already answered (the connection cap) and closing.
    if (refusedSockets.has(incoming.socket)) return;
    // The connection's last request (--max-requests-per-connection): Node says `Connection: close`
    // but keeps the socket open for a client that ignores it, and answers what follows with empty
    // 503s. Set explicitly, the header makes Node close the socket once this response is sent.
    if (this.draining || (outgoing as { maxRequestsOnConnectionReached?: boolean }).maxRequestsOnConnectionReached) {
      outgoing.setHeader('connection', 'close');
    }
    // `on`, not `once`: each fires once per response, and the response is dropped after it (a
    // `once` wrapper per listener, and its removal when it fires, cost per request for nothing).
    outgoing.on('finish', () => this.discardRest(incoming));
    if (hasBody(incoming)) {
      watchBodyRate(incoming, { minBytesPerSecond: this.limits.minBodyBytesPerSecond, graceMs: this.limits.bodyRateGraceMs }, () => {
        if (!outgoing.headersSent) outgoing.setHeader('connection', 'close');
      });
    }
    // The probes are never shed: the kubelet must still see the pod. A path left to the routes is a route.
    const probe = this.probeAt(incoming.url);
    if (probe !== undefined) {
      // Fails at once on the signal, so endpoint removal starts while requests are still served.
      if (this.draining && probe === this.readyzPath) respondDraining(outgoing);
      else listener(incoming, outgoing);
      return;
    }
    if (incoming.rawHeaders.length / 2 > this.limits.maxHeaders) {
      outgoing.setHeader('connection', 'close');
      refuseRequest(incoming, outgoing, {
        status: 431,
        code: 'RequestHeadersTooLarge',
        message: `the request has more than ${this.limits.maxHeaders} headers`,
      });
      return;
    }
    if (this.inFlight >= this.limits.maxInFlight) {
      // Before the body is read: a shed request costs no buffer (discardRest reads and drops it).
      refuseRequest(incoming, outgoing, {
        status: 503,
        code: 'Overloaded',
        message: `the gateway is handling its limit of ${this.limits.maxInFlight} requests`,
        headers: { 'retry-after': '1' },
      });
      return;
    }
    this.inFlight++;
    // Left in `pending` until it closes: beginDrain skips responses whose headers are sent, so
    // one listener per request does (a `prefinish` one as well measurably cost CPU under load).
    this.pending.add(outgoing);
    outgoing.on('close', () => {
      this.inFlight--;
      this.pending.delete(outgoing);
    });
    listener(incoming, outgoing);
  }

  /**
   * A response sent before its body was read (413, 503, 404 on a POST): read and
   * drop the rest, up to `discardBodyBytes`, so the client finishes sending and
   * reads the answer. Closing at once would reset the connection under a client
   * still writing (Node's http client then reports EPIPE, not the 413).
   */
  private discardRest(incoming: IncomingMessage): void {
    unwatchBody(incoming);
    if (incoming.complete || incoming.destroyed) return;
    // Counted on the socket: Node may already be dumping the body itself (nobody read it).
    const socket = incoming.socket;
    // `Connection: close` (the client's, a drain's, a refusal's): Node has half-closed the socket
    // and destroys it once the answer is flushed, resetting a client still sending. Keep the read
    // side open instead (a half-close) until the body is discarded.
    const halfClosed = socket.writableEnded && socket.listeners('finish').includes(socket.destroy);
    if (halfClosed) socket.removeListener('finish', socket.destroy);
    const bound = socket.bytesRead + this.limits.discardBodyBytes;
    const timer = setInterval(() => {
      if (incoming.complete || socket.destroyed) {
        clearInterval(timer);
        if (halfClosed) socket.destroy();
        return;
      }
      if (socket.bytesRead > bound) {
        clearInterval(timer);
        socket.destroy();
      }
    }, DISCARD_CHECK_MS);
    timer.unref();
    incoming.resume();
  }
}

function hasBody(incoming: IncomingMessage): boolean {
  const length = incoming.headers['content-length'];
  return (length !== undefined && length !== '0') || incoming.headers['transfer-encoding'] !== undefined;
}

function pathOf(url: string | undefined): string {
  if (!url) return '';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function respondDraining(outgoing: ServerResponse): void {
  const text = JSON.stringify({ status: 'draining' });
  outgoing.writeHead(503, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), connection: 'close' });
  outgoing.end(text);
}
