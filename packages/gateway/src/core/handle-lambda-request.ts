import { GatewayError, errorResponse } from '../errors/index.ts';
import { ASYNC_PAYLOAD_LIMIT, SYNC_PAYLOAD_LIMIT, invokeWithThrottleRetries, payloadTooLarge, type InvokeResponse } from '../invoke/index.ts';
import { forwardToFunctionUrl } from '../invoke/function-url-forward.ts';
import { HEAD_BODY_DISCARDED, invokeLambdaStream } from '../invoke/invoke-stream.ts';
import { headerLinesOf, headerLinesStillValid, type HeaderLines } from '../payload/index.ts';
import type { HttpRouteMatch } from '../routing/index.ts';
import { acquireBackendSlot } from './backend-concurrency.ts';
import type { BoundBackend } from './bound-backend.ts';
import { requestIdFor } from './request-id.ts';
import { startMirrors, type BoundMirror } from './request-mirror.ts';
import { invokeWithRouteRetries, type RouteRetryPolicy } from './route-retry.ts';
import { traceIdFor } from './trace-id.ts';
import { PipelineInbound } from './pipeline-inbound.ts';
import { invokeTuningOf, type Platform, type RequestContext } from './platform.ts';
import { applyRequestFilters, applyResponseFilters, type RouteFilter } from './route-filters.ts';

/** What the router (or Hono) learned about the request. */
export interface RouteContext {
  routeName: string;
  pathParameters: Record<string, string> | undefined;
  routeKey: string;
  resource: string;
  /** The match that selected the route (URLRewrite `ReplacePrefixMatch` needs its prefix). */
  match?: HttpRouteMatch;
  /** The route's Gateway API filters, applied around the invocation. */
  filters?: readonly RouteFilter[];
  /** `request.url` parsed, when the caller has parsed it already (the router has). */
  url?: URL;
  /** RequestMirror: other backends sent the same request, fire-and-forget (core/request-mirror.ts). */
  mirrors?: readonly BoundMirror[];
  /** HTTPRoute `retry` (core/route-retry.ts); never applied to `Async` (Event) backends. */
  retry?: RouteRetryPolicy;
  /** The server handed the request over as it parsed it (serverFetchOf): its headers are the client's lines. */
  headersAsReceived?: boolean;
}

/**
 * The whole request pipeline for one Lambda-backed route: read the body within
 * Lambda's limit, build the event, invoke, map the result or the error, log.
 * Never throws: every failure becomes a JSON error response. Reads the request
 * only through `request` and the adapter's `context`.
 */
export async function handleLambdaRequest(
  request: Request,
  context: RequestContext,
  backend: BoundBackend,
  route: RouteContext,
  platform: Platform,
): Promise<Response> {
  const started = Date.now();
  const requestId = requestIdFor(request.headers);
  const traceId = traceIdFor(request.headers, started);
  const url = route.url ?? new URL(request.url);
  const metrics = platform.metrics;
  // Measured only with metrics on: performance.now() per request is not free.
  const startedPrecise = metrics ? performance.now() : 0;
  let invokeSeconds: number | undefined;
  let requestBytes = 0;
  let responseBytes = 0;
  let functionError = false;
  metrics?.requestStarted();
  let lambdaRequestId: string | undefined;
  let response: Response;
  let failure: GatewayError | undefined;
  let releaseSlot: (() => void) | undefined;
  let taggedByCodec = false;
  // Streams (ResponseStream, Function URLs) give the slot back when their body ends, not at its start.
  let slotHandedToStream = false;
  const releaseAtStreamEnd = () => releaseSlot?.();
  try {
    // Per-backend `maxConcurrency`: over it 503 Overloaded, before the body is read.
    releaseSlot = acquireBackendSlot(backend);
    const limit = backend.resolved.invocationType === 'Event' ? ASYNC_PAYLOAD_LIMIT : SYNC_PAYLOAD_LIMIT;
    // Passthrough and Function URLs sign the body itself: Node hashes it while it arrives.
    const body = await context.readBody(limit, backend.codec.mode === 'passthrough' || backend.resolved.functionUrl !== undefined);
    requestBytes = body.byteLength;
    const filtered = applyRequestFilters(route.filters, url, request.headers, route.match);
    const inbound = new PipelineInbound(
      request.method,
      filtered.url,
      filtered.headers,
      context.rawHeaders,
      body,
      {
        sourceIp: context.peerAddress,
        requestId,
        receivedAt: started,
        pathParameters: route.pathParameters,
        routeKey: route.routeKey,
        resource: route.resource,
        accountId: backend.resolved.accountId ?? '',
        payloadBytes: platform.payloadBytes,
      },
      // Unfiltered and untouched on the way: the codecs may read the client's lines directly.
      route.headersAsReceived === true && filtered.headers === request.headers,
    );
    // Started, not awaited: the mirrors never hold the client's answer (core/request-mirror.ts).
    if (route.mirrors !== undefined) startMirrors(route.mirrors, inbound, platform, { requestId, route: route.routeName, traceId });
    const payload = backend.codec.encodeEvent(inbound);
    // Envelopes add bytes (base64, headers): check what is actually sent.
    if (payload.byteLength > limit) throw payloadTooLarge(limit);
    const clientGone = context.clientGone;
    const { functionUrl } = backend.resolved;
    if (functionUrl) {
      // Function URL backends: the request forwarded as HTTP, signed with AWS_IAM (invoke/function-url-forward.ts).
      const forwarded = await forwardToFunctionUrl(
        { ...backend.resolved, functionUrl },
        { method: request.method, url: filtered.url, headers: filtered.headers, body },
        streamOptions(backend, platform, request, context, requestId, route.routeName, releaseAtStreamEnd),
      );
      slotHandedToStream = true;
      lambdaRequestId = forwarded.lambdaRequestId;
      response = forwarded.response;
    } else if (backend.resolved.streaming) {
      // ResponseStream backends: InvokeWithResponseStream, the body sent as it comes (invoke/invoke-stream.ts).
      const streamed = await invokeLambdaStream(
        { ...backend.resolved, streaming: backend.resolved.streaming },
        payload,
        streamOptions(backend, platform, request, context, requestId, route.routeName, releaseAtStreamEnd),
      );
      slotHandedToStream = true;
      lambdaRequestId = streamed.lambdaRequestId;
      response = streamed.response;
    } else {
      // HTTPRoute `retry` around whole tries (throttle retries and the decoded answer's status), core/route-retry.ts.
      const retry = backend.resolved.invocationType === 'Event' ? undefined : route.retry;
      response = await invokeWithRouteRetries(
        retry,
        backend.resolved.timeoutMs,
        async (timeoutMs) => {
          taggedByCodec = false;
          const invokeStarted = metrics ? performance.now() : 0;
          // Retries Lambda throttling when the backend asks for it (invoke/throttle-retry.ts).
          const result = await invokeWithThrottleRetries(backend, payload, {
            credentials: backend.credentials,
            transport: platform.transport,
            crypto: platform.sigv4Crypto,
            // Only touch `request.signal` when needed: on Node it costs an AbortController per request.
            signal: clientGone ? undefined : request.signal,
            clientGone,
            abortControllers: invokeTuningOf(platform)?.abortControllers,
            traceId,
            timeoutMs,
            // Only a backend with a throttle policy ever retries: no closure per request otherwise.
            onRetry: backend.descriptor.retry?.throttled
              ? (retry) => {
                  metrics?.throttleRetry?.(backend.name);
                  platform.logger.warn('throttled by Lambda, retrying', { ...retry, requestId });
                }
              : undefined,
          });
          if (metrics) invokeSeconds = (performance.now() - invokeStarted) / 1000;
          responseBytes = result.payload.byteLength;
          functionError = result.functionError !== undefined;
          lambdaRequestId = result.lambdaRequestId;
          if (backend.resolved.invocationType === 'Event') return new Response(null, { status: 202 });
          if (result.functionError) return functionErrorResponse(result, backend);
          // Tagged with x-request-id by the codec (PayloadCodec.decodeResult).
          taggedByCodec = true;
          return backend.codec.decodeResult({ payload: result.payload, headers: result.headers }, inbound);
        },
        retry && {
          signal: clientGone ? undefined : request.signal,
          clientGone,
          onRetry: (fields) => {
            metrics?.routeRetry?.(route.routeName, backend.name);
            platform.logger.warn('retrying (route retry policy)', { ...fields, requestId, route: route.routeName, backend: backend.name });
          },
        },
      );
    }
    if (!taggedByCodec) response.headers.set('x-request-id', requestId);
    // HEAD: Hono drops the body without cancelling it; an unread stream would hold its upstream exchange and slot.
    if (slotHandedToStream && request.method === 'HEAD' && response.body) response = withoutStreamedBody(response);
    // Streamed: the headers and the first chunk leave in one socket write where the runtime can (Node).
    else if (slotHandedToStream) context.coalesceFirstWrites?.();
  } catch (error) {
    slotHandedToStream = false;
    failure = error instanceof GatewayError ? error : new GatewayError(500, 'InternalError', 'internal error', { cause: error });
    response = errorResponse(failure, requestId, { exposeDetails: backend.exposeErrorDetails });
  } finally {
    if (!slotHandedToStream) releaseSlot?.();
  }
  // The filters carry the function's separate header lines over and add their own (an `add`).
  response = applyResponseFilters(route.filters, response);
  const lines = headerLinesOf(response);
  if (lines !== undefined && context.keepHeaderLines) keepLines(context, lines, response);
  const status = response.status;
  // The access-log line and the metrics after a buffered response's write where the runtime can
  // (RequestContext.afterResponse): the client does not wait for them, and the durations include
  // the write. A streamed response is logged when its headers are ready, as before (its end has a line of its own).
  const record = () => {
    // Run from the server's event after the answer (Node): a failure here must not reach it.
    try {
      logRequest(platform, { method: request.method, url, backend, route, requestId, traceId, lambdaRequestId, started, status, failure });
      metrics?.requestFinished({
        route: route.routeName,
        backend: backend.name,
        method: request.method,
        status,
        durationSeconds: (performance.now() - startedPrecise) / 1000,
        requestBytes,
        responseBytes,
        invokeSeconds,
        functionError,
        errorCode: failure?.code,
        lambdaErrorType: failure?.details.lambdaErrorType as string | undefined,
      });
    } catch (error) {
      reportUnrecorded(platform, requestId, error);
    }
  };
  if (context.afterResponse && !slotHandedToStream) context.afterResponse(record);
  else record();
  return response;
}

/** A log line or metric that failed to be recorded: told once, if the logger still works. */
function reportUnrecorded(platform: Platform, requestId: string, error: unknown): void {
  try {
    platform.logger.error('request not recorded', { requestId, error: error instanceof Error ? error.message : String(error) });
  } catch {
    // The logger itself failed: nothing left to tell.
  }
}

/** The response without its streamed body, which is cancelled (ending the stream: upstream, slot, log line). */
function withoutStreamedBody(response: Response): Response {
  response.body?.cancel(HEAD_BODY_DISCARDED).catch(() => undefined);
  return new Response(null, { status: response.status, headers: response.headers });
}

/**
 * The options of both streamed kinds (Function URL, ResponseStream): the platform's transport (on
 * Node undici's dispatch: backpressure, abort on a cancelled body), the client going away, the
 * log fields of the stream's end, and `onEnd`, which gives the backend's slot back then.
 */
function streamOptions(
  backend: BoundBackend,
  platform: Platform,
  request: Request,
  context: RequestContext,
  requestId: string,
  routeName: string,
  onEnd: () => void,
) {
  const clientGone = context.clientGone;
  return {
    credentials: backend.credentials,
    transport: platform.transport,
    crypto: platform.sigv4Crypto,
    signal: clientGone ? undefined : request.signal,
    clientGone,
    logger: platform.logger,
    logFields: { requestId, route: routeName, backend: backend.name, function: backend.resolved.functionId },
    onEnd,
  };
}

/** Hands the adapter the function's repeated headers that survived the response filters. */
function keepLines(context: RequestContext, lines: HeaderLines, response: Response): void {
  const valid = headerLinesStillValid(lines, response.headers);
  if (valid !== undefined) context.keepHeaderLines?.(valid);
}

/**
 * `X-Amz-Function-Error`: by default a 502 FunctionError (the function's
 * errorType and errorMessage, never its stack trace, in the body only when the
 * backend exposes error details; always in the log); with `functionErrorMode: passthrough`,
 * Lambda's body unchanged with status 200 and the `x-amz-function-error` header.
 */
function functionErrorResponse(result: InvokeResponse, backend: BoundBackend): Response {
  if (backend.resolved.functionErrorMode === 'passthrough') {
    return new Response(result.payload as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: { 'content-type': result.headers.get('content-type') ?? 'application/json', 'x-amz-function-error': result.functionError ?? 'Unhandled' },
    });
  }
  let errorType = result.functionError ?? 'Unhandled';
  let errorMessage = '';
  try {
    const parsed = JSON.parse(new TextDecoder().decode(result.payload)) as { errorType?: unknown; errorMessage?: unknown };
    if (typeof parsed.errorType === 'string') errorType = parsed.errorType;
    if (typeof parsed.errorMessage === 'string') errorMessage = parsed.errorMessage;
  } catch {
    // A function error without a JSON body: report the header value only.
  }
  // Thrown so that the catch answers it (redacted unless the backend exposes details) and logs the details.
  throw new GatewayError(502, 'FunctionError', 'the function failed', { details: { errorType, errorMessage } });
}

function logRequest(
  platform: Platform,
  entry: {
    method: string;
    url: URL;
    backend: BoundBackend;
    route: RouteContext;
    requestId: string;
    traceId: string;
    lambdaRequestId: string | undefined;
    started: number;
    status: number;
    failure: GatewayError | undefined;
  },
): void {
  const fields: Record<string, unknown> = {
    requestId: entry.requestId,
    method: entry.method,
    path: entry.url.pathname,
    status: entry.status,
    durationMs: Date.now() - entry.started,
    route: entry.route.routeName,
    backend: entry.backend.name,
    function: entry.backend.resolved.functionId,
    traceId: entry.traceId,
  };
  if (entry.lambdaRequestId) fields.lambdaRequestId = entry.lambdaRequestId;
  if (!entry.failure) {
    platform.logger.info('request', fields);
    return;
  }
  fields.error = entry.failure.code;
  if (entry.failure.logMessage) fields.detail = entry.failure.logMessage;
  if (entry.failure.code === 'CredentialsUnavailable') fields.detail = entry.failure.message;
  // What redacted error bodies leave out goes here (source, Lambda error type, the function's errorType/errorMessage).
  if (Object.keys(entry.failure.details).length > 0) fields.details = entry.failure.details;
  if (entry.failure.status >= 500 && entry.failure.code !== 'FunctionError') {
    if (entry.failure.code === 'InternalError') fields.detail = String(entry.failure.cause);
    platform.logger.error('request failed', fields);
  } else {
    platform.logger.warn('request failed', fields);
  }
}
