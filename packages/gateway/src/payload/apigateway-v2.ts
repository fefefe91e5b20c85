import type { InboundRequest, InvokeResult, PayloadCodec } from './types.ts';
import { DEFAULT_PROTOCOL, DEFAULT_STAGE, GATEWAY_API_ID, apiGatewayBody, apiGatewayBodyLiteral, domainName, domainPrefix } from './apigateway-common.ts';
import type { EventBody, EventBodyLiteral } from './body.ts';
import { FunctionHeaders, functionConnectionHeader } from './headers.ts';
import { requestHeaderPairs } from './header-pairs.ts';
import { createMap, encodeJson, encodeJsonWithBody, encodeUtf8, isRecord, parseJson } from './json.ts';
import { payloadBytesOf } from './payload-bytes.ts';
import { formatRequestTime } from './time.ts';
import { buildResponse, decodeResultBody, headerValueString, invalidFunctionResponse, isSendableStatus } from './response.ts';

/**
 * API Gateway HTTP API payload format 2.0, which Lambda function URLs use too. Absent optional
 * fields are omitted, not null (the AWS examples show both; omission is what real events do for
 * `cookies`, `queryStringParameters`, `body` and `pathParameters`).
 */
export interface ApiGatewayV2Event {
  version: '2.0';
  routeKey: string;
  rawPath: string;
  rawQueryString: string;
  cookies?: string[];
  headers: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  requestContext: {
    accountId: string;
    apiId: string;
    domainName: string;
    domainPrefix: string;
    http: { method: string; path: string; protocol: string; sourceIp: string; userAgent: string };
    requestId: string;
    routeKey: string;
    stage: string;
    time: string;
    timeEpoch: number;
  };
  body?: string;
  pathParameters?: Record<string, string>;
  isBase64Encoded: boolean;
}

/** Builds the format 2.0 event object for a request (see {@link encodeApiGatewayV2Event}). */
export function buildApiGatewayV2Event(request: InboundRequest): ApiGatewayV2Event {
  return buildEvent(request, (contentType) => apiGatewayBody(request, contentType));
}

/**
 * The event with `bodyOf`'s answer as its body: the body itself (buildApiGatewayV2Event), or
 * a stand-in whose literal encodeApiGatewayV2Event writes in its place.
 */
function buildEvent(request: InboundRequest, bodyOf: (contentType: string | null) => EventBody | undefined): ApiGatewayV2Event {
  // Cookies travel in their own field and NOT in headers: adapters rebuild the Cookie header from
  // `cookies`, and a second copy in headers would be appended to it.
  // One pass over the headers: iteration yields lower-case names, and for every name but
  // Set-Cookie the same combined value as `get()`, so cookie, user-agent and content-type are
  // picked up on the way instead of being looked up again.
  const headers = createMap<string>();
  let cookie: string | null = null;
  let contentType: string | null = null;
  for (const [rawName, value] of requestHeaderPairs(request)) {
    const name = rawName.toLowerCase();
    if (name === 'cookie') {
      cookie = cookie === null ? value : `${cookie}; ${value}`;
      continue;
    }
    const previous = headers[name];
    // Repeated lines are joined with "," as HTTP APIs do. (From Headers, a worker's only view,
    // a repeated header is already one ", "-joined value.)
    headers[name] = previous === undefined ? value : `${previous},${value}`;
    if (name === 'content-type') contentType = headers[name];
  }
  const userAgent = headers['user-agent'] ?? '';
  const url = request.url;
  const body = bodyOf(contentType);
  const path = url.pathname;
  // `search` is '' when the query is absent or empty: then there are no parameters to decode.
  const search = url.search;
  const cookies = splitCookies(cookie);
  const query = search === '' ? undefined : joinedQueryParameters(url.searchParams);
  const pathParameters = request.pathParameters;

  // Fields are added in the order of the format (JSON keeps insertion order); absent optional
  // ones are not added at all.
  const event: Partial<ApiGatewayV2Event> = {
    version: '2.0',
    routeKey: request.routeKey,
    rawPath: path,
    rawQueryString: search.slice(1),
  };
  if (cookies !== undefined) event.cookies = cookies;
  event.headers = headers;
  if (query !== undefined) event.queryStringParameters = query;
  event.requestContext = {
    accountId: request.accountId,
    apiId: GATEWAY_API_ID,
    domainName: domainName(request),
    domainPrefix: domainPrefix(request),
    http: {
      method: request.method,
      path,
      protocol: DEFAULT_PROTOCOL,
      sourceIp: request.sourceIp ?? '',
      userAgent,
    },
    requestId: request.requestId,
    routeKey: request.routeKey,
    stage: DEFAULT_STAGE,
    time: formatRequestTime(request.receivedAt),
    timeEpoch: request.receivedAt,
  };
  if (body !== undefined) event.body = body.body;
  if (pathParameters !== undefined && Object.keys(pathParameters).length > 0) event.pathParameters = pathParameters;
  event.isBase64Encoded = body?.isBase64Encoded ?? false;
  return event as ApiGatewayV2Event;
}

/** See encodeApiGatewayV2Event. */
const SPLICE_BODY_FROM_BYTES = 4096;

/**
 * The Invoke payload (UTF-8 JSON) of the format 2.0 event for `request`: the bytes of
 * `encodeJson(buildApiGatewayV2Event(request))`, with the body written from its bytes.
 */
export function encodeApiGatewayV2Event(request: InboundRequest): Uint8Array {
  // A small body takes the plain way (decoded, through JSON.stringify, encoded back): cheaper
  // than splicing its literal in below 4 KiB (timed in-process on Node 20: 5.9 vs 11.6 µs at 100 B,
  // 9.2 vs 13.8 µs at 1 KiB, but 32 vs 22 µs at 8 KiB and 538 vs 198 µs at 128 KiB). Same bytes.
  if (request.body.length < SPLICE_BODY_FROM_BYTES) return encodeJson(buildApiGatewayV2Event(request));
  let literal: EventBodyLiteral | undefined;
  const event = buildEvent(request, (contentType) => {
    literal = apiGatewayBodyLiteral(request, contentType);
    return literal && { body: '', isBase64Encoded: literal.isBase64Encoded };
  });
  return literal ? encodeJsonWithBody(event, 'body', literal) : encodeJson(event);
}

/**
 * Turns a format 2.0 function result into the HTTP response, following the AWS rules
 * (apigateway "http-api-develop-integrations-lambda", lambda "urls-invocation"):
 * - a JSON object with `statusCode`: that status, `headers`, one Set-Cookie per `cookies` entry,
 *   `body` (base64-decoded when `isBase64Encoded` is true);
 * - a JSON string: 200, `content-type: application/json`, the string itself as the body
 *   (without its JSON quotes), as the HTTP API response table interprets `"Hello from Lambda!"`;
 * - any other valid JSON (object without statusCode, number, array, null, boolean): 200,
 *   `content-type: application/json`, and the payload itself as the body;
 * - anything else: GatewayError 502 InvalidFunctionResponse.
 */
export function decodeApiGatewayV2Result(result: InvokeResult, request: InboundRequest): Response {
  const helpers = payloadBytesOf(request);
  const parsed = parseJson(result.payload, helpers);
  if (parsed === undefined) throw invalidFunctionResponse('The function result is not valid JSON.');
  const value = parsed.value;
  if (typeof value === 'string') {
    return buildResponse(200, new Headers({ 'content-type': 'application/json' }), encodeUtf8(value), request.requestId);
  }
  if (!isRecord(value) || !('statusCode' in value)) {
    // Hand the payload bytes through untouched: no re-serialization of a possibly 6 MB value.
    const headers = new Headers();
    headers.set('content-type', 'application/json');
    return buildResponse(200, headers, result.payload, request.requestId);
  }

  const status = value['statusCode'];
  if (typeof status !== 'number' || !isSendableStatus(status)) {
    throw invalidFunctionResponse('The function result has an invalid statusCode.');
  }
  const rawHeaders = value['headers'];
  if (rawHeaders != null && !isRecord(rawHeaders)) throw invalidFunctionResponse('"headers" must be an object.');
  const cookies = value['cookies'];
  if (cookies != null && !Array.isArray(cookies)) throw invalidFunctionResponse('"cookies" must be an array.');
  const body = value['body'];
  if (body != null && typeof body !== 'string') throw invalidFunctionResponse('"body" must be a string.');

  const out = new FunctionHeaders(functionConnectionHeader(rawHeaders));
  if (rawHeaders != null) {
    for (const [name, raw] of Object.entries(rawHeaders)) {
      for (const item of Array.isArray(raw) ? raw : [raw]) {
        const text = headerValueString(item);
        if (text !== undefined) out.append(name, text);
      }
    }
  }
  for (const cookie of cookies ?? []) {
    const text = headerValueString(cookie);
    if (text !== undefined) out.append('set-cookie', text);
  }

  let bytes: Uint8Array | undefined;
  if (typeof body === 'string') {
    bytes = decodeResultBody(body, value['isBase64Encoded'] === true, helpers);
    if (bytes === undefined) throw invalidFunctionResponse('"body" is marked isBase64Encoded but is not base64.');
  }
  return buildResponse(status, out.headers, bytes, request.requestId, out.repeatedLines());
}

/** The format 2.0 codec (`apigateway-v2`). */
export const apiGatewayV2Codec: PayloadCodec = {
  mode: 'apigateway-v2',
  encodeEvent: encodeApiGatewayV2Event,
  decodeResult: decodeApiGatewayV2Result,
};

/** Splits a Cookie header into its `name=value` pairs (`; ` separated, tolerant of `;`); undefined when none. */
function splitCookies(header: string | null): string[] | undefined {
  if (header === null) return undefined;
  let out: string[] | undefined;
  for (const part of header.split(';')) {
    const pair = part.trim();
    if (pair !== '') (out ??= []).push(pair);
  }
  return out;
}

/** Decoded query parameters, repeated keys joined with `,` as format 2.0 does; undefined when none. */
function joinedQueryParameters(params: URLSearchParams): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const [key, value] of params) {
    out ??= createMap<string>();
    const previous = out[key];
    out[key] = previous === undefined ? value : `${previous},${value}`;
  }
  return out;
}
