import { GatewayError, errorResponse } from '../errors/index.ts';
import { ASYNC_PAYLOAD_LIMIT, SYNC_PAYLOAD_LIMIT, invokeLambda, payloadTooLarge, type InvokeResponse } from '../invoke/index.ts';
import {
  headerLinesOf,
  headerLinesStillValid,
  reconcileRawHeaders,
  stripHopByHop,
  type HeaderLines,
  type HeaderPair,
  type InboundRequest,
} from '../payload/index.ts';
import type { HttpRouteMatch } from '../routing/index.ts';
import type { BoundBackend } from './bound-backend.ts';
import { requestIdFor } from './request-id.ts';
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
  const url = new URL(request.url);
  let lambdaRequestId: string | undefined;
  let response: Response;
  let failure: GatewayError | undefined;
  try {
    const limit = backend.resolved.invocationType === 'Event' ? ASYNC_PAYLOAD_LIMIT : SYNC_PAYLOAD_LIMIT;
    const body = await context.readBody(limit);
    const filtered = applyRequestFilters(route.filters, url, request.headers, route.match);
    let eventHeaders: Headers | undefined;
    let eventHeaderPairs: HeaderPair[] | undefined;
    const inbound: InboundRequest = {
      method: request.method,
      url: filtered.url,
      // Built on first use: passthrough never reads the client's headers, envelopes do.
      get headers() {
        return (eventHeaders ??= stripHopByHop(filtered.headers));
      },
      // The client's lines (casing, repeated values) where the adapter kept them (Node).
      get headerPairs() {
        return (eventHeaderPairs ??= context.rawHeaders && reconcileRawHeaders(context.rawHeaders, this.headers));
      },
      body,
      sourceIp: context.peerAddress,
      requestId,
      receivedAt: started,
      pathParameters: route.pathParameters,
      routeKey: route.routeKey,
      resource: route.resource,
      accountId: backend.resolved.accountId ?? '',
    };
    const payload = backend.codec.encodeEvent(inbound);
    // Envelopes add bytes (base64, headers): check what is actually sent.
    if (payload.byteLength > limit) throw payloadTooLarge(limit);
    const clientGone = context.clientGone;
    const result = await invokeLambda(backend.resolved, payload, {
      credentials: backend.credentials,
      transport: platform.transport,
      crypto: platform.sigv4Crypto,
      // Only touch `request.signal` when needed: on Node it costs an AbortController per request.
      signal: clientGone ? undefined : request.signal,
      clientGone,
      abortControllers: invokeTuningOf(platform)?.abortControllers,
    });
    lambdaRequestId = result.lambdaRequestId;
    if (backend.resolved.invocationType === 'Event') {
      response = new Response(null, { status: 202 });
    } else if (result.functionError) {
      response = functionErrorResponse(result, backend, requestId);
    } else {
      response = backend.codec.decodeResult({ payload: result.payload, headers: result.headers }, inbound);
    }
    response.headers.set('x-request-id', requestId);
  } catch (error) {
    failure = error instanceof GatewayError ? error : new GatewayError(500, 'InternalError', 'internal error', { cause: error });
    response = errorResponse(failure, requestId);
  }
  const lines = headerLinesOf(response);
  response = applyResponseFilters(route.filters, response);
  if (lines !== undefined && context.keepHeaderLines) keepLines(context.keepHeaderLines, lines, response);
  logRequest(platform, { method: request.method, url, backend, route, requestId, lambdaRequestId, started, status: response.status, failure });
  return response;
}

/** Hands the adapter the function's repeated headers that survived the response filters. */
function keepLines(keep: (lines: HeaderLines) => void, lines: HeaderLines, response: Response): void {
  const valid = headerLinesStillValid(lines, response.headers);
  if (valid !== undefined) keep(valid);
}

/**
 * `X-Amz-Function-Error`: by default a 502 with the function's errorType and
 * errorMessage (never its stack trace); with `functionErrorMode: passthrough`,
 * Lambda's body unchanged with status 200 and the `x-amz-function-error` header.
 */
function functionErrorResponse(result: InvokeResponse, backend: BoundBackend, requestId: string): Response {
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
  return errorResponse(new GatewayError(502, 'FunctionError', 'the function failed', { details: { errorType, errorMessage } }), requestId);
}

function logRequest(
  platform: Platform,
  entry: {
    method: string;
    url: URL;
    backend: BoundBackend;
    route: RouteContext;
    requestId: string;
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
  };
  if (entry.lambdaRequestId) fields.lambdaRequestId = entry.lambdaRequestId;
  if (!entry.failure) {
    platform.logger.info('request', fields);
    return;
  }
  fields.error = entry.failure.code;
  if (entry.failure.logMessage) fields.detail = entry.failure.logMessage;
  if (entry.failure.code === 'CredentialsUnavailable') fields.detail = entry.failure.message;
  if (entry.failure.status >= 500 && entry.failure.code !== 'FunctionError') {
    if (entry.failure.code === 'InternalError') fields.detail = String(entry.failure.cause);
    platform.logger.error('request failed', fields);
  } else {
    platform.logger.warn('request failed', fields);
  }
}
