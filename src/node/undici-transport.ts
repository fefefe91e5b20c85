import { Agent, type Dispatcher } from 'undici';
import type { HttpTransport, OutboundRequest, TransportResponse } from '../invoke/index.ts';

export interface UndiciTransportOptions {
  /** Keep-alive sockets are closed after this long idle (ms). Default 4000, undici's own default. */
  keepAliveTimeout?: number;
  /** Upper bound on sockets per origin; default unbounded, as with the global `fetch`. */
  connections?: number | null;
}

/** An HttpTransport that can also release its sockets (tests, graceful shutdown). */
export interface ClosableTransport extends HttpTransport {
  close(): Promise<void>;
}

/**
 * Node's transport: undici's pooled `request` API on a private Agent.
 *
 * Why not the global `fetch`: on Node it is the gateway's main cost (WHATWG
 * streams, Request/Response objects, per-request spec bookkeeping); undici's
 * `request` sends the same bytes over the same kind of keep-alive pool for a
 * fraction of the CPU (see the README's Benchmark section).
 *
 * Behaves like `fetchTransport` where the pipeline can tell: redirects are
 * returned, not followed; an aborted signal rejects (the pipeline turns that
 * into 504 or 499); any network failure rejects (502). undici's own header and
 * body timeouts (300 s) are disabled so that the backend's `timeoutMs` (up to
 * 15 min), carried by the signal, is the only deadline.
 */
export function createUndiciTransport(options: UndiciTransportOptions = {}): ClosableTransport {
  const agent = new Agent({
    keepAliveTimeout: options.keepAliveTimeout ?? 4_000,
    connections: options.connections ?? null,
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  return {
    send: (request) => send(agent, request),
    close: () => agent.close(),
  };
}

async function send(dispatcher: Dispatcher, { url, method, headers, body, signal }: OutboundRequest): Promise<TransportResponse> {
  const target = splitUrl(url);
  const response = await dispatcher.request({
    origin: target.origin,
    path: target.path,
    method: method as Dispatcher.HttpMethod,
    headers: flatHeaders(headers),
    body,
    signal,
  });
  return {
    status: response.statusCode,
    headers: toHeaders(response.headers),
    // One copy at most (undici concatenates the chunks); aborting `signal` rejects it.
    bytes: () => response.body.bytes(),
  };
}

/**
 * Origin and path of an Invoke URL. A backend's URL never changes, so parsing
 * is cached; the cache is bounded (cleared when full) because URLs come from
 * configuration, which is finite but not ours to size.
 */
const parsedUrls = new Map<string, { origin: string; path: string }>();

function splitUrl(url: string): { origin: string; path: string } {
  let parsed = parsedUrls.get(url);
  if (!parsed) {
    const { origin, pathname, search } = new URL(url);
    parsed = { origin, path: `${pathname}${search}` };
    if (parsedUrls.size >= 256) parsedUrls.clear();
    parsedUrls.set(url, parsed);
  }
  return parsed;
}

/** `Headers` as undici's flat `[name, value, …]` list (iteration keeps each value separate). */
function flatHeaders(headers: Headers): string[] {
  const flat: string[] = [];
  for (const [name, value] of headers) flat.push(name, value);
  return flat;
}

/** undici's header record (repeated headers as arrays) as Fetch `Headers`. */
function toHeaders(record: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const name in record) {
    const value = record[name];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.append(name, value);
  }
  return headers;
}
