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

/** The reader of a request's body (readIncomingBody), told when the client sends too slowly. */
const slowBodyListeners = new WeakMap<IncomingMessage, (error: GatewayError) => void>();

export function bodyTooSlow(minBytesPerSecond: number): GatewayError {
  return new GatewayError(408, 'RequestTimeout', `the request body arrived slower than ${minBytesPerSecond} bytes/s`);
}

/** Registers the body's reader; returns the unregistration. */
export function onBodyTooSlow(incoming: IncomingMessage, listener: (error: GatewayError) => void): () => void {
  slowBodyListeners.set(incoming, listener);
  return () => slowBodyListeners.delete(incoming);
}

export interface BodyRate {
  minBytesPerSecond: number;
  graceMs: number;
}

/**
 * Watches a request that has a body until it is complete. Too slow: its reader
 * rejects with a 408 (answered as JSON, then the connection is closed); without
 * a reader (the handler is not reading, or the answer is already sent and the
 * rest is being discarded) the connection is closed at once.
 */
export function watchBodyRate(incoming: IncomingMessage, rate: BodyRate, onSlow: () => void): void {
  if (rate.minBytesPerSecond <= 0 || incoming.complete) return;
  const socket = incoming.socket;
  const startBytes = socket.bytesRead;
  const started = Date.now();
  const timer = setInterval(() => {
    if (incoming.complete || socket.destroyed) return clearInterval(timer);
    const elapsedMs = Date.now() - started;
    if (elapsedMs < rate.graceMs) return;
    if (socket.bytesRead - startBytes >= (rate.minBytesPerSecond * elapsedMs) / 1000) return;
    clearInterval(timer);
    onSlow();
    const listener = slowBodyListeners.get(incoming);
    if (listener) listener(bodyTooSlow(rate.minBytesPerSecond));
    else socket.destroy();
  }, CHECK_INTERVAL_MS);
  timer.unref();
}
