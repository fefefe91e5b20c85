import type { RoleRecord } from './account-directory.ts';
import type { TemporaryCredentials } from './credential-store.ts';
import type { LocalAwsState } from './local-aws-state.ts';
import { type AssumedRolePrincipal } from './principals.ts';
/** A role session just issued, and its `Credentials` element as STS renders it. */
export interface IssuedRoleSession {
    principal: AssumedRolePrincipal;
    credentials: TemporaryCredentials;
    /** The `<Credentials>` of AssumeRole and AssumeRoleWithWebIdentity responses. */
    credentialsElement: {
        AccessKeyId: string;
        SecretAccessKey: string;
        SessionToken: string;
        Expiration: string;
    };
}
/**
 * Issues credentials for a session of `role`, as every way into a role does
 * (AssumeRole, AssumeRoleWithWebIdentity, the Pod Identity endpoint): the
 * requested duration is bounded by the role's MaxSessionDuration, and the
 * scenario's `sts.credentialLifetimeSeconds` (short lifetimes for refresh
 * tests) overrides it.
 */
export declare function issueRoleSession(state: LocalAwsState, role: Pick<RoleRecord, 'accountId' | 'name' | 'config'>, sessionName: string, durationSeconds: number | undefined): IssuedRoleSession;
