import type { RoleRecord } from './account-directory.ts';
import type { TemporaryCredentials } from './credential-store.ts';
import type { LocalAwsState } from './local-aws-state.ts';
import { assumedRolePrincipal, type AssumedRolePrincipal } from './principals.ts';
import { stsValidationError } from './sts-errors.ts';
import { DEFAULT_DURATION_SECONDS } from './sts-parameters.ts';

/** A role session just issued, and its `Credentials` element as STS renders it. */
export interface IssuedRoleSession {
  principal: AssumedRolePrincipal;
  credentials: TemporaryCredentials;
  /** The `<Credentials>` of AssumeRole and AssumeRoleWithWebIdentity responses. */
  credentialsElement: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: string };
}

/**
 * Issues credentials for a session of `role`, as every way into a role does
 * (AssumeRole, AssumeRoleWithWebIdentity, the Pod Identity endpoint): the
 * requested duration is bounded by the role's MaxSessionDuration, and the
 * scenario's `sts.credentialLifetimeSeconds` (short lifetimes for refresh
 * tests) overrides it.
 */
export function issueRoleSession(
  state: LocalAwsState,
  role: Pick<RoleRecord, 'accountId' | 'name' | 'config'>,
  sessionName: string,
  durationSeconds: number | undefined,
): IssuedRoleSession {
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
