import type { IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import type { Agent as UndiciAgent, Dispatcher } from 'undici';
import {
  ResponseTooLargeError,
  type HttpTransport,
  type OutboundRequest,
  type StreamingTransportResponse,
  type TransportResponse,
} from '../../invoke/index.ts';
import { HeaderList, headerPairs } from '../../aws/sigv4.ts';
import { StreamExchange } from './undici-stream-exchange.ts';

/**
 * undici's Agent alone, not the package entry: `import 'undici'` loads fetch, WebSocket,
 * EventSource, the cache and MockAgent too, about 9 MB more resident memory and ~40 ms more
 * start-up for a process that only dispatches through one Agent (measured on the compiled
 * `serve`, Node 20: 72 → 63 MB at rest). undici has no `exports` map, so the path is public;
 * the version range in package.json keeps it where it is.
 */
const Agent = createRequire(import.meta.url)('undici/lib/dispatcher/agent.js') as typeof UndiciAgent;

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
 * Node's transport: undici's connection pool (an Agent: one pool per origin,
 * keep-alive), driven through its `dispatch` handler API.
 *
 * Why not the global `fetch`: on Node it is the gateway's main cost (WHATWG
 * streams, Request/Response objects, per-request spec bookkeeping). Why not
 * undici's `request()` either: it wraps every response body in a Readable
 * stream that we would only drain into one buffer; the handler below collects
 * the chunks itself (see the README's Benchmark section for the numbers).
 *
 * Behaves like `fetchTransport` where the pipeline can tell: redirects are
 * returned, not followed; an aborted signal rejects at once, before or after
 * the headers (the pipeline turns that into 504 or 499); any network failure
 * rejects (502). undici's own header and body timeouts (300 s) are disabled so
 * that the backend's `timeoutMs` (up to 15 min), carried by the signal, is the
 * only deadline.
 */
export function createUndiciTransport(options: UndiciTransportOptions = {}): ClosableTransport {
  const agent = new Agent({
    keepAliveTimeout: options.keepAliveTimeout ?? 4_000,
    connections: options.connections ?? null,
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  return {
    send: (request) =>
      new Promise<TransportResponse>((resolve, reject) => new Exchange(request.signal, resolve, reject, request.maxResponseBytes).start(agent, request)),
    stream: (request) =>
      new Promise<StreamingTransportResponse>((resolve, reject) => new StreamExchange(request.signal, resolve, reject).start(agent, request)),
    close: () => agent.close(),
  };
}

/**
 * One request/response on the pool: resolves with status and headers as soon
 * as they arrive, buffers the body chunks and hands them over, concatenated
 * once, through `bytes()`. A class rather than closures: one allocation per
 * request on the hot path.
 */
class Exchange implements Dispatcher.DispatchHandler {
  readonly #signal: AbortSignal;
  readonly #resolve: (response: TransportResponse) => void;
  readonly #reject: (error: unknown) => void;
  #controller: Dispatcher.DispatchController | undefined;
  #state: 'headers' | 'body' | 'done' | 'failed' = 'headers';
  #chunks: Buffer[] = [];
  #length = 0;
  #body: Uint8Array | undefined;
  #error: unknown;
  #waiter: { resolve: (body: Uint8Array) => void; reject: (error: unknown) => void } | undefined;
  readonly #onAbort = (): void => this.#fail(this.#signal.reason);
  readonly #maxBytes: number;

  constructor(signal: AbortSignal, resolve: (response: TransportResponse) => void, reject: (error: unknown) => void, maxBytes = Number.POSITIVE_INFINITY) {
    this.#maxBytes = maxBytes;
    this.#signal = signal;
    this.#resolve = resolve;
    this.#reject = reject;
  }

  start(dispatcher: Dispatcher, request: OutboundRequest): void {
    dispatchExchange(dispatcher, request, this, { signal: this.#signal, onAbort: this.#onAbort, reject: this.#reject, fail: (error) => this.#fail(error) });
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    // Aborted while queued for a socket: stop it now that it can be stopped.
    if (this.#state === 'failed') controller.abort(this.#error as Error);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    if (this.#state !== 'headers') return;
    if (Number(headers['content-length']) > this.#maxBytes) {
      this.#fail(new ResponseTooLargeError(this.#maxBytes));
      return;
    }
    this.#state = 'body';
    this.#resolve({ status: statusCode, headers: HeaderList.fromRecord(headers), bytes: () => this.#bytes() });
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#state !== 'body') return;
    this.#length += chunk.byteLength;
    if (this.#length > this.#maxBytes) {
      this.#fail(new ResponseTooLargeError(this.#maxBytes));
      return;
    }
    this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.#state !== 'body') return;
    this.#state = 'done';
    this.#signal.removeEventListener('abort', this.#onAbort);
    this.#body = this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks, this.#length);
    this.#chunks = [];
    this.#waiter?.resolve(this.#body);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.#fail(error);
  }

  #fail(error: unknown): void {
    if (this.#state === 'done' || this.#state === 'failed') return;
    const before = this.#state;
    this.#state = 'failed';
    this.#error = error;
    this.#chunks = [];
    this.#signal.removeEventListener('abort', this.#onAbort);
    if (this.#controller && !this.#controller.aborted) this.#controller.abort(error as Error);
    if (before === 'headers') this.#reject(error);
    else this.#waiter?.reject(error);
  }

  #bytes(): Promise<Uint8Array> {
    if (this.#state === 'done') return Promise.resolve(this.#body!);
    if (this.#state === 'failed') return Promise.reject(this.#error);
    return new Promise((resolve, reject) => {
      this.#waiter = { resolve, reject };
    });
  }
}

/**
 * Starts one exchange on the pool, for both handlers (buffered Exchange, StreamExchange):
 * a request whose signal is already aborted is rejected without being sent; otherwise
 * the abort listener is armed and the request dispatched, a synchronous dispatch error
 * failing the exchange like any later one.
 */
export function dispatchExchange(
  dispatcher: Dispatcher,
  { url, method, headers, body }: OutboundRequest,
  handler: Dispatcher.DispatchHandler,
  hooks: { signal: AbortSignal; onAbort: () => void; reject: (error: unknown) => void; fail: (error: unknown) => void },
): void {
  if (hooks.signal.aborted) {
    hooks.reject(hooks.signal.reason);
    return;
  }
  hooks.signal.addEventListener('abort', hooks.onAbort, { once: true });
  const target = splitUrl(url);
  try {
    dispatcher.dispatch({ origin: target.origin, path: target.path, method: method as Dispatcher.HttpMethod, headers: headerPairs(headers), body }, handler);
  } catch (error) {
    hooks.fail(error);
  }
}

/**
 * Origin and path of an Invoke URL. A backend's URL never changes, so parsing
 * is cached; the cache is bounded (cleared when full) because URLs come from
 * configuration, which is finite but not ours to size.
 */
const parsedUrls = new Map<string, { origin: string; path: string }>();

export function splitUrl(url: string): { origin: string; path: string } {
  let parsed = parsedUrls.get(url);
  if (!parsed) {
    const { origin, pathname, search } = new URL(url);
    parsed = { origin, path: `${pathname}${search}` };
    if (parsedUrls.size >= 256) parsedUrls.clear();
    parsedUrls.set(url, parsed);
  }
  return parsed;
}

/** undici's parsed header record (repeated headers as arrays) as Fetch `Headers`. */
export function toHeaders(record: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const name in record) {
    const value = record[name];
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.append(name, value);
  }
  return headers;
}
