import { CredentialsUnavailableError, type AwsCredentials } from '../aws/credentials.ts';
import { type HttpTransport, readStreamWithin, type StreamingTransportResponse } from '../aws/http.ts';
import { signRequest } from '../aws/sigv4.ts';
import type { ResolvedBackend } from '../descriptor/index.ts';
import type { ResolvedStreaming } from '../descriptor/streaming.ts';
import { GatewayError } from '../errors/index.ts';
import type { Logger } from '../logging/index.ts';
import { findPreludeEnd, HTTP_INTEGRATION_CONTENT_TYPE, MAX_PRELUDE_BYTES, parsePrelude } from '../payload/stream-prelude.ts';
import { credentialsUnavailable } from './credentials-unavailable.ts';
import { EventStreamError, LambdaEventStreamReader, type StreamEvent } from './event-stream-reader.ts';
import type { InvokeOptions } from './invoke-lambda.ts';
import { mapLambdaApiError, parseLambdaApiError } from './lambda-errors.ts';
import { StreamDeadlines } from './stream-deadlines.ts';

export interface StreamInvokeOptions extends Pick<InvokeOptions, 'credentials' | 'crypto' | 'signal' | 'clientGone'> {
  logger: Logger;
  /** Log fields of the request (requestId, route, …) repeated on the stream's end line. */
  logFields: Record<string, unknown>;
  /** Default: the global `fetch` (streams on every runtime). */
  fetch?: typeof fetch | undefined;
  /** Its optional `stream` (Node: undici's pool) is used instead of `fetch` when present. */
  transport?: HttpTransport | undefined;
  /**
   * Called once the exchange is over: the streamed body ended, failed or was
   * cancelled (or, without a streamed body, when the call returns). Not called
   * when the call throws. The backend's `maxConcurrency` slot is given back here.
   */
  onEnd?: (() => void) | undefined;
}

export interface StreamedInvocation {
  response: Response;
  lambdaRequestId: string | undefined;
}

const NO_BODY_STATUSES = new Set([204, 205, 304]);

/** The cancel reason of a streamed body dropped because the request was HEAD: logged as discarded, not as a client gone. */
export const HEAD_BODY_DISCARDED = 'the body of a HEAD response is not sent';

/**
 * Calls InvokeWithResponseStream for a ResponseStream backend and answers as
 * the function writes: the status and headers once the first event (or the
 * whole HTTP prelude) is in, then each PayloadChunk as it arrives, pulled
 * only as fast as the client reads. Failures before the first byte throw a
 * GatewayError (a JSON error response); after it, the client's response is
 * errored, which the servers turn into a failed transfer (the connection is
 * closed without the final chunk), and logged with the Lambda request id.
 */
export async function invokeLambdaStream(
  backend: ResolvedBackend & { streaming: ResolvedStreaming },
  payload: Uint8Array,
  options: StreamInvokeOptions,
): Promise<StreamedInvocation> {
  const settings = backend.streaming;
  let credentials: AwsCredentials;
  try {
    credentials = await options.credentials.getCredentials();
  } catch (error) {
    throw error instanceof CredentialsUnavailableError ? credentialsUnavailable(error) : error;
  }
  const headers = { 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' };
  const signed = await signRequest(
    credentials,
    { service: 'lambda', region: backend.region },
    { url: settings.url, method: 'POST', headers, body: payload },
    options.crypto,
  );
  const deadlines = new StreamDeadlines(settings, options);

  let upstream: StreamingTransportResponse | Response;
  try {
    const stream = options.fetch ? undefined : options.transport?.stream;
    upstream = stream
      ? await stream({ url: settings.url, method: 'POST', headers: signed, body: payload, signal: deadlines.signal })
      : await (options.fetch ?? fetch)(settings.url, {
          method: 'POST',
          headers: signed,
          body: payload as Uint8Array<ArrayBuffer>,
          signal: deadlines.signal,
          redirect: 'manual',
        });
  } catch (error) {
    deadlines.finish();
    throw deadlines.failure(error, settings.url);
  }
  const lambdaRequestId = upstream.headers.get('x-amzn-requestid') ?? undefined;
  if (upstream.status < 200 || upstream.status >= 300 || !upstream.body) {
    const body = upstream.body ? ((await readStreamWithin(upstream.body, 64 * 1024).catch(() => undefined)) ?? new Uint8Array(0)) : new Uint8Array(0);
    deadlines.finish();
    throw mapLambdaApiError(parseLambdaApiError(upstream.status, upstream.headers, body), upstream.headers.get('retry-after'));
  }
  const contentType = upstream.headers.get('content-type') ?? 'application/octet-stream';
  const events = new LambdaEventStreamReader(upstream.body);
  const next = async (): Promise<StreamEvent> => {
    deadlines.waiting();
    try {
      return await events.next();
    } catch (error) {
      throw error instanceof EventStreamError ? new GatewayError(502, 'BackendError', error.message) : deadlines.failure(error, settings.url);
    } finally {
      deadlines.received();
    }
  };

  // Up to the first body byte: status and headers cannot be sent before.
  let status = 200;
  let responseHeaders = new Headers({ 'content-type': contentType });
  let first: Uint8Array | undefined;
  let finished: StreamEvent | undefined;
  try {
    const preludeWanted = contentType.split(';')[0]!.trim().toLowerCase() === HTTP_INTEGRATION_CONTENT_TYPE;
    let prelude: Uint8Array = new Uint8Array(0);
    for (;;) {
      const event = await next();
      if (event.type !== 'chunk') {
        finished = event;
        if (event.type === 'complete' && event.errorCode) throw functionFailed(event);
        if (preludeWanted && prelude.byteLength > 0) ({ status, headers: responseHeaders } = parseFullPrelude(prelude, prelude.byteLength));
        break;
      }
      if (!preludeWanted) {
        if (event.bytes.byteLength === 0) continue;
        first = event.bytes;
        break;
      }
      prelude = concat(prelude, event.bytes);
      const end = findPreludeEnd(prelude);
      if (end < 0) {
        if (prelude.byteLength > MAX_PRELUDE_BYTES) throw parseFullPrelude(new Uint8Array(0), -1);
        continue;
      }
      ({ status, headers: responseHeaders } = parseFullPrelude(prelude, end));
      first = prelude.subarray(end + 8);
      break;
    }
    deadlines.firstByteArrived();
  } catch (error) {
    events.cancel();
    deadlines.finish();
    throw error;
  }

  // Once: a client going away cancels the body while a read may be pending, and that read then
  // fails with the abort; the stream ended once (ClientClosed), so it is logged and released once.
  let ended = false;
  const end = (outcome: Record<string, unknown>) => {
    if (ended) return;
    ended = true;
    deadlines.finish();
    options.onEnd?.();
    const fields = { ...options.logFields, lambdaRequestId, bytes: sent, durationMs: deadlines.elapsedMs(), ...outcome };
    if (outcome.error) options.logger.warn('stream failed', fields);
    else options.logger.info('stream ended', fields);
  };
  let sent = 0;
  const body =
    finished || NO_BODY_STATUSES.has(status)
      ? (() => {
          end(finished ? {} : { discarded: 'body of a status without a body' });
          if (!finished) events.cancel();
          return null;
        })()
      : new ReadableStream<Uint8Array>(
          {
            start(controller) {
              if (first && first.byteLength > 0) {
                sent += first.byteLength;
                controller.enqueue(first);
              }
            },
            async pull(controller) {
              try {
                for (;;) {
                  const event = await next();
                  if (event.type === 'chunk') {
                    if (event.bytes.byteLength === 0) continue;
                    sent += event.bytes.byteLength;
                    if (sent > settings.maxBytes) throw new StreamFailure('StreamTooLarge', `streamed response larger than ${settings.maxBytes} bytes`);
                    controller.enqueue(event.bytes);
                    return;
                  }
                  if (event.type === 'complete' && event.errorCode) throw new StreamFailure(event.errorCode, event.errorDetails ?? '');
                  end({});
                  controller.close();
                  return;
                }
              } catch (error) {
                const failure =
                  error instanceof StreamFailure
                    ? error
                    : error instanceof GatewayError
                      ? new StreamFailure(error.code, error.message)
                      : new StreamFailure('StreamInterrupted', describe(error));
                events.cancel(failure);
                end({ error: failure.code, detail: failure.message });
                controller.error(failure);
              }
            },
            cancel(reason) {
              // The client went away (or the request was HEAD): stop reading, which aborts the upstream request.
              deadlines.abort(new DOMException('the client closed the request', 'AbortError'));
              events.cancel();
              end(reason === HEAD_BODY_DISCARDED ? { discarded: reason } : { error: 'ClientClosed', detail: 'the client closed the connection mid-stream' });
            },
          },
          // Nothing read ahead: the next upstream read waits until the client has taken this chunk.
          new ByteLengthQueuingStrategy({ highWaterMark: 256 * 1024 }),
        );
  return { response: new Response(body, { status, headers: responseHeaders }), lambdaRequestId };
}

/** Why a stream that had started sending could not finish. */
class StreamFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function parseFullPrelude(bytes: Uint8Array, end: number) {
  if (end < 0)
    throw new GatewayError(502, 'InvalidFunctionResponse', `the function's streaming HTTP prelude has no end (8 NUL bytes) within ${MAX_PRELUDE_BYTES} bytes`);
  return parsePrelude(bytes.subarray(0, end));
}

function functionFailed(event: Extract<StreamEvent, { type: 'complete' }>): GatewayError {
  return new GatewayError(502, 'FunctionError', 'the function failed', {
    details: { errorType: event.errorCode, errorMessage: event.errorDetails ?? '' },
  });
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.byteLength === 0) return b;
  const out = new Uint8Array(a.byteLength + b.byteLength);
  out.set(a, 0);
  out.set(b, a.byteLength);
  return out;
}

function describe(error: unknown): string {
  if (error instanceof EventStreamError) return error.message;
  if (error instanceof GatewayError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
