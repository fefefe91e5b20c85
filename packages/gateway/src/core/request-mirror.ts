/**
 * Request mirroring (Gateway API `RequestMirror`, Gloo Edge `shadowing`, native `mirrors:`):
 * the request is also sent to other Lambda backends, fire-and-forget. The mirror gets the
 * event its own codec builds from the same request the primary sees (body read, request
 * filters applied), signed with its own credentials; its answer is read and dropped, and its
 * failures only reach the log (debug) and the metrics, never the client.
 */
import type { BackendDescriptor, BackendDescriptorInput } from '../descriptor/index.ts';
import { ASYNC_PAYLOAD_LIMIT, SYNC_PAYLOAD_LIMIT, invokeLambda } from '../invoke/index.ts';
import type { InboundRequest } from '../payload/index.ts';
import type { BoundBackend } from './bound-backend.ts';
import type { Platform } from './platform.ts';
import type { RandomSource } from './weighted-pick.ts';

/** A mirror of a route (or of one backendRef of it). */
export interface MirrorSpec {
  backend: BackendDescriptorInput | BackendDescriptor;
  /** Backend name for logs and metrics. */
  backendName?: string;
  /** Share of the requests mirrored, 0-100 (fractions allowed: 25/50 is 50). Default 100. */
  percent?: number;
}

/** A mirror bound to its backend, with its sampling decided by the gateway's random source. */
export interface BoundMirror {
  backend: BoundBackend;
  percent: number;
  /** True when this request is to be mirrored (always at 100 %). */
  sample: () => boolean;
}

/**
 * Mirrors in flight per mirror backend, at most. A mirror that would go over is dropped (and
 * counted): mirrors never queue, so a slow mirror function cannot pile up the gateway's memory.
 */
export const MAX_MIRRORS_IN_FLIGHT = 64;

export function bindMirror(backend: BoundBackend, percent: number | undefined, random: RandomSource): BoundMirror {
  const share = percent ?? 100;
  return { backend, percent: share, sample: share >= 100 ? () => true : share <= 0 ? () => false : () => random() * 100 < share };
}

const inFlight = new WeakMap<BoundBackend, number>();

/** What a mirror outcome is counted as. */
export type MirrorOutcome = 'sent' | 'failed' | 'dropped';

/**
 * Starts every sampled mirror of the request and returns at once: nothing here is awaited by
 * the caller, and nothing here throws.
 */
export function startMirrors(
  mirrors: readonly BoundMirror[],
  inbound: InboundRequest,
  platform: Platform,
  fields: { requestId: string; route: string; traceId: string },
): void {
  for (const mirror of mirrors) {
    if (!mirror.sample()) continue;
    const backend = mirror.backend;
    const count = inFlight.get(backend) ?? 0;
    if (count >= MAX_MIRRORS_IN_FLIGHT) {
      report(platform, backend, 'dropped', { ...fields, detail: `${MAX_MIRRORS_IN_FLIGHT} mirrors already in flight` });
      continue;
    }
    inFlight.set(backend, count + 1);
    mirrorOnce(backend, inbound, platform, fields.traceId).then(
      () => report(platform, backend, 'sent', fields),
      (error: unknown) => report(platform, backend, 'failed', { ...fields, detail: error instanceof Error ? error.message : String(error) }),
    );
  }
}

async function mirrorOnce(backend: BoundBackend, inbound: InboundRequest, platform: Platform, traceId: string): Promise<void> {
  try {
    // The mirror's own payload mode: an API Gateway mirror of an Envoy-envelope route gets an API Gateway event.
    const payload = backend.codec.encodeEvent(inbound);
    const limit = backend.resolved.invocationType === 'Event' ? ASYNC_PAYLOAD_LIMIT : SYNC_PAYLOAD_LIMIT;
    if (payload.byteLength > limit) throw new Error(`the mirror's event is ${payload.byteLength} bytes, over Lambda's ${limit}`);
    // No client signal: the client leaving does not cut a mirror short; the backend's timeoutMs does.
    const result = await invokeLambda(backend.resolved, payload, {
      credentials: backend.credentials,
      transport: platform.transport,
      crypto: platform.sigv4Crypto,
      traceId,
    });
    if (result.functionError !== undefined) throw new Error(`the mirror function failed (${result.functionError})`);
  } finally {
    inFlight.set(backend, (inFlight.get(backend) ?? 1) - 1);
  }
}

function report(platform: Platform, backend: BoundBackend, outcome: MirrorOutcome, fields: Record<string, unknown>): void {
  platform.metrics?.mirrorRequest?.(backend.name, outcome);
  if (outcome === 'sent') return;
  // Debug only: a mirror is an experiment; its failures must not flood the log of the real traffic.
  platform.logger.debug(outcome === 'dropped' ? 'mirror dropped' : 'mirror failed', { ...fields, mirror: backend.name });
}
