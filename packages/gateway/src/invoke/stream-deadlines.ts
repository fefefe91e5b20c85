import type { ResolvedStreaming } from '../descriptor/streaming.ts';
import { GatewayError } from '../errors/index.ts';
import type { ClientGone } from './invoke-lambda.ts';

type Reason = 'first-byte' | 'idle' | 'total' | 'client';

/**
 * The three clocks of a streamed invocation and the client going away, on
 * one AbortController that the upstream request carries: until the first
 * byte (`firstByteTimeoutMs`), silence while waiting for the next chunk
 * (`idleTimeoutMs`; a slow client that leaves chunks unread is not upstream
 * silence), and the whole stream (`maxDurationMs`).
 */
export class StreamDeadlines {
  readonly #controller = new AbortController();
  readonly #settings: ResolvedStreaming;
  readonly #started = Date.now();
  #reason: Reason | undefined;
  #firstByteTimer: ReturnType<typeof setTimeout> | undefined;
  #totalTimer: ReturnType<typeof setTimeout> | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #streaming = false;
  readonly #clientSignal: AbortSignal | undefined;
  readonly #unsubscribe: (() => void) | undefined;
  readonly #onClient = () => this.#abortFor('client');

  constructor(settings: ResolvedStreaming, client: { signal?: AbortSignal | undefined; clientGone?: ClientGone | undefined }) {
    this.#settings = settings;
    this.#firstByteTimer = setTimeout(() => this.#abortFor('first-byte'), settings.firstByteTimeoutMs);
    this.#totalTimer = setTimeout(() => this.#abortFor('total'), settings.maxDurationMs);
    this.#clientSignal = client.signal;
    if (client.signal?.aborted) this.#onClient();
    else client.signal?.addEventListener('abort', this.#onClient, { once: true });
    this.#unsubscribe = client.clientGone?.(this.#onClient);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  elapsedMs(): number {
    return Date.now() - this.#started;
  }

  firstByteArrived(): void {
    clearTimeout(this.#firstByteTimer);
    this.#streaming = true;
  }

  /** Around each upstream read once streaming: the idle clock runs only while waiting. */
  waiting(): void {
    if (this.#streaming) this.#idleTimer = setTimeout(() => this.#abortFor('idle'), this.#settings.idleTimeoutMs);
  }

  received(): void {
    clearTimeout(this.#idleTimer);
  }

  abort(reason: unknown): void {
    this.#reason ??= 'client';
    if (!this.#controller.signal.aborted) this.#controller.abort(reason);
  }

  finish(): void {
    clearTimeout(this.#firstByteTimer);
    clearTimeout(this.#totalTimer);
    clearTimeout(this.#idleTimer);
    this.#clientSignal?.removeEventListener('abort', this.#onClient);
    this.#unsubscribe?.();
  }

  /** The GatewayError for a failed request or read, by what aborted it (if anything did). */
  failure(error: unknown, url: string): GatewayError {
    if (error instanceof GatewayError) return error;
    const settings = this.#settings;
    switch (this.#reason) {
      case 'first-byte':
        return new GatewayError(504, 'BackendTimeout', `the function sent nothing within ${settings.firstByteTimeoutMs} ms`, { cause: error });
      case 'idle':
        return new GatewayError(504, 'BackendTimeout', `the function sent nothing for ${settings.idleTimeoutMs} ms mid-stream`, { cause: error });
      case 'total':
        return new GatewayError(504, 'BackendTimeout', `the stream did not end within ${settings.maxDurationMs} ms`, { cause: error });
      case 'client':
        return new GatewayError(499, 'BadRequest', 'the client closed the request', { cause: error });
      default:
        return new GatewayError(502, 'BackendUnreachable', 'the Lambda stream could not be read', {
          cause: error,
          logMessage: `network error on ${new URL(url).origin}: ${error instanceof Error ? error.message : String(error)}`,
        });
    }
  }

  #abortFor(reason: Reason): void {
    this.#reason ??= reason;
    if (!this.#controller.signal.aborted) this.#controller.abort(new DOMException(`stream ${reason} deadline`, 'TimeoutError'));
  }
}
