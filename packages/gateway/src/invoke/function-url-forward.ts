import { CredentialsUnavailableError } from '../aws/credentials.ts';
import { readStreamWithin } from '../aws/http.ts';
import { signRequest } from '../aws/sigv4.ts';
import type { ResolvedBackend } from '../descriptor/index.ts';
import type { ResolvedFunctionUrl } from '../descriptor/function-url.ts';
import type { ResolvedStreaming } from '../descriptor/streaming.ts';
import { GatewayError } from '../errors/index.ts';
import { stripHopByHop } from '../payload/headers.ts';
import { SYNC_PAYLOAD_LIMIT } from './body-limit.ts';
import { credentialsUnavailable } from './credentials-unavailable.ts';
import { HEAD_BODY_DISCARDED, type StreamedInvocation, type StreamInvokeOptions } from './invoke-stream.ts';
import { StreamDeadlines } from './stream-deadlines.ts';

/** The client's request after the route's filters, as it is forwarded. */
export interface ForwardedRequest {
  method: string;
  /** After URLRewrite: its path and query are appended to the Function URL as they are. */
  url: URL;
  headers: Headers;
  body: Uint8Array;
}

type FunctionUrlBackend = ResolvedBackend & { functionUrl: ResolvedFunctionUrl };

/** Set by fetch, or by the signer; a client's copy must not reach the function (or the signature). */
const REPLACED_HEADERS = ['host', 'content-length', 'expect'];

/**
 * Forwards a request to a Lambda Function URL as HTTP: method, the filtered
 * path and query (no prefix stripped), the body, and the headers minus
 * hop-by-hop ones and `X-Amz-*` (and minus the client's `Authorization` with
 * AWS_IAM, where the gateway's SigV4 signature takes its place; with NONE the
 * function may check its own bearer token). The answer comes back as the URL
 * sent it: read whole within `timeoutMs` and 6 MB (Sync), or streamed chunk by
 * chunk with the `streaming:` deadlines and byte cap (ResponseStream).
 */
export async function forwardToFunctionUrl(backend: FunctionUrlBackend, request: ForwardedRequest, options: StreamInvokeOptions): Promise<StreamedInvocation> {
  const { functionUrl } = backend;
  const target = `${functionUrl.base}${request.url.pathname}${request.url.search}`;
  const headers = stripHopByHop(request.headers);
  for (const name of [...headers.keys()]) if (name.startsWith('x-amz-')) headers.delete(name);
  for (const name of REPLACED_HEADERS) headers.delete(name);
  const hasBody = request.body.byteLength > 0 || !(request.method === 'GET' || request.method === 'HEAD');
  let sent: Headers = headers;
  if (functionUrl.authType === 'AWS_IAM') {
    headers.delete('authorization');
    let credentials: Awaited<ReturnType<typeof options.credentials.getCredentials>>;
    try {
      credentials = await options.credentials.getCredentials();
    } catch (error) {
      throw error instanceof CredentialsUnavailableError ? credentialsUnavailable(error) : error;
    }
    // aws4fetch hashes the body into the signature (the payload hash of the canonical request).
    sent = await signRequest(
      credentials,
      { service: 'lambda', region: functionUrl.region },
      { url: target, method: request.method, headers, body: request.body },
      options.crypto,
    );
  }

  const settings: ResolvedStreaming = backend.streaming ?? {
    // Buffered: one budget for the whole answer, Lambda's 6 MB response limit.
    url: functionUrl.base,
    firstByteTimeoutMs: backend.timeoutMs,
    idleTimeoutMs: backend.timeoutMs,
    maxDurationMs: backend.timeoutMs,
    maxBytes: SYNC_PAYLOAD_LIMIT,
  };
  const deadlines = new StreamDeadlines(settings, options);
  let upstream: UrlResponse;
  try {
    upstream = await exchange(target, request.method, sent, hasBody ? request.body : undefined, deadlines.signal, options);
  } catch (error) {
    deadlines.finish();
    throw deadlines.failure(error, target);
  }
  deadlines.firstByteArrived();
  const lambdaRequestId = upstream.headers.get('x-amzn-requestid') ?? undefined;
  const responseHeaders = stripHopByHop(upstream.headers);
  if (upstream.decoded && responseHeaders.has('content-encoding')) {
    // fetch has decoded the body: its length and encoding are no longer those of what we send.
    responseHeaders.delete('content-encoding');
    responseHeaders.delete('content-length');
  }
  if (!upstream.body) {
    deadlines.finish();
    options.onEnd?.();
    return { response: new Response(null, { status: upstream.status, headers: responseHeaders }), lambdaRequestId };
  }
  if (!backend.streaming) {
    let bytes: Uint8Array | undefined;
    try {
      deadlines.waiting();
      bytes = await readStreamWithin(upstream.body, settings.maxBytes);
    } catch (error) {
      throw deadlines.failure(error, target);
    } finally {
      deadlines.finish();
    }
    options.onEnd?.();
    if (!bytes) throw new GatewayError(502, 'InvalidFunctionResponse', `the Function URL's response is larger than ${settings.maxBytes} bytes`);
    return { response: new Response(bytes as Uint8Array<ArrayBuffer>, { status: upstream.status, headers: responseHeaders }), lambdaRequestId };
  }
  return {
    response: new Response(relay(upstream.body, deadlines, settings, target, { ...options, lambdaRequestId }), {
      status: upstream.status,
      headers: responseHeaders,
    }),
    lambdaRequestId,
  };
}

interface UrlResponse {
  status: number;
  headers: Headers;
  body: ReadableStream<Uint8Array> | null;
  /** fetch decodes a `Content-Encoding` body; the pooled transport hands the bytes on as sent. */
  decoded: boolean;
}

/**
 * The HTTP exchange with the Function URL: the platform's pooled streaming
 * transport where it has one (Node: undici's dispatch, the path
 * InvokeWithResponseStream takes, with its read-ahead bound and its abort on
 * a cancelled body), else `fetch` (the worker). Redirects are returned, not followed.
 */
async function exchange(
  url: string,
  method: string,
  headers: Headers,
  body: Uint8Array | undefined,
  signal: AbortSignal,
  options: StreamInvokeOptions,
): Promise<UrlResponse> {
  const stream = options.fetch ? undefined : options.transport?.stream;
  if (stream) {
    const response = await stream({ url, method, headers, body: body ?? EMPTY_BODY, signal });
    return { status: response.status, headers: response.headers, body: response.body, decoded: false };
  }
  const response = await (options.fetch ?? fetch)(url, {
    method,
    headers,
    body: body as Uint8Array<ArrayBuffer> | undefined,
    signal,
    redirect: 'manual',
  });
  return { status: response.status, headers: response.headers, body: response.body, decoded: true };
}

const EMPTY_BODY = new Uint8Array(0);

/**
 * The upstream body, pulled one read per client read (backpressure), with
 * the idle deadline around each read and the byte cap; a failure errors the
 * client's stream (a failed transfer), a client that leaves aborts upstream.
 */
function relay(
  body: ReadableStream<Uint8Array>,
  deadlines: StreamDeadlines,
  settings: ResolvedStreaming,
  target: string,
  options: StreamInvokeOptions & { lambdaRequestId: string | undefined },
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let sent = 0;
  // Once: a client going away cancels the body while a read may be pending, and that read then
  // fails with the abort; the stream ended once (ClientClosed), so it is logged and released once.
  let ended = false;
  const end = (outcome: Record<string, unknown>) => {
    if (ended) return;
    ended = true;
    deadlines.finish();
    options.onEnd?.();
    const fields = { ...options.logFields, lambdaRequestId: options.lambdaRequestId, bytes: sent, durationMs: deadlines.elapsedMs(), ...outcome };
    if (outcome.error) options.logger.warn('stream failed', fields);
    else options.logger.info('stream ended', fields);
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          deadlines.waiting();
          const next = await reader.read().finally(() => deadlines.received());
          if (next.done) {
            end({});
            controller.close();
            return;
          }
          sent += next.value.byteLength;
          if (sent > settings.maxBytes) {
            const detail = `streamed response larger than ${settings.maxBytes} bytes`;
            reader.cancel(detail).catch(() => undefined);
            deadlines.abort(new DOMException(detail, 'AbortError'));
            end({ error: 'StreamTooLarge', detail });
            controller.error(new Error(detail));
            return;
          }
          controller.enqueue(next.value);
        } catch (error) {
          const failure = deadlines.failure(error, target);
          reader.cancel(failure).catch(() => undefined);
          end({ error: failure.code, detail: failure.message });
          controller.error(failure);
        }
      },
      cancel(reason) {
        deadlines.abort(new DOMException('the client closed the request', 'AbortError'));
        reader.cancel().catch(() => undefined);
        end(reason === HEAD_BODY_DISCARDED ? { discarded: reason } : { error: 'ClientClosed', detail: 'the client closed the connection mid-stream' });
      },
    },
    { highWaterMark: 0 },
  );
}
