import { PassThrough } from 'node:stream';
import type { LambdaHandler } from './function-loader.ts';

/**
 * The Node.js runtime's response-streaming API for functions, as the real
 * runtime exposes it on the global `awslambda`: `streamifyResponse(handler)`
 * marks a handler `(event, responseStream, context)`, and
 * `HttpResponseStream.from(responseStream, metadata)` writes the HTTP
 * integration prelude (Function URLs, API Gateway-style streaming).
 */

/** Marks a streamified handler (the real runtime keeps a symbol on the function, too). */
export const STREAMING_HANDLER = Symbol.for('aws.lambda.runtime.handler.streaming');

/** What the stream is typed as when the function never calls setContentType. */
export const DEFAULT_STREAM_CONTENT_TYPE = 'application/octet-stream';
export const HTTP_INTEGRATION_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response';
/** Eight NUL bytes end the JSON prelude of an HTTP integration response. */
const PRELUDE_DELIMITER = new Uint8Array(8);

export type StreamingHandler = (event: unknown, responseStream: ResponseStream, context: unknown) => unknown;

/**
 * The `responseStream` a streaming handler writes to: a Node stream (so
 * `pipeline(source, responseStream)` works, with backpressure) that also
 * carries the content type. The content type is fixed by the first byte.
 */
export class ResponseStream extends PassThrough {
  #contentType = DEFAULT_STREAM_CONTENT_TYPE;
  #started = false;

  constructor() {
    // Small buffer: a writer that outpaces the client waits (write() returns false) instead of filling memory.
    super({ highWaterMark: 16 * 1024 });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null, data?: Buffer) => void): void {
    this.#started = true;
    callback(null, chunk);
  }

  setContentType(contentType: string): void {
    if (this.#started) throw new Error('setContentType must be called before the first write');
    this.#contentType = String(contentType);
  }

  get contentType(): string {
    return this.#contentType;
  }
}

export interface HttpResponseMetadata {
  statusCode?: number;
  headers?: Record<string, string>;
  cookies?: string[];
}

/** `awslambda.HttpResponseStream`: only its static `from` is public API. */
export const HttpResponseStream = {
  from(responseStream: ResponseStream, metadata: HttpResponseMetadata): ResponseStream {
    responseStream.setContentType(HTTP_INTEGRATION_CONTENT_TYPE);
    responseStream.write(JSON.stringify(metadata ?? {}));
    responseStream.write(PRELUDE_DELIMITER);
    return responseStream;
  },
};

export function streamifyResponse(handler: StreamingHandler): LambdaHandler {
  if (typeof handler !== 'function') throw new TypeError('streamifyResponse expects a handler function');
  (handler as unknown as Record<symbol, string>)[STREAMING_HANDLER] = 'response';
  return handler as unknown as LambdaHandler;
}

export function isStreamingHandler(handler: LambdaHandler): handler is LambdaHandler & StreamingHandler {
  return (handler as unknown as Record<symbol, unknown>)[STREAMING_HANDLER] === 'response';
}

/**
 * Installs `globalThis.awslambda` before function modules load: real functions
 * call `awslambda.streamifyResponse(...)` at module top level.
 */
export function installLambdaGlobals(): void {
  // Merged into an existing object: other code (SDK helpers) may have created `awslambda` already.
  const global = globalThis as { awslambda?: Record<string, unknown> };
  global.awslambda ??= {};
  global.awslambda.streamifyResponse ??= streamifyResponse;
  global.awslambda.HttpResponseStream ??= HttpResponseStream;
}
