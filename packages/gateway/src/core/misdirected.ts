/**
 * 421 Misdirected Request (RFC 9110 §15.5.20; RFC 9113 §9.1.1 for reused HTTP/2 connections):
 * the answer when the TLS connection was opened for one listener (by SNI) and the request's
 * Host belongs to another listener on the same port. The Gateway API asks for it in
 * `Listener.hostname` ("To detect misdirected requests, Gateways SHOULD match the authority of
 * the requests with all the SNI hostname(s) configured across all the Gateway Listeners on the
 * same port"); a client that coalesced connections then opens one for the right name.
 */
import { GatewayError, errorResponse } from '../errors/index.ts';
import type { Platform } from './platform.ts';
import { requestIdFor } from './request-id.ts';
import { recordUnrouted } from './unrouted.ts';

/** The 421 answer, logged and counted (recordUnrouted) when `platform` is given; the names are the client's own SNI and Host. */
export function misdirectedResponse(
  request: Request,
  serverName: string,
  options: { exposeDetails?: boolean; platform?: Pick<Platform, 'logger' | 'metrics'> } = {},
): Response {
  const url = new URL(request.url);
  const requestId = requestIdFor(request.headers);
  if (options.platform) {
    recordUnrouted(options.platform, {
      requestId,
      method: request.method,
      path: url.pathname,
      status: 421,
      error: 'MisdirectedRequest',
      details: { serverName, host: url.hostname },
    });
  }
  return errorResponse(
    new GatewayError(421, 'MisdirectedRequest', `the connection was opened for ${serverName}, whose listener does not serve ${url.hostname}`),
    requestId,
    options,
  );
}
