import { IncomingMessage, ServerResponse } from 'node:http';
import { webRequestContext, type RequestContext } from '../../core/index.ts';
import { readBodyWithLimit, type ClientGone } from '../../invoke/index.ts';
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
  return {
    // Read already (a middleware consumed the body through `request`): the Web stream has it.
    readBody: (limit, signed) => (incoming.readableDidRead ? readBodyWithLimit(request, limit) : readIncomingBody(incoming, limit, signed)),
    clientGone: responseClosed(outgoing),
    // Not `getConnInfo` from '@hono/node-server/conninfo': it needs Hono's Context (the
    // platform is built without Hono) and throws when `incoming` is absent; it reads this same field.
    peerAddress: incoming.socket.remoteAddress,
    rawHeaders: incoming.rawHeaders,
    keepHeaderLines: (lines) => keepHeaderLinesFor(outgoing, lines),
    coalesceFirstWrites: () => holdWritesThisTurn(outgoing),
  };
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
function responseClosed(outgoing: ServerResponse): ClientGone {
  return (onGone) => {
    if (outgoing.closed || outgoing.destroyed) {
      if (!outgoing.writableFinished) onGone();
      return () => undefined;
    }
    const onClose = () => {
      if (!outgoing.writableFinished) onGone();
    };
    outgoing.once('close', onClose);
    return () => outgoing.off('close', onClose);
  };
}
