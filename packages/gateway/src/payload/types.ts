import type { HeaderPair } from './header-pairs.ts';
import type { PayloadBytes } from './payload-bytes.ts';

/**
 * The request as the payload codecs see it: already matched to a route, body
 * already read (and size-checked), hop-by-hop headers already removed.
 */
export interface InboundRequest {
  method: string;
  /** Full request URL as received (path and raw query string preserved). */
  url: URL;
  /** Client headers minus hop-by-hop headers. */
  headers: Headers;
  /**
   * The same headers as the client's lines (name casing and repeated values kept), where the
   * runtime has them (Node's `rawHeaders`); absent: envelopes rebuild them from `headers`.
   */
  headerPairs?: readonly HeaderPair[] | undefined;
  /** The whole body; empty when the request had none. */
  body: Uint8Array;
  /** Client address, when the runtime knows it. */
  sourceIp: string | undefined;
  /** The gateway's request id (also returned to the client as `x-request-id`). */
  requestId: string;
  /** When the gateway received the request (epoch milliseconds). */
  receivedAt: number;
  /** Named parameters extracted by the route (regex named groups, `{proxy+}` remainder, Hono params). */
  pathParameters: Record<string, string> | undefined;
  /** API Gateway style route key, e.g. `ANY /echo/{proxy+}` or `POST /items`. */
  routeKey: string;
  /** API Gateway v1 `resource`, e.g. `/echo/{proxy+}`. */
  resource: string;
  /** Account that owns the function (API Gateway puts the API's account in requestContext). */
  accountId: string;
  /** The runtime's byte helpers (base64, UTF-8) for envelopes (Platform.payloadBytes); absent: the Web defaults. */
  payloadBytes?: PayloadBytes | undefined;
}

/** What the function returned, as Lambda's Invoke API gave it back. */
export interface InvokeResult {
  /** Response payload bytes (the function's JSON-serialized return value). */
  payload: Uint8Array;
  /** Invoke response headers (Content-Type, X-Amz-Executed-Version, ...). */
  headers: Headers;
}

/**
 * Turns an HTTP request into a Lambda event and the function's result into an
 * HTTP response. One codec per payload mode; all are pure (Web APIs only).
 */
export interface PayloadCodec {
  /** Name used in config and logs, e.g. `passthrough`. */
  readonly mode: PayloadMode;
  /**
   * The Invoke payload. Throws GatewayError(400, 'InvalidRequestContent') when the
   * request cannot be represented in this mode.
   */
  encodeEvent(request: InboundRequest): Uint8Array;
  /**
   * The HTTP response for a successful (non-function-error) invocation.
   * Throws GatewayError(502, 'InvalidFunctionResponse') when the function's result is
   * malformed for this mode. Carries `x-request-id: request.requestId` (the pipeline does not
   * add it to these responses, so that passthrough's can stay a plain header record).
   */
  decodeResult(result: InvokeResult, request: InboundRequest): Response;
}

export const PAYLOAD_MODES = ['passthrough', 'envoy', 'apigateway-v2', 'apigateway-v1'] as const;
export type PayloadMode = (typeof PAYLOAD_MODES)[number];
