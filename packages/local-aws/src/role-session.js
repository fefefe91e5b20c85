import { assumedRolePrincipal } from "./principals.js";
import { stsValidationError } from "./sts-errors.js";
import { DEFAULT_DURATION_SECONDS } from "./sts-parameters.js";
/**
 * Issues credentials for a session of `role`, as every way into a role does
 * (AssumeRole, AssumeRoleWithWebIdentity, the Pod Identity endpoint): the
 * requested duration is bounded by the role's MaxSessionDuration, and the
 * scenario's `sts.credentialLifetimeSeconds` (short lifetimes for refresh
 * tests) overrides it.
 */
export function issueRoleSession(state, role, sessionName, durationSeconds) {
    if (durationSeconds !== undefined && durationSeconds > role.config.maxSessionDuration) {
        throw stsValidationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    }
    const lifetime = state.scenario.sts.credentialLifetimeSeconds ?? durationSeconds ?? DEFAULT_DURATION_SECONDS;
    const principal = assumedRolePrincipal(role.accountId, role.name, sessionName);
    const credentials = state.credentials.issue(principal, lifetime);
    return {
        principal,
        credentials,
        credentialsElement: {
            AccessKeyId: credentials.accessKeyId,
            SecretAccessKey: credentials.secretAccessKey,
            SessionToken: credentials.sessionToken,
            Expiration: new Date(credentials.expiresAt).toISOString(),
        },
    };
}
