import type { InboundRequest, InvokeResult, PayloadCodec } from './types.ts';
import {
  DEFAULT_PROTOCOL,
  DEFAULT_STAGE,
  GATEWAY_API_ID,
  apiGatewayBody,
  domainName,
  domainPrefix,
  rawQueryString,
} from './apigateway-common.ts';
import { FunctionHeaders, functionConnectionHeader } from './headers.ts';
import { createMap, encodeJson, isRecord, parseJson } from './json.ts';
import { formatRequestTime } from './time.ts';
import {
  buildResponse,
  decodeResultBody,
  headerValueString,
  invalidFunctionResponse,
  isSendableStatus,
} from './response.ts';

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
  // Cookies travel in their own field and NOT in headers: adapters rebuild the Cookie header from
  // `cookies`, and a second copy in headers would be appended to it.
  const cookies = splitCookies(request.headers.get('cookie'));
  const headers = createMap<string>();
  for (const [name, value] of request.headers) {
    if (name === 'cookie') continue;
    const previous = headers[name];
    // Repeated headers are comma-joined. Headers has already joined most of them (", "); only
    // Set-Cookie is iterated value by value.
    headers[name] = previous === undefined ? value : `${previous},${value}`;
  }
  const body = apiGatewayBody(request);
  const path = request.url.pathname;
  return {
    version: '2.0',
    routeKey: request.routeKey,
    rawPath: path,
    rawQueryString: rawQueryString(request),
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...optional('queryStringParameters', joinedQueryParameters(request.url.searchParams)),
    requestContext: {
      accountId: request.accountId,
      apiId: GATEWAY_API_ID,
      domainName: domainName(request),
      domainPrefix: domainPrefix(request),
      http: {
        method: request.method,
        path,
        protocol: DEFAULT_PROTOCOL,
        sourceIp: request.sourceIp ?? '',
        userAgent: request.headers.get('user-agent') ?? '',
      },
      requestId: request.requestId,
      routeKey: request.routeKey,
      stage: DEFAULT_STAGE,
      time: formatRequestTime(request.receivedAt),
      timeEpoch: request.receivedAt,
    },
    ...(body === undefined ? {} : { body: body.body }),
    ...optional('pathParameters', request.pathParameters),
    isBase64Encoded: body?.isBase64Encoded ?? false,
  };
}

/** The Invoke payload (UTF-8 JSON) of the format 2.0 event for `request`. */
export function encodeApiGatewayV2Event(request: InboundRequest): Uint8Array {
  return encodeJson(buildApiGatewayV2Event(request));
}

/**
 * Turns a format 2.0 function result into the HTTP response, following the AWS rules
 * (apigateway "http-api-develop-integrations-lambda", lambda "urls-invocation"):
 * - a JSON object with `statusCode`: that status, `headers`, one Set-Cookie per `cookies` entry,
 *   `body` (base64-decoded when `isBase64Encoded` is true);
 * - any other valid JSON (object without statusCode, string, number, array, null): 200,
 *   `content-type: application/json`, and the payload itself as the body. For a string that
 *   means the JSON text with its quotes, which is what the function-URL doc shows the client
 *   receiving (`"Hello, world!"`, content-length 15);
 * - anything else: GatewayError 502 InvalidFunctionResponse.
 */
export function decodeApiGatewayV2Result(result: InvokeResult, _request: InboundRequest): Response {
  const parsed = parseJson(result.payload);
  if (parsed === undefined) throw invalidFunctionResponse('The function result is not valid JSON.');
  const value = parsed.value;
  if (!isRecord(value) || !('statusCode' in value)) {
    // Hand the payload bytes through untouched: no re-serialization of a possibly 6 MB value.
    return buildResponse(200, new Headers({ 'content-type': 'application/json' }), result.payload);
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
    bytes = decodeResultBody(body, value['isBase64Encoded'] === true);
    if (bytes === undefined) throw invalidFunctionResponse('"body" is marked isBase64Encoded but is not base64.');
  }
  return buildResponse(status, out.headers, bytes);
}

/** The format 2.0 codec (`apigateway-v2`). */
export const apiGatewayV2Codec: PayloadCodec = {
  mode: 'apigateway-v2',
  encodeEvent: encodeApiGatewayV2Event,
  decodeResult: decodeApiGatewayV2Result,
};

/** Splits a Cookie header into its `name=value` pairs (`; ` separated, tolerant of `;`). */
function splitCookies(header: string | null): string[] {
  if (header === null) return [];
  return header
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Decoded query parameters, repeated keys joined with `,` as format 2.0 does. */
function joinedQueryParameters(params: URLSearchParams): Record<string, string> {
  const out = createMap<string>();
  for (const [key, value] of params) {
    const previous = out[key];
    out[key] = previous === undefined ? value : `${previous},${value}`;
  }
  return out;
}

/** `{ [key]: value }` when `value` has entries, `{}` otherwise: 2.0 omits empty maps. */
function optional<K extends string>(key: K, value: Record<string, string> | undefined): { [P in K]?: Record<string, string> } {
  return value !== undefined && Object.keys(value).length > 0 ? ({ [key]: value } as { [P in K]: Record<string, string> }) : {};
}
