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
  /**
   * Optional: the same exchange with the body as a stream, pulled with
   * backpressure (response streaming). Resolves at the headers; the body
   * errors on abort or a network failure. Absent: callers use `fetch`.
   */
  stream?(request: OutboundRequest): Promise<StreamingTransportResponse>;
}

/** A response whose body is read as it arrives (`HttpTransport.stream`). */
export interface StreamingTransportResponse {
  status: number;
  headers: Headers;
  body: ReadableStream<Uint8Array>;
}

/**
 * Collects a body chunk by chunk, keeping at most `limit` bytes: the one
 * bounded reader behind every body the gateway buffers (request bodies from a
 * WHATWG stream, Node's IncomingMessage or a worker request; response bodies
 * from fetch or a pooled client). Whoever owns the source feeds it chunks and
 * stops reading when `push` returns false; the collector itself never reads.
 *
 * Past the limit the chunk that crossed it is not kept and the chunks held so
 * far are released at once, so an oversized body never costs more than
 * `limit` bytes of memory, however long the caller takes to stop the source.
 */
export class BoundedBytes {
  readonly limit: number;
  #chunks: Uint8Array[] = [];
  #byteLength = 0;
  #overLimit = false;

  constructor(limit: number) {
    this.limit = limit;
  }

  /** Adds `chunk`. False once the total has passed `limit` (this chunk and every later one included). */
  push(chunk: Uint8Array): boolean {
    if (this.#overLimit) return false;
    this.#byteLength += chunk.byteLength;
    if (this.#byteLength > this.limit) {
      this.#overLimit = true;
      this.#chunks = [];
      return false;
    }
    this.#chunks.push(chunk);
    return true;
  }

  /** Bytes seen so far, the ones that crossed the limit included. */
  get byteLength(): number {
    return this.#byteLength;
  }

  /** True once a push has passed the limit; `bytes()` then throws. */
  get overLimit(): boolean {
    return this.#overLimit;
  }

  /**
   * Everything pushed, as one buffer: a single chunk is returned as is (no
   * copy; for a Node Buffer that means the Buffer), more are concatenated once.
   */
  bytes(): Uint8Array {
    if (this.#overLimit) throw new RangeError(`body larger than ${this.limit} bytes`);
    if (this.#chunks.length === 1) return this.#chunks[0]!;
    const out = new Uint8Array(this.#byteLength);
    let offset = 0;
    for (const chunk of this.#chunks) {
      out.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return out;
  }
}

/**
 * Reads `stream` into one buffer (see BoundedBytes), or returns undefined as
 * soon as it passes `limit`: nothing past the limit is kept. The rest of the
 * stream is then cancelled, or with `excess: 'drain'` read to its end and
 * dropped (for runtimes that reset a connection answered while the peer is
 * still sending). Read errors are thrown as they come.
 */
export async function readStreamWithin(
  stream: ReadableStream<Uint8Array>,
  limit: number,
  excess: 'cancel' | 'drain' = 'cancel',
): Promise<Uint8Array | undefined> {
  const reader = stream.getReader();
  const collected = new BoundedBytes(limit);
  for (;;) {
    const result = await reader.read();
    if (result.done) return collected.bytes();
    if (!collected.push(result.value)) {
      if (excess === 'drain') await drain(reader);
      else await reader.cancel().catch(() => undefined);
      return undefined;
    }
  }
}

/** Reads the rest of a stream and drops it; a peer that goes away ends it too. */
export async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  try {
    while (!(await reader.read()).done) {
      // Dropped: only reaching the end matters.
    }
  } catch {
    // The peer went away: nothing left to read.
  }
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
