/**
 * Body hashes computed before signing: where a runtime hashes a request body while it
 * arrives (Node's incoming-body.ts, for a passthrough payload, which IS the body), the
 * signer takes the digest from here instead of hashing the bytes again after the last one.
 * Keyed by the buffer itself, so only that very body (never a copy or a different payload)
 * matches, and nothing is sent: the signature is exactly what hashing the bytes would give
 * (no `X-Amz-Content-Sha256` header, which aws4fetch would also sign and send).
 *
 * A buffer must not be changed after its digest is recorded; Invoke payloads never are.
 */
const knownHashes = new WeakMap<Uint8Array, string>();

/** Records `sha256Hex` (lower-case hex) as the SHA-256 of `body`. */
export function rememberBodySha256(body: Uint8Array, sha256Hex: string): void {
  knownHashes.set(body, sha256Hex);
}

/** The recorded SHA-256 of `body`, if any. */
export function rememberedBodySha256(body: Uint8Array | string): string | undefined {
  return typeof body === 'string' ? undefined : knownHashes.get(body);
}
