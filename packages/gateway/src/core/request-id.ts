const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * The request id: the client's `x-request-id` when it is a sane token (so ids
 * correlate across proxies), else a fresh UUID. Echoed in `x-request-id` and in
 * every error body.
 */
export function requestIdFor(headers: Headers): string {
  const incoming = headers.get('x-request-id');
  return incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
