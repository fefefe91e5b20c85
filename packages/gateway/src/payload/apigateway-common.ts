import type { InboundRequest } from './types.ts';
import type { EventBody, EventBodyLiteral } from './body.ts';
import { isTextualContentType, toEventBody, toEventBodyLiteral } from './body.ts';
import { payloadBytesOf } from './payload-bytes.ts';

/**
 * `requestContext.apiId`. There is no API Gateway API behind this gateway; a fixed, recognisable
 * id lets functions tell where the event came from without looking like a real API id.
 */
export const GATEWAY_API_ID = 'lambda-gateway';

/** `stage` / `requestContext.stage`: the name HTTP APIs and function URLs use for "no stage". */
export const DEFAULT_STAGE = '$default';

/**
 * `requestContext.http.protocol` / `requestContext.protocol`. The codecs do not see the wire
 * protocol; HTTP/1.1 is what API Gateway reports for most clients.
 */
export const DEFAULT_PROTOCOL = 'HTTP/1.1';

/** Host and port as the client addressed us (`url.host` omits default ports). */
export function domainName(request: InboundRequest): string {
  // The port is kept on purpose: adapters such as hono/aws-lambda rebuild the request URL from
  // domainName, and dropping a non-default port would break absolute URLs the app generates.
  return request.url.host;
}

/** First label of the host name, as API Gateway reports `domainPrefix`. */
export function domainPrefix(request: InboundRequest): string {
  const host = request.url.hostname;
  const dot = host.indexOf('.');
  return dot === -1 ? host : host.slice(0, dot);
}

/**
 * The request body for an API Gateway event, or undefined when the request had none.
 * `contentType` is the request's Content-Type, for a caller that already has it at hand.
 */
export function apiGatewayBody(request: InboundRequest, contentType?: string | null): EventBody | undefined {
  if (request.body.length === 0) return undefined;
  return toEventBody(
    request.body,
    isTextualContentType(contentType === undefined ? request.headers.get('content-type') : contentType),
    payloadBytesOf(request),
  );
}

/**
 * The same body as a JSON literal (see encodeJsonWithBody), or undefined when the request had
 * none; with it the stand-in `EventBody` a builder puts in the event in its place.
 */
export function apiGatewayBodyLiteral(request: InboundRequest, contentType: string | null): EventBodyLiteral | undefined {
  if (request.body.length === 0) return undefined;
  return toEventBodyLiteral(request.body, isTextualContentType(contentType), payloadBytesOf(request));
}

/** Query string without the leading `?`, exactly as received (still percent-encoded). */
export function rawQueryString(request: InboundRequest): string {
  return request.url.search.slice(1);
}
