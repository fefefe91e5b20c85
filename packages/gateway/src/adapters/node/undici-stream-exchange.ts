import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import type { OutboundRequest, StreamingTransportResponse } from '../../invoke/index.ts';
import { dispatchExchange, toHeaders } from './undici-transport.ts';

/**
 * How much of a streamed body may wait in the gateway for the client: enough
 * that the upstream socket keeps reading while the previous chunk is being
 * written to the client (the two overlap instead of taking turns), small
 * enough that a slow client costs a bounded amount of memory per stream.
 */
const READ_AHEAD_BYTES = 128 * 1024;

/**
 * One streamed request/response on undici's pool (`HttpTransport.stream` on
 * Node): resolves at the headers with the body as a Web ReadableStream fed
 * straight from the dispatcher's chunks (no copy, no fetch machinery).
 * Backpressure: past READ_AHEAD_BYTES queued the dispatch is paused (the
 * socket stops being read), and resumed when the reader pulls again.
 * An aborted signal rejects before the headers and errors the body after.
 */
export class StreamExchange implements Dispatcher.DispatchHandler {
  readonly #signal: AbortSignal;
  readonly #resolve: (response: StreamingTransportResponse) => void;
  readonly #reject: (error: unknown) => void;
  #dispatch: Dispatcher.DispatchController | undefined;
  #body: ReadableStreamDefaultController<Uint8Array> | undefined;
  #state: 'headers' | 'body' | 'done' | 'failed' = 'headers';
  #error: unknown;
  readonly #onAbort = (): void => this.#fail(this.#signal.reason);

  constructor(signal: AbortSignal, resolve: (response: StreamingTransportResponse) => void, reject: (error: unknown) => void) {
    this.#signal = signal;
    this.#resolve = resolve;
    this.#reject = reject;
  }

  start(dispatcher: Dispatcher, request: OutboundRequest): void {
    dispatchExchange(dispatcher, request, this, { signal: this.#signal, onAbort: this.#onAbort, reject: this.#reject, fail: (error) => this.#fail(error) });
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#dispatch = controller;
    if (this.#state === 'failed') controller.abort(this.#error as Error);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    if (this.#state !== 'headers') return;
    this.#state = 'body';
    const body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.#body = controller;
        },
        pull: () => {
          if (this.#dispatch?.paused) this.#dispatch.resume();
        },
        cancel: (reason) => {
          this.#fail(reason ?? new DOMException('the reader cancelled the body', 'AbortError'), false);
        },
      },
      new ByteLengthQueuingStrategy({ highWaterMark: READ_AHEAD_BYTES }),
    );
    this.#resolve({ status: statusCode, headers: toHeaders(headers), body });
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#state !== 'body' || !this.#body) return;
    // A view of the socket's read, handed on as it is.
    this.#body.enqueue(chunk);
    if ((this.#body.desiredSize ?? 0) <= 0) controller.pause();
  }

  onResponseEnd(): void {
    if (this.#state !== 'body') return;
    this.#state = 'done';
    this.#signal.removeEventListener('abort', this.#onAbort);
    this.#body?.close();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.#fail(error);
  }

  #fail(error: unknown, errorBody = true): void {
    if (this.#state === 'done' || this.#state === 'failed') return;
    const before = this.#state;
    this.#state = 'failed';
    this.#error = error;
    this.#signal.removeEventListener('abort', this.#onAbort);
    if (this.#dispatch && !this.#dispatch.aborted) this.#dispatch.abort(error as Error);
    if (before === 'headers') this.#reject(error);
    else if (errorBody) this.#body?.error(error);
  }
}
