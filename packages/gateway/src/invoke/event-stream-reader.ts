import { getChunkedStream } from '@smithy/core/event-streams';
import { EventStreamCodec, type Message } from '@smithy/eventstream-codec';

/** One decoded InvokeWithResponseStream event. */
export type StreamEvent =
  | { type: 'chunk'; bytes: Uint8Array }
  | { type: 'complete'; errorCode: string | undefined; errorDetails: string | undefined }
  | { type: 'end' };

/** The stream was not a well-formed InvokeWithResponseStream event stream. */
export class EventStreamError extends Error {
  override name = 'EventStreamError';
}

const utf8Decoder = new TextDecoder();
const utf8Encoder = new TextEncoder();

function headerString(message: Message, name: string): string | undefined {
  const header = message.headers[name];
  return header?.type === 'string' ? header.value : undefined;
}

/**
 * Pulls events out of an `application/vnd.amazon.eventstream` body, one
 * network read at a time: nothing is read before `next()` asks, so a slow
 * client slows the upstream read (backpressure). Framing and CRCs are
 * @smithy/eventstream-codec's; this only maps Lambda's two event types.
 */
export class LambdaEventStreamReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #messages: AsyncIterator<Uint8Array>;
  readonly #codec = new EventStreamCodec(
    (bytes) => utf8Decoder.decode(bytes),
    (text) => utf8Encoder.encode(text),
  );

  constructor(body: ReadableStream<Uint8Array>) {
    const reader = body.getReader();
    this.#reader = reader;
    // Message boundaries by @smithy's own splitter (the prelude's length), one network read at a time.
    const chunks: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          const read = await reader.read();
          return read.done ? { done: true, value: undefined } : { done: false, value: read.value };
        },
      }),
    };
    this.#messages = getChunkedStream(chunks)[Symbol.asyncIterator]();
  }

  async next(): Promise<StreamEvent> {
    let next: IteratorResult<Uint8Array>;
    let message: Message;
    try {
      next = await this.#messages.next();
      if (next.done) return { type: 'end' };
      message = this.#codec.decode(next.value);
    } catch (error) {
      if (error instanceof Error && /event message|message length|checksum|prelude/i.test(error.message)) {
        throw new EventStreamError(`malformed event stream: ${error.message}`);
      }
      throw error;
    }
    return toEvent(message);
  }

  cancel(reason?: unknown): void {
    this.#reader.cancel(reason).catch(() => undefined);
  }
}

function toEvent(message: Message): StreamEvent {
  const messageType = headerString(message, ':message-type');
  const eventType = headerString(message, ':event-type');
  if (messageType === 'exception' || messageType === 'error') {
    const code = headerString(message, ':exception-type') ?? headerString(message, ':error-code') ?? 'StreamException';
    return { type: 'complete', errorCode: code, errorDetails: utf8Decoder.decode(message.body) };
  }
  if (eventType === 'PayloadChunk') return { type: 'chunk', bytes: message.body };
  if (eventType === 'InvokeComplete') {
    let parsed: { ErrorCode?: unknown; ErrorDetails?: unknown } = {};
    try {
      parsed = message.body.byteLength === 0 ? {} : (JSON.parse(utf8Decoder.decode(message.body)) as typeof parsed);
    } catch {
      throw new EventStreamError('InvokeComplete event with a body that is not JSON');
    }
    return {
      type: 'complete',
      errorCode: typeof parsed.ErrorCode === 'string' && parsed.ErrorCode !== '' ? parsed.ErrorCode : undefined,
      errorDetails: typeof parsed.ErrorDetails === 'string' ? parsed.ErrorDetails : undefined,
    };
  }
  // Unknown event types are skipped, as the SDK's union parser does for unmodelled members.
  return { type: 'chunk', bytes: new Uint8Array(0) };
}
