/** A request ready for the wire: already signed, body fully in memory (≤ Lambda's limit). */
export interface OutboundRequest {
  url: string;
  method: string;
  headers: Headers;
  body: Uint8Array;
  signal: AbortSignal;
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
  async send({ url, method, headers, body, signal }) {
    // Our buffers are always ArrayBuffer-backed; the cast only narrows the generic for the DOM typings.
    const response = await fetch(url, { method, headers, body: body as Uint8Array<ArrayBuffer>, signal, redirect: 'manual' });
    return {
      status: response.status,
      headers: response.headers,
      bytes: async () => new Uint8Array(await response.arrayBuffer()),
    };
  },
};
