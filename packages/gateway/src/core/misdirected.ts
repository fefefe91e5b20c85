/**
 * 421 Misdirected Request (RFC 9110 §15.5.20; RFC 9113 §9.1.1 for reused HTTP/2 connections):
 * the answer when the TLS connection was opened for one listener (by SNI) and the request's
 * Host belongs to another listener on the same port. The Gateway API asks for it in
 * `Listener.hostname` ("To detect misdirected requests, Gateways SHOULD match the authority of
 * the requests with all the SNI hostname(s) configured across all the Gateway Listeners on the
 * same port"); a client that coalesced connections then opens one for the right name.
 */
import { GatewayError, errorResponse } from '../errors/index.ts';
import type { Logger } from '../logging/index.ts';
import type { GatewayMetrics } from './gateway-metrics.ts';
import { requestIdFor } from './request-id.ts';

/** The 421 answer, logged as a failed request and counted (`logger`, `metrics`: the platform's; the names are the client's own SNI and Host). */
export function misdirectedResponse(
  request: Request,
  serverName: string,
  options: { exposeDetails?: boolean; logger?: Logger; metrics?: GatewayMetrics | undefined } = {},
): Response {
  const url = new URL(request.url);
  const requestId = requestIdFor(request.headers);
  options.logger?.warn('request failed', {
    requestId,
    method: request.method,
    path: url.pathname,
    status: 421,
    error: 'MisdirectedRequest',
    serverName,
    host: url.hostname,
  });
  options.metrics?.requestUnrouted?.(421, 'MisdirectedRequest');
  return errorResponse(
    new GatewayError(421, 'MisdirectedRequest', `the connection was opened for ${serverName}, whose listener does not serve ${url.hostname}`),
    requestId,
    options,
  );
}
