import { authorize } from './authorize.ts';
import { conditionContext } from './policy-conditions.ts';
import { assumedRolePrincipal, principalConditionKeys, type CallerPrincipal } from './principals.ts';
import type { StsAction, StsActionInput } from './sts-action.ts';
import { stsAccessDenied, stsValidationError, stsValidationErrors } from './sts-errors.ts';
import type { LocalAwsState } from './local-aws-state.ts';
import type { XmlTree } from './sts-xml.ts';

const ASSUME_ROLE = 'sts:AssumeRole';
/** Sessions obtained by role chaining are capped at one hour. */
const ROLE_CHAINING_MAX_SECONDS = 3600;
const DEFAULT_DURATION_SECONDS = 3600;

/** Parameters that would change the session's permissions, which the local AWS does not model. */
const UNSUPPORTED_PARAMETERS = [/^Policy$/, /^PolicyArns\./, /^SerialNumber$/, /^TokenCode$/, /^ProvidedContexts\./];

interface AssumeRoleParameters {
  roleArn: string;
  roleSessionName: string;
  durationSeconds: number | undefined;
  externalId: string | undefined;
  sourceIdentity: string | undefined;
}

const constraint = (value: string | null, field: string, rule: string) =>
  `Value ${value === null ? 'null' : `'${value}'`} at '${field}' failed to satisfy constraint: ${rule}`;

/** Model-level validation (types, lengths, patterns), reported together as STS does. */
function validateParameters(params: URLSearchParams): AssumeRoleParameters {
  const problems: string[] = [];
  const roleArn = params.get('RoleArn');
  const sessionName = params.get('RoleSessionName');
  const duration = params.get('DurationSeconds');
  const externalId = params.get('ExternalId');

  if (roleArn === null) problems.push(constraint(null, 'roleArn', 'Member must not be null'));
  else if (roleArn.length < 20 || roleArn.length > 2048) {
    problems.push(constraint(roleArn, 'roleArn', 'Member must have length between 20 and 2048'));
  }
  if (sessionName === null) problems.push(constraint(null, 'roleSessionName', 'Member must not be null'));
  else if (sessionName.length < 2 || sessionName.length > 64) {
    problems.push(constraint(sessionName, 'roleSessionName', 'Member must have length between 2 and 64'));
  } else if (!/^[\w+=,.@-]*$/.test(sessionName)) {
    problems.push(constraint(sessionName, 'roleSessionName', 'Member must satisfy regular expression pattern: [\\w+=,.@-]*'));
  }
  let durationSeconds: number | undefined;
  if (duration !== null) {
    durationSeconds = /^\d+$/.test(duration) ? Number(duration) : Number.NaN;
    if (Number.isNaN(durationSeconds) || durationSeconds < 900) {
      problems.push(constraint(duration, 'durationSeconds', 'Member must have value greater than or equal to 900'));
    } else if (durationSeconds > 43_200) {
      problems.push(constraint(duration, 'durationSeconds', 'Member must have value less than or equal to 43200'));
    }
  }
  if (externalId !== null) {
    if (externalId.length < 2 || externalId.length > 1224) {
      problems.push(constraint(externalId, 'externalId', 'Member must have length between 2 and 1224'));
    } else if (!/^[\w+=,.@:/-]*$/.test(externalId)) {
      problems.push(constraint(externalId, 'externalId', 'Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*'));
    }
  }
  if (problems.length) throw stsValidationErrors(problems);
  for (const name of params.keys()) {
    if (UNSUPPORTED_PARAMETERS.some((pattern) => pattern.test(name))) {
      throw stsValidationError(`${name} is not supported by the local AWS (session policies and MFA are not modelled)`);
    }
  }
  return {
    roleArn: roleArn!,
    roleSessionName: sessionName!,
    durationSeconds,
    externalId: externalId ?? undefined,
    sourceIdentity: params.get('SourceIdentity') ?? undefined,
  };
}

/** Trust policy (and, across accounts or for account-root grants, identity policy) must allow. */
function assertMayAssume(state: LocalAwsState, caller: CallerPrincipal, input: AssumeRoleParameters, signingRegion: string) {
  const role = state.directory.role(input.roleArn);
  // STS answers AccessDenied, not "no such role", so callers cannot probe for role names.
  if (!role) throw stsAccessDenied(caller.arn, ASSUME_ROLE, input.roleArn);
  const decision = authorize({
    caller,
    identityPolicies: state.directory.identityPoliciesOf(caller),
    resourcePolicy: role.config.trustPolicy,
    resourceAccountId: role.accountId,
    resourcePolicyRequired: true,
    request: {
      action: ASSUME_ROLE,
      resource: role.arn,
      context: conditionContext({
        ...principalConditionKeys(caller),
        'aws:RequestedRegion': signingRegion,
        'aws:SecureTransport': 'false',
        'sts:ExternalId': input.externalId,
        'sts:RoleSessionName': input.roleSessionName,
        'sts:SourceIdentity': input.sourceIdentity,
      }),
    },
  });
  if (!decision.allowed) throw stsAccessDenied(caller.arn, ASSUME_ROLE, input.roleArn);
  return role;
}

/** `Action=AssumeRole`: validate, authorise, then issue role-session credentials. */
export const assumeRoleAction: StsAction = {
  signed: true,
  async run({ context, params, caller }: StsActionInput): Promise<XmlTree> {
    const { state } = context;
    const input = validateParameters(params);
    const role = assertMayAssume(state, caller!.principal, input, caller!.signingRegion);

    const chained = caller!.principal.kind === 'assumed-role';
    if (chained && input.durationSeconds !== undefined && input.durationSeconds > ROLE_CHAINING_MAX_SECONDS) {
      throw stsValidationError('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
    }
    if (input.durationSeconds !== undefined && input.durationSeconds > role.config.maxSessionDuration) {
      throw stsValidationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    }
    const lifetime = state.scenario.sts.credentialLifetimeSeconds ?? input.durationSeconds ?? DEFAULT_DURATION_SECONDS;
    const principal = assumedRolePrincipal(role.accountId, role.name, input.roleSessionName);
    const credentials = state.credentials.issue(principal, lifetime);
    context.logFields['caller'] = caller!.principal.arn;
    context.logFields['assumedRole'] = principal.arn;
    return {
      Credentials: {
        AccessKeyId: credentials.accessKeyId,
        SecretAccessKey: credentials.secretAccessKey,
        SessionToken: credentials.sessionToken,
        Expiration: new Date(credentials.expiresAt).toISOString(),
      },
      AssumedRoleUser: { AssumedRoleId: principal.userId, Arn: principal.arn },
      SourceIdentity: input.sourceIdentity,
    };
  },
};
