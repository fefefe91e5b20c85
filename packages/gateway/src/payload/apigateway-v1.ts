import type { InboundRequest, InvokeResult, PayloadCodec } from './types.ts';
import { DEFAULT_PROTOCOL, DEFAULT_STAGE, GATEWAY_API_ID, apiGatewayBody, domainName, domainPrefix } from './apigateway-common.ts';
import { FunctionHeaders, functionConnectionHeader } from './headers.ts';
import { requestHeaderPairs } from './header-pairs.ts';
import { createMap, encodeJson, isRecord, parseJson } from './json.ts';
import { payloadBytesOf } from './payload-bytes.ts';
import { formatRequestTime } from './time.ts';
import { buildResponse, decodeResultBody, headerValueString, invalidFunctionResponse } from './response.ts';

/** The caller-identity block of a REST API event; we know only the address and user agent. */
export interface ApiGatewayV1Identity {
  accessKey: null;
  accountId: null;
  apiKey: null;
  apiKeyId: null;
  caller: null;
  clientCert: null;
  cognitoAuthenticationProvider: null;
  cognitoAuthenticationType: null;
  cognitoIdentityId: null;
  cognitoIdentityPoolId: null;
  principalOrgId: null;
  sourceIp: string;
  user: null;
  userAgent: string | null;
  userArn: null;
}

/**
 * API Gateway REST API Lambda proxy event (payload format 1.0). Absent values are `null`, never
 * omitted, as REST APIs send them (adapters test `event.multiValueHeaders` etc. for null).
 */
export interface ApiGatewayV1Event {
  resource: string;
  path: string;
  httpMethod: string;
  headers: Record<string, string> | null;
  multiValueHeaders: Record<string, string[]> | null;
  queryStringParameters: Record<string, string> | null;
  multiValueQueryStringParameters: Record<string, string[]> | null;
  pathParameters: Record<string, string> | null;
  stageVariables: null;
  requestContext: {
    accountId: string;
    apiId: string;
    domainName: string;
    domainPrefix: string;
    extendedRequestId: string;
    httpMethod: string;
    identity: ApiGatewayV1Identity;
    path: string;
    protocol: string;
    requestId: string;
    requestTime: string;
    requestTimeEpoch: number;
    resourceId: null;
    resourcePath: string;
    stage: string;
  };
  body: string | null;
  isBase64Encoded: boolean;
}

/** Builds the REST API proxy event object for a request (see {@link encodeApiGatewayV1Event}). */
export function buildApiGatewayV1Event(request: InboundRequest): ApiGatewayV1Event {
  // As REST APIs do: names in the client's casing (the first spelling seen, when a client mixes
  // them), `headers` the LAST value, `multiValueHeaders` every line's value. From the raw pairs
  // (Node); where only Headers exists (a worker) names are lower-case and a repeated header is
  // one "a, b" value.
  const headers = createMap<string>();
  const multiValueHeaders = createMap<string[]>();
  const spelling = new Map<string, string>();
  for (const [rawName, value] of requestHeaderPairs(request)) {
    const lower = rawName.toLowerCase();
    let name = spelling.get(lower);
    if (name === undefined) {
      name = rawName;
      spelling.set(lower, name);
    }
    headers[name] = value;
    (multiValueHeaders[name] ??= []).push(value);
  }
  const query = createMap<string>();
  const multiQuery = createMap<string[]>();
  for (const [key, value] of request.url.searchParams) {
    query[key] = value;
    (multiQuery[key] ??= []).push(value);
  }
  const body = apiGatewayBody(request);
  const path = request.url.pathname;
  const pathParameters = request.pathParameters;
  return {
    resource: request.resource,
    path,
    httpMethod: request.method,
    headers: nullIfEmpty(headers),
    multiValueHeaders: nullIfEmpty(multiValueHeaders),
    queryStringParameters: nullIfEmpty(query),
    multiValueQueryStringParameters: nullIfEmpty(multiQuery),
    pathParameters: pathParameters === undefined ? null : nullIfEmpty(pathParameters),
    stageVariables: null,
    requestContext: {
      accountId: request.accountId,
      apiId: GATEWAY_API_ID,
      domainName: domainName(request),
      domainPrefix: domainPrefix(request),
      extendedRequestId: request.requestId,
      httpMethod: request.method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: request.sourceIp ?? '',
        user: null,
        userAgent: request.headers.get('user-agent'),
        userArn: null,
      },
      path,
      protocol: DEFAULT_PROTOCOL,
      requestId: request.requestId,
      requestTime: formatRequestTime(request.receivedAt),
      requestTimeEpoch: request.receivedAt,
      resourceId: null,
      resourcePath: request.resource,
      stage: DEFAULT_STAGE,
    },
    body: body?.body ?? null,
    isBase64Encoded: body?.isBase64Encoded ?? false,
  };
}

/** The Invoke payload (UTF-8 JSON) of the REST API proxy event for `request`. */
export function encodeApiGatewayV1Event(request: InboundRequest): Uint8Array {
  return encodeJson(buildApiGatewayV1Event(request));
}

/**
 * Turns a REST API proxy result `{statusCode, headers, multiValueHeaders, body, isBase64Encoded}`
 * into the HTTP response. Like API Gateway ("Malformed Lambda proxy response"), anything that is
 * not such an object with an integer statusCode is a 502 InvalidFunctionResponse. 1xx codes are
 * refused too: they are interim responses and cannot be sent as the final one.
 *
 * Header maps merge as the REST API documents ("If the same key-value pair is specified in both,
 * only the values from multiValueHeaders will appear"): for each name, the multiValueHeaders
 * values win and are appended one by one (so Set-Cookie can repeat); otherwise `headers` is used.
 */
export function decodeApiGatewayV1Result(result: InvokeResult, request: InboundRequest): Response {
  const parsed = parseJson(result.payload, payloadBytesOf(request));
  const value = parsed?.value;
  if (!isRecord(value)) throw invalidFunctionResponse('Malformed Lambda proxy response: not a JSON object.');
  // REST APIs refuse any other key ("Malformed Lambda proxy response", 502).
  for (const key of Object.keys(value)) {
    if (!V1_RESULT_KEYS.has(key)) throw invalidFunctionResponse(`Malformed Lambda proxy response: unexpected key "${key}".`);
  }

  const status = value['statusCode'];
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) {
    throw invalidFunctionResponse('Malformed Lambda proxy response: statusCode must be an integer 200-599.');
  }
  const single = value['headers'];
  if (single != null && !isRecord(single)) throw invalidFunctionResponse('Malformed Lambda proxy response: headers.');
  const multi = value['multiValueHeaders'];
  if (multi != null && !isRecord(multi)) {
    throw invalidFunctionResponse('Malformed Lambda proxy response: multiValueHeaders.');
  }
  const body = value['body'];
  if (body != null && typeof body !== 'string') throw invalidFunctionResponse('Malformed Lambda proxy response: body.');

  const out = new FunctionHeaders(functionConnectionHeader(single, multi));
  const fromMulti = new Set<string>();
  if (multi != null) {
    for (const [name, values] of Object.entries(multi)) {
      if (values == null) continue;
      if (!Array.isArray(values)) {
        throw invalidFunctionResponse(`Malformed Lambda proxy response: multiValueHeaders.${name} is not a list.`);
      }
      fromMulti.add(name.toLowerCase());
      for (const item of values) {
        const text = headerValueString(item);
        if (text !== undefined) out.append(name, text);
      }
    }
  }
  if (single != null) {
    for (const [name, raw] of Object.entries(single)) {
      if (fromMulti.has(name.toLowerCase())) continue;
      const text = headerValueString(raw);
      if (text !== undefined) out.append(name, text);
    }
  }

  let bytes: Uint8Array | undefined;
  if (typeof body === 'string') {
    bytes = decodeResultBody(body, value['isBase64Encoded'] === true, payloadBytesOf(request));
    if (bytes === undefined) throw invalidFunctionResponse('Malformed Lambda proxy response: body is not base64.');
  }
  return buildResponse(status, out.headers, bytes, request.requestId, out.repeatedLines());
}

/** The only keys a REST API proxy result may have. */
const V1_RESULT_KEYS: ReadonlySet<string> = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']);

/** The REST API proxy codec (`apigateway-v1`). */
export const apiGatewayV1Codec: PayloadCodec = {
  mode: 'apigateway-v1',
  encodeEvent: encodeApiGatewayV1Event,
  decodeResult: decodeApiGatewayV1Result,
};

function nullIfEmpty<T>(map: Record<string, T>): Record<string, T> | null {
  return Object.keys(map).length === 0 ? null : map;
}
