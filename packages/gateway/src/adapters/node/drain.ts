import type { Server } from 'node:http';
import type { RequestGuard } from './request-guard.ts';

export interface DrainOptions {
  /** Keep accepting and serving this long after the signal, while endpoint removal propagates. Default 5 s. */
  drainDelayMs: number;
  /** Everything ends within this, counted from the signal and including the drain delay. Default 25 s. */
  shutdownTimeoutMs: number;
  /** Told when each phase starts (for logs). */
  onPhase?: (phase: 'draining' | 'closing', details: Record<string, unknown>) => void;
}

export interface DrainResult {
  /** Requests still running at the shutdown timeout, whose connections were cut. */
  cut: number;
}

export const DEFAULT_DRAIN_DELAY_MS = 5_000;
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 25_000;

/**
 * Kubernetes sends SIGTERM and removes the pod from its endpoints at the same
 * time, and the removal takes seconds to reach every proxy: a server that stops
 * accepting at the signal refuses connections still sent its way. So:
 * 1. at once: /readyz answers 503, and every response from now on carries
 *    `Connection: close` (clients move to other pods as soon as they are told);
 * 2. for `drainDelayMs`: keep accepting and serving;
 * 3. then stop listening, close idle keep-alive connections, let in-flight
 *    requests finish (never reset one the gateway could finish);
 * 4. at `shutdownTimeoutMs` from the signal, cut what is still open.
 */
export async function drainServer(server: Server, guard: RequestGuard, options: DrainOptions): Promise<DrainResult> {
  const started = Date.now();
  const shutdownTimeoutMs = Math.max(0, options.shutdownTimeoutMs);
  const drainDelayMs = Math.min(Math.max(0, options.drainDelayMs), shutdownTimeoutMs);
  guard.beginDrain();
  options.onPhase?.('draining', { drainDelayMs, shutdownTimeoutMs, inFlight: guard.inFlight });
  await new Promise((resolve) => setTimeout(resolve, drainDelayMs));
  options.onPhase?.('closing', { inFlight: guard.inFlight });
  return new Promise<DrainResult>((done) => {
    let cut = 0;
    const deadline = setTimeout(
      () => {
        cut = guard.inFlight;
        server.closeAllConnections();
      },
      Math.max(0, shutdownTimeoutMs - (Date.now() - started)),
    );
    server.close(() => {
      clearTimeout(deadline);
      done({ cut });
    });
    server.closeIdleConnections();
  });
}
