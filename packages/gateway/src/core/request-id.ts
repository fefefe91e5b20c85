const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * The request id: the client's `x-request-id` when it is a sane token (so ids
 * correlate across proxies), else a fresh UUID. Echoed in `x-request-id` and in
 * every error body.
 *
 * Why not Hono's `hono/request-id` middleware: it accepts a different set
 * (`[\w=-]`, up to 255 characters: ids with `.` or `:`, which proxies and
 * tracing headers use, would be replaced), it only runs where it is mounted
 * (`lambda()` handlers live in the user's app, which may not mount it), and it
 * sets the header through `c.header()`, which makes Hono copy every Response
 * the pipeline returns into a new one.
 */
export function requestIdFor(headers: Headers): string {
  return requestIdFromValue(headers.get('x-request-id'));
}

/** requestIdFor on a raw header value (adapters that have no `Headers`, e.g. Node's rejections before routing). */
export function requestIdFromValue(incoming: string | null | undefined): string {
  return incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
