import type { InboundRequest, InvokeResult, PayloadCodec } from './types.ts';
import { toEventBody } from './body.ts';
import { requestHeaderPairs } from './header-pairs.ts';
import { FunctionHeaders, functionConnectionHeader } from './headers.ts';
import { createMap, encodeJson, isRecord, parseJson } from './json.ts';
import { payloadBytesOf } from './payload-bytes.ts';
import { buildResponse, decodeResultBody, invalidFunctionResponse, isSendableStatus } from './response.ts';

/*
 * Envoy's aws_lambda filter JSON envelope (kgateway `payloadTransformMode: Envoy`), matched to
 * envoyproxy/envoy source/extensions/filters/http/aws_lambda/aws_lambda_filter.cc
 * (jsonizeRequest / dejsonizeResponse / isContentTypeTextual) and request_response.proto.
 */

/**
 * Status of the error for a result that cannot be read as Envoy's response envelope.
 * Envoy itself answers 500 (it sets `:status 500` and drops the body when `loadFromJson`
 * fails); this gateway answers 502 `InvalidFunctionResponse` in every payload mode so the
 * error policy is one table (README "Error policy").
 */
export const ENVOY_INVALID_RESPONSE_STATUS = 502;

/**
 * The request envelope. Field order is the proto field order, and every field is always present:
 * Envoy prints it with `always_print_primitive_fields` and `preserve_proto_field_names`
 * (snake_case), so a request without a body still has `"body":""` and `"is_base64_encoded":false`.
 */
export interface EnvoyLambdaRequest {
  raw_path: string;
  method: string;
  headers: Record<string, string>;
  query_string_parameters: Record<string, string>;
  body: string;
  is_base64_encoded: boolean;
}

/** Builds Envoy's request envelope (see {@link encodeEnvoyEvent}). */
export function buildEnvoyEvent(request: InboundRequest): EnvoyLambdaRequest {
  const headers = createMap<string>();
  for (const [rawName, value] of requestHeaderPairs(request)) {
    // Envoy's header map holds lower-case names.
    const name = rawName.toLowerCase();
    // Envoy holds Host as the `:authority` pseudo-header and skips pseudo-headers, so the
    // envelope never has a host entry.
    if (name === 'host') continue;
    const previous = headers[name];
    // jsonizeRequest coalesces each further line with ","; Cookie lines are one header joined
    // with "; " (RFC 9113 §8.2.3, which is how Envoy's codecs hand a split Cookie on).
    headers[name] = previous === undefined ? value : `${previous}${name === 'cookie' ? '; ' : ','}${value}`;
  }
  const rawPath = request.url.pathname + request.url.search;
  const hasBody = request.body.length > 0;
  const body = hasBody ? toEventBody(request.body, isEnvoyTextual(request.headers.get('content-type'))) : undefined;
  return {
    raw_path: rawPath,
    method: request.method,
    headers,
    query_string_parameters: envoyQueryParameters(request.url.search),
    body: body?.body ?? '',
    is_base64_encoded: body?.isBase64Encoded ?? false,
  };
}

/** The Invoke payload (UTF-8 JSON) of Envoy's request envelope for `request`. */
export function encodeEnvoyEvent(request: InboundRequest): Uint8Array {
  return encodeJson(buildEnvoyEvent(request));
}

/**
 * Turns a result in Envoy's response envelope into the HTTP response, as `dejsonizeResponse`
 * does: the payload is parsed into the proto `Response {status_code, headers, cookies, body,
 * is_base64_encoded}` with proto3 JSON rules, so both `statusCode` and `status_code` (and
 * `isBase64Encoded` / `is_base64_encoded`) are accepted, unknown fields are ignored, null means
 * "default", and a wrong type fails. Then: content-type defaults to application/json, each
 * function header replaces the same-named one, each cookie becomes a Set-Cookie, status 0 (or
 * absent) keeps 200, and the body is base64-decoded when flagged.
 *
 * A payload that does not load (not JSON, not an object, wrong field types) is Envoy's 500:
 * GatewayError(500, 'InvalidFunctionResponse'). Two deliberate differences from Envoy: a status
 * Fetch cannot send (outside 200-599) and a body flagged base64 that is not base64 are errors
 * here too, where Envoy would emit the odd status or an empty body.
 */
export function decodeEnvoyResult(result: InvokeResult, request: InboundRequest): Response {
  const value = parseJson(result.payload, payloadBytesOf(request))?.value;
  if (!isRecord(value)) throw envoyError('The function result is not a JSON object.');

  const status = envoyStatus(value['status_code'] ?? value['statusCode']);
  const rawHeaders = value['headers'] ?? null;
  if (rawHeaders !== null && !isStringMap(rawHeaders)) throw envoyError('"headers" must map names to strings.');
  const cookies = value['cookies'] ?? null;
  if (cookies !== null && !isStringList(cookies)) throw envoyError('"cookies" must be a list of strings.');
  const body = value['body'] ?? '';
  if (typeof body !== 'string') throw envoyError('"body" must be a string.');
  const base64 = value['is_base64_encoded'] ?? value['isBase64Encoded'] ?? false;
  if (typeof base64 !== 'boolean') throw envoyError('"is_base64_encoded" must be a boolean.');

  const out = new FunctionHeaders(functionConnectionHeader(rawHeaders));
  out.set('content-type', 'application/json');
  if (rawHeaders !== null) {
    for (const [name, text] of Object.entries(rawHeaders)) {
      if (name.startsWith(':')) continue; // Envoy ignores pseudo-headers here
      out.set(name, text);
    }
  }
  for (const cookie of cookies ?? []) out.append('set-cookie', cookie);

  let bytes: Uint8Array | undefined;
  if (body !== '') {
    bytes = decodeResultBody(body, base64, payloadBytesOf(request));
    if (bytes === undefined) throw envoyError('"body" is marked base64 but is not base64.');
  }
  return buildResponse(status, out.headers, bytes, request.requestId, out.repeatedLines());
}

/** Envoy's envelope codec (`envoy`). */
export const envoyCodec: PayloadCodec = {
  mode: 'envoy',
  encodeEvent: encodeEnvoyEvent,
  decodeResult: decodeEnvoyResult,
};

/**
 * Envoy's `isContentTypeTextual`: the WHOLE lower-cased content-type value must equal
 * application/json, application/javascript or application/xml, or start with `text/`. Parameters
 * are not stripped, so `application/json; charset=utf-8` is sent base64-encoded, exactly as Envoy
 * does; a missing content type is binary. (Envoy also treats any non-identity Transfer-Encoding
 * as binary; hop-by-hop headers are gone by the time a codec runs, and the body is de-chunked.)
 */
export function isEnvoyTextual(contentType: string | null): boolean {
  if (contentType === null) return false;
  const value = contentType.toLowerCase();
  return value === 'application/json' || value === 'application/javascript' || value === 'application/xml' || value.startsWith('text/');
}

/**
 * Envoy's query map: `QueryParamsMulti::parseQueryString` on the path, NOT percent-decoded, split
 * on `&` then the first `=`, a key without `=` maps to "", and the FIRST value of a repeated key
 * wins (jsonizeRequest copies `values[0]`; the proto comment saying "last one wins" is stale).
 */
function envoyQueryParameters(search: string): Record<string, string> {
  const out = createMap<string>();
  if (search.length <= 1) return out;
  for (const part of search.slice(1).split('&')) {
    const eq = part.indexOf('=');
    const key = eq === -1 ? part : part.slice(0, eq);
    if (out[key] === undefined) out[key] = eq === -1 ? '' : part.slice(eq + 1);
  }
  return out;
}

/** `status_code` under proto3 JSON rules for uint32: a non-negative integer or its decimal string. */
function envoyStatus(raw: unknown): number {
  if (raw === undefined || raw === null) return 200;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw envoyError('"statusCode" must be a non-negative integer.');
  if (n === 0) return 200; // proto default: Envoy leaves Lambda's own 200 in place
  if (!isSendableStatus(n)) throw envoyError(`statusCode ${n} cannot be sent as a final HTTP status.`);
  return n;
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function envoyError(message: string) {
  return invalidFunctionResponse(message, ENVOY_INVALID_RESPONSE_STATUS);
}
