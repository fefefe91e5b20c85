import { GatewayError } from '../errors/index.ts';
import type { ClientGone } from './invoke-lambda.ts';

/**
 * Waits `delayMs` before a retry (throttle retries, HTTPRoute route retries), unless the client
 * goes away first: then rejects with 499 at once, so no retry runs for nobody. `cause` is the
 * answer that was being retried.
 */
export function waitUnlessGone(
  delayMs: number,
  client: { signal?: AbortSignal | undefined; clientGone?: ClientGone | undefined },
  cause?: GatewayError,
): Promise<void> {
  const closed = () => new GatewayError(499, 'BadRequest', 'the client closed the request', cause ? { cause } : undefined);
  if (client.signal?.aborted) return Promise.reject(closed());
  return new Promise((resolve, reject) => {
    let unsubscribe: (() => void) | undefined;
    const settle = (gone: boolean) => {
      clearTimeout(timer);
      unsubscribe?.();
      client.signal?.removeEventListener('abort', onGone);
      if (gone) reject(closed());
      else resolve();
    };
    const onGone = () => settle(true);
    const timer = setTimeout(() => settle(false), delayMs);
    client.signal?.addEventListener('abort', onGone, { once: true });
    unsubscribe = client.clientGone?.(onGone);
  });
}
