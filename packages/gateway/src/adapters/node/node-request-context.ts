import { IncomingMessage, ServerResponse } from 'node:http';
import { webRequestContext, type RequestContext } from '../../core/index.ts';
import { readBodyWithLimit, type ClientGone } from '../../invoke/index.ts';
import type { HeaderLines } from '../../payload/index.ts';
import { keepHeaderLinesFor } from './header-lines-response.ts';
import { readIncomingBody } from './incoming-body.ts';

/**
 * A request's context on Node, from the bindings @hono/node-server hands to
 * Hono (`c.env` = `{ incoming, outgoing }`): the body straight from the
 * IncomingMessage, the client going away from the response's `close`, the TCP
 * peer and the raw header pairs. Without those bindings (`app.request()` in
 * tests, an app under another server) the Web `Request` alone is used.
 */
export function nodeRequestContext(request: Request, bindings: unknown): RequestContext {
  const node = typeof bindings === 'object' && bindings !== null && 'incoming' in bindings && 'outgoing' in bindings ? bindings : undefined;
  const incoming = node?.incoming;
  const outgoing = node?.outgoing;
  // HTTP/1 only (what serveApp runs); HTTP/2 bindings go the Web way.
  if (!(incoming instanceof IncomingMessage) || !(outgoing instanceof ServerResponse)) return webRequestContext(request);
  return new NodeRequestContext(request, incoming, outgoing);
}

/** A class, not an object of closures: one allocation per request on the hot path. */
class NodeRequestContext implements RequestContext {
  readonly #request: Request;
  readonly #incoming: IncomingMessage;
  readonly #outgoing: ServerResponse;
  readonly peerAddress: string | undefined;
  readonly rawHeaders: readonly string[];

  constructor(request: Request, incoming: IncomingMessage, outgoing: ServerResponse) {
    this.#request = request;
    this.#incoming = incoming;
    this.#outgoing = outgoing;
    // Not `getConnInfo` from '@hono/node-server/conninfo': it needs Hono's Context (the
    // platform is built without Hono) and throws when `incoming` is absent; it reads this same field.
    this.peerAddress = incoming.socket.remoteAddress;
    this.rawHeaders = incoming.rawHeaders;
  }

  readBody(limit: number, signed?: boolean): Promise<Uint8Array> {
    // Read already (a middleware consumed the body through `request`): the Web stream has it.
    return this.#incoming.readableDidRead ? readBodyWithLimit(this.#request, limit) : readIncomingBody(this.#incoming, limit, signed);
  }

  keepHeaderLines(lines: HeaderLines): void {
    keepHeaderLinesFor(this.#outgoing, lines);
  }

  coalesceFirstWrites(): void {
    holdWritesThisTurn(this.#outgoing);
  }

  /**
   * On the response's `close`: emitted on the next ticks after `end()` when the socket took the
   * write at once (small answers: before this process reads any other socket, so a client in
   * the same process finds the log line written), after the last byte otherwise, and when the
   * client went away first. One plain listener; the response is dropped after it.
   */
  afterResponse(task: () => void): void {
    const outgoing = this.#outgoing;
    if (outgoing.closed) task();
    else outgoing.on('close', task);
  }

  // The one closure: the pipeline hands it on to the invocation, which calls it unbound.
  readonly clientGone: ClientGone = (onGone) => whenResponseCloses(this.#outgoing, onGone);
}

/**
 * Corks the response's socket until the next tick: @hono/node-server flushes a
 * streamed response's headers at once, a write of their own, and writes the
 * first chunk a few microtasks later; corked, both leave in one write (about
 * 20 % fewer write calls per read on the streaming bench's TTFB loop, by
 * strace). Node's own `write` corks the same way until the next tick.
 */
function holdWritesThisTurn(outgoing: ServerResponse): void {
  const socket = outgoing.socket;
  if (!socket || socket.destroyed) return;
  socket.cork();
  process.nextTick(() => socket.uncork());
}

/**
 * The client went away: the response closed before it was fully written. An
 * EventEmitter listener instead of `request.signal`, whose AbortController
 * costs measurably more per request.
 */
function whenResponseCloses(outgoing: ServerResponse, onGone: () => void): () => void {
  if (outgoing.closed || outgoing.destroyed) {
    if (!outgoing.writableFinished) onGone();
    return () => undefined;
  }
  const onClose = () => {
    if (!outgoing.writableFinished) onGone();
  };
  outgoing.once('close', onClose);
  return () => outgoing.off('close', onClose);
}
