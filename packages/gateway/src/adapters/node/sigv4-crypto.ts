import { createHmac, hash } from 'node:crypto';
import type { SigV4Crypto } from '../../invoke/index.ts';

/**
 * SigV4's hashing on Node: `node:crypto`, synchronous. The same digests as
 * WebCrypto, without its per-call thread-pool job (see SigV4Crypto).
 */
export const nodeSigV4Crypto: SigV4Crypto = {
  // One-shot `hash` (Node ≥ 20.12) skips the Hash object a streaming digest needs.
  sha256Hex: (data) => hash('sha256', data, 'hex'),
  hmacSha256: (key, data) => createHmac('sha256', key).update(data).digest(),
  hmacSha256Hex: (key, data) => createHmac('sha256', key).update(data).digest('hex'),
};
