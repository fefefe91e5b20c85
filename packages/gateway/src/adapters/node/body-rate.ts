import type { IncomingMessage } from 'node:http';
import { GatewayError } from '../../errors/index.ts';

/**
 * The minimum body rate. Node's own `requestTimeout` only bounds the whole
 * request (300 s), which a 1 byte/s trickle or a body shorter than its
 * Content-Length uses to the end; this check cuts them within the grace
 * period plus a second, while a large body on a slow but real link goes on.
 *
 * Bytes are counted on the socket (`bytesRead`), so nothing has to listen to
 * the body stream (which would start it flowing before the handler reads it).
 */
const CHECK_INTERVAL_MS = 1_000;

export function bodyTooSlow(minBytesPerSecond: number): GatewayError {
  return new GatewayError(408, 'RequestTimeout', `the request body arrived slower than ${minBytesPerSecond} bytes/s`);
}

/**
 * Registers the body's reader (readIncomingBody), told when the client sends too slowly; returns
 * the unregistration. Kept on the body's watch entry (a request whose body is not watched can
 * never be too slow).
 */
export function onBodyTooSlow(incoming: IncomingMessage, listener: (error: GatewayError) => void): () => void {
  const watch = watched.get(incoming);
  if (watch === undefined) return ignore;
  watch.listener = listener;
  return () => {
    if (watch.listener === listener) watch.listener = undefined;
  };
}

const ignore = () => undefined;

export interface BodyRate {
  minBytesPerSecond: number;
  graceMs: number;
}

interface Watch {
  rate: BodyRate;
  startBytes: number;
  started: number;
  onSlow: () => void;
  /** The body's reader, when one is reading it. */
  listener: ((error: GatewayError) => void) | undefined;
}

/**
 * Every body being watched, checked by one shared timer. Not a timer per request: each one
 * lived a full interval after its (usually sub-millisecond) body had arrived, keeping the
 * request and its response reachable for that second; under load that was thousands of
 * requests promoted to the old generation at a time (peak memory and GC work, found with a
 * heap profile of the bench). Entries leave when the body is complete, at the response's
 * end (unwatchBody) or at the next check.
 */
const watched = new Map<IncomingMessage, Watch>();
let ticker: ReturnType<typeof setInterval> | undefined;

/**
 * Watches a request that has a body until it is complete. Too slow: its reader
 * rejects with a 408 (answered as JSON, then the connection is closed); without
 * a reader (the handler is not reading, or the answer is already sent and the
 * rest is being discarded) the connection is closed at once. Checked every
 * second: a slow body is cut within the grace period plus a second.
 */
export function watchBodyRate(incoming: IncomingMessage, rate: BodyRate, onSlow: () => void): void {
  if (rate.minBytesPerSecond <= 0 || incoming.complete) return;
  watched.set(incoming, { rate, startBytes: incoming.socket.bytesRead, started: Date.now(), onSlow, listener: undefined });
  if (ticker === undefined) {
    ticker = setInterval(checkBodyRates, CHECK_INTERVAL_MS);
    ticker.unref();
  }
}

/** The request is over (its response sent) and its body complete: nothing left to watch. */
export function unwatchBody(incoming: IncomingMessage): void {
  if (incoming.complete) watched.delete(incoming);
}

function checkBodyRates(): void {
  const now = Date.now();
  for (const [incoming, watch] of watched) {
    const socket = incoming.socket;
    if (incoming.complete || socket.destroyed) {
      watched.delete(incoming);
      continue;
    }
    const elapsedMs = now - watch.started;
    if (elapsedMs < watch.rate.graceMs) continue;
    if (socket.bytesRead - watch.startBytes >= (watch.rate.minBytesPerSecond * elapsedMs) / 1000) continue;
    watched.delete(incoming);
    watch.onSlow();
    if (watch.listener) watch.listener(bodyTooSlow(watch.rate.minBytesPerSecond));
    else socket.destroy();
  }
  if (watched.size === 0 && ticker !== undefined) {
    clearInterval(ticker);
    ticker = undefined;
  }
}
