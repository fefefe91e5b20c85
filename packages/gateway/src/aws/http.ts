import { readStreamWithin } from '../invoke/body-limit.ts';
/** A request ready for the wire: already signed, body fully in memory (≤ Lambda's limit). */
export interface OutboundRequest {
  url: string;
  method: string;
  headers: Headers;
  body: Uint8Array;
  signal: AbortSignal;
  /**
   * Largest response body accepted; past it the exchange is aborted with
   * ResponseTooLargeError. The endpoint is configurable (emulators, proxies),
   * so Lambda's own 6 MB cap cannot be relied on to bound our memory.
   */
  maxResponseBytes?: number | undefined;
}

/** The response body was larger than `maxResponseBytes`; the exchange was aborted. */
export class ResponseTooLargeError extends Error {
  readonly limit: number;

  constructor(limit: number) {
    super(`response body larger than ${limit} bytes`);
    this.name = 'ResponseTooLargeError';
    this.limit = limit;
  }
}

/** The wire response. `bytes()` may be called once. */
export interface TransportResponse {
  status: number;
  headers: Headers;
  bytes(): Promise<Uint8Array>;
}

/**
 * Sends signed requests. One small interface so each runtime can use its
 * fastest client (Web `fetch` everywhere; a pooled client on Node) while
 * signing, mapping and envelopes stay identical.
 */
export interface HttpTransport {
  send(request: OutboundRequest): Promise<TransportResponse>;
}

/** The Web-standard transport: global `fetch`. Works in every runtime. */
export const fetchTransport: HttpTransport = {
  async send({ url, method, headers, body, signal, maxResponseBytes }) {
    // Our buffers are always ArrayBuffer-backed; the cast only narrows the generic for the DOM typings.
    const response = await fetch(url, { method, headers, body: body as Uint8Array<ArrayBuffer>, signal, redirect: 'manual' });
    return {
      status: response.status,
      headers: response.headers,
      bytes: () => (maxResponseBytes === undefined ? response.arrayBuffer().then((buffer) => new Uint8Array(buffer)) : readAtMost(response, maxResponseBytes)),
    };
  },
};

/** The whole body, or ResponseTooLargeError as soon as it (declared or streamed) passes `limit`. */
async function readAtMost(response: Response, limit: number): Promise<Uint8Array> {
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(limit);
  }
  if (!response.body) return new Uint8Array(0);
  const body = await readStreamWithin(response.body, limit);
  if (!body) throw new ResponseTooLargeError(limit);
  return body;
}
