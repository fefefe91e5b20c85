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
export type ResolvedAccessKey = {
    kind: 'long-term';
    secretAccessKey: string;
    principal: CallerPrincipal;
} | ({
    kind: 'temporary';
} & TemporaryCredentials);
export interface CredentialStoreOptions {
    /** Upper bound on remembered issued credentials (oldest are dropped first). */
    maxEntries?: number;
    /**
     * How long an expired credential is remembered, so a late caller gets
     * ExpiredToken (as from AWS) rather than "unrecognized key".
     */
    expiredRetentionMs?: number;
}
/**
 * Resolves access key ids to secrets and principals: IAM user keys from the
 * scenario, plus the temporary credentials this server's STS issued. The
 * issued set is bounded and pruned on every issue.
 */
export declare class CredentialStore {
    private readonly directory;
    private readonly now;
    private readonly issued;
    private readonly maxEntries;
    private readonly expiredRetentionMs;
    constructor(directory: AccountDirectory, now: () => number, options?: CredentialStoreOptions);
    /** Finds the key, whoever issued it. Expiry is the caller's to check (it needs the error). */
    resolve(accessKeyId: string): ResolvedAccessKey | undefined;
    /** Issues `ASIA…` credentials for a role session, valid for `lifetimeSeconds`. */
    issue(principal: AssumedRolePrincipal, lifetimeSeconds: number): TemporaryCredentials;
    /** The issued credentials still remembered, oldest first (tests check no secret of theirs leaks). */
    listIssued(): TemporaryCredentials[];
    /** Number of issued credentials currently remembered. */
    get issuedCount(): number;
    private prune;
}
