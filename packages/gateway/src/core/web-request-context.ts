import { readBodyWithLimit } from '../invoke/index.ts';
import type { RequestContext } from './platform.ts';

/**
 * A request context from the Web `Request` alone, for runtimes (or calls such
 * as `app.request()`) that offer nothing more: the body read as a Web stream
 * within the limit, the client going away through `request.signal`.
 *
 * @param peerAddress the client address, when the caller knows it
 */
export function webRequestContext(request: Request, peerAddress?: string): RequestContext {
  return { readBody: (limit) => readBodyWithLimit(request, limit), peerAddress };
}
