import { hash } from 'node:crypto';
import { performance } from 'node:perf_hooks';

/**
 * The work no signing proxy of a 1 MB body can skip, measured alone in the
 * bench process with the gateway's own primitives: SigV4 hashes the whole
 * payload (SHA-256, one-shot `crypto.hash` as the gateway's signer does), and
 * an API Gateway envelope base64-encodes the body first and so hashes the
 * longer text. CPU µs per request divided by these gives "× the floor".
 */
export interface HashFloor {
  bytes: number;
  /** µs: SHA-256 (hex) of the body. */
  sha256: number;
  /** µs: base64 encoding of the body. */
  base64: number;
  /** µs: SHA-256 of the body's base64 text (what an envelope's signature hashes). */
  sha256OfBase64: number;
  /** passthrough: sha256. */
  passthrough: number;
  /** API Gateway envelopes: base64 + sha256OfBase64. */
  envelope: number;
}

/** Median µs of `run` over `rounds` timed rounds of `batch` calls, after a warm-up. */
function timeMicros(run: () => unknown, rounds = 15, batch = 10): number {
  for (let i = 0; i < batch * 3; i++) run();
  const perCall: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) run();
    perCall.push(((performance.now() - start) * 1000) / batch);
  }
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)]!;
}

export function measureHashFloor(body: Buffer): HashFloor {
  const text = body.toString('base64');
  const sha256 = timeMicros(() => hash('sha256', body, 'hex'));
  const base64 = timeMicros(() => body.toString('base64'));
  const sha256OfBase64 = timeMicros(() => hash('sha256', text, 'hex'));
  return { bytes: body.byteLength, sha256, base64, sha256OfBase64, passthrough: sha256, envelope: base64 + sha256OfBase64 };
}
