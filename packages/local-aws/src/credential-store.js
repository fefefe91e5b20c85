import { randomBytes } from 'node:crypto';
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
function randomKeyId(prefix) {
    const bytes = randomBytes(16);
    let id = prefix;
    for (const byte of bytes)
        id += KEY_ALPHABET[byte % KEY_ALPHABET.length];
    return id;
}
/**
 * Resolves access key ids to secrets and principals: IAM user keys from the
 * scenario, plus the temporary credentials this server's STS issued. The
 * issued set is bounded and pruned on every issue.
 */
export class CredentialStore {
    directory;
    now;
    issued = new Map();
    maxEntries;
    expiredRetentionMs;
    constructor(directory, now, options = {}) {
        this.directory = directory;
        this.now = now;
        this.maxEntries = options.maxEntries ?? 10_000;
        this.expiredRetentionMs = options.expiredRetentionMs ?? 15 * 60_000;
    }
    /** Finds the key, whoever issued it. Expiry is the caller's to check (it needs the error). */
    resolve(accessKeyId) {
        const longTerm = this.directory.longTermKey(accessKeyId);
        if (longTerm)
            return { kind: 'long-term', secretAccessKey: longTerm.secretAccessKey, principal: longTerm.principal };
        const temporary = this.issued.get(accessKeyId);
        return temporary && { kind: 'temporary', ...temporary };
    }
    /** Issues `ASIA…` credentials for a role session, valid for `lifetimeSeconds`. */
    issue(principal, lifetimeSeconds) {
        this.prune();
        const credentials = {
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
    listIssued() {
        return [...this.issued.values()];
    }
    /** Number of issued credentials currently remembered. */
    get issuedCount() {
        return this.issued.size;
    }
    prune() {
        const forgetBefore = this.now() - this.expiredRetentionMs;
        for (const [id, credentials] of this.issued) {
            if (credentials.expiresAt < forgetBefore)
                this.issued.delete(id);
        }
        // Map iteration order is insertion order, so the first keys are the oldest.
        for (const id of this.issued.keys()) {
            if (this.issued.size < this.maxEntries)
                break;
            this.issued.delete(id);
        }
    }
}
