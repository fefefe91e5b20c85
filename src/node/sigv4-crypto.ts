import { createHash, createHmac } from 'node:crypto';
import type { SigV4Crypto } from '../invoke/index.ts';

/**
 * SigV4's hashing on Node: `node:crypto`, synchronous. The same digests as
 * WebCrypto, without its per-call thread-pool job (see SigV4Crypto).
 */
export const nodeSigV4Crypto: SigV4Crypto = {
  sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
  hmacSha256: (key, data) => createHmac('sha256', key).update(data).digest(),
};
