import { randomBytes } from 'node:crypto';
import type { AccountDirectory } from './account-directory.ts';
import type { AssumedRolePrincipal, CallerPrincipal } from './principals.ts';

/** Credentials handed out by the local STS. */
export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  principal: AssumedRolePrincipal;
}

/** What an access key id resolves to. */
export type ResolvedAccessKey = { kind: 'long-term'; secretAccessKey: string; principal: CallerPrincipal } | ({ kind: 'temporary' } & TemporaryCredentials);

export interface CredentialStoreOptions {
  /** Upper bound on remembered issued credentials (oldest are dropped first). */
  maxEntries?: number;
  /**
   * How long an expired credential is remembered, so a late caller gets
   * ExpiredToken (as from AWS) rather than "unrecognized key".
   */
  expiredRetentionMs?: number;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomKeyId(prefix: string): string {
  const bytes = randomBytes(16);
  let id = prefix;
  for (const byte of bytes) id += KEY_ALPHABET[byte % KEY_ALPHABET.length];
  return id;
}

/**
 * Resolves access key ids to secrets and principals: IAM user keys from the
 * scenario, plus the temporary credentials this server's STS issued. The
 * issued set is bounded and pruned on every issue.
 */
export class CredentialStore {
  private readonly issued = new Map<string, TemporaryCredentials>();
  private readonly maxEntries: number;
  private readonly expiredRetentionMs: number;

  constructor(
    private readonly directory: AccountDirectory,
    private readonly now: () => number,
    options: CredentialStoreOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.expiredRetentionMs = options.expiredRetentionMs ?? 15 * 60_000;
  }

  /** Finds the key, whoever issued it. Expiry is the caller's to check (it needs the error). */
  resolve(accessKeyId: string): ResolvedAccessKey | undefined {
    const longTerm = this.directory.longTermKey(accessKeyId);
    if (longTerm) return { kind: 'long-term', secretAccessKey: longTerm.secretAccessKey, principal: longTerm.principal };
    const temporary = this.issued.get(accessKeyId);
    return temporary && { kind: 'temporary', ...temporary };
  }

  /** Issues `ASIA…` credentials for a role session, valid for `lifetimeSeconds`. */
  issue(principal: AssumedRolePrincipal, lifetimeSeconds: number): TemporaryCredentials {
    this.prune();
    const credentials: TemporaryCredentials = {
      accessKeyId: randomKeyId('ASIA'),
      // 30 random bytes -> exactly 40 base64 characters, the shape of an AWS secret.
      secretAccessKey: randomBytes(30).toString('base64'),
      // Opaque; standard base64 so `+`, `/` and `=` exercise header handling as real tokens do.
      sessionToken: `IQoJbG9jYWwtYXdz${randomBytes(180).toString('base64')}`,
      expiresAt: this.now() + lifetimeSeconds * 1000,
      principal,
    };
    this.issued.set(credentials.accessKeyId, credentials);
    return credentials;
  }

  /** The issued credentials still remembered, oldest first (tests check no secret of theirs leaks). */
  listIssued(): TemporaryCredentials[] {
    return [...this.issued.values()];
  }

  /** Number of issued credentials currently remembered. */
  get issuedCount(): number {
    return this.issued.size;
  }

  private prune(): void {
    const forgetBefore = this.now() - this.expiredRetentionMs;
    for (const [id, credentials] of this.issued) {
      if (credentials.expiresAt < forgetBefore) this.issued.delete(id);
    }
    // Map iteration order is insertion order, so the first keys are the oldest.
    for (const id of this.issued.keys()) {
      if (this.issued.size < this.maxEntries) break;
      this.issued.delete(id);
    }
  }
}
