import { authorize } from './authorize.ts';
import { conditionContext } from './policy-conditions.ts';
import { principalConditionKeys, type CallerPrincipal } from './principals.ts';
import { issueRoleSession } from './role-session.ts';
import type { StsAction, StsActionInput } from './sts-action.ts';
import { stsAccessDenied, stsValidationError } from './sts-errors.ts';
import { constraint, readRoleSessionParameters, rejectUnsupportedParameters, throwIfInvalid, type RoleSessionParameters } from './sts-parameters.ts';
import type { LocalAwsState } from './local-aws-state.ts';
import type { XmlTree } from './sts-xml.ts';

const ASSUME_ROLE = 'sts:AssumeRole';
/** Sessions obtained by role chaining are capped at one hour. */
const ROLE_CHAINING_MAX_SECONDS = 3600;

/** Parameters that would change the session's permissions, which the local AWS does not model. */
const UNSUPPORTED_PARAMETERS = [/^Policy$/, /^PolicyArns\./, /^SerialNumber$/, /^TokenCode$/, /^ProvidedContexts\./];

interface AssumeRoleParameters extends RoleSessionParameters {
  externalId: string | undefined;
  sourceIdentity: string | undefined;
}

/** Model-level validation (types, lengths, patterns), reported together as STS does. */
function validateParameters(params: URLSearchParams): AssumeRoleParameters {
  const problems: string[] = [];
  const session = readRoleSessionParameters(params, problems);
  const externalId = params.get('ExternalId');
  if (externalId !== null) {
    if (externalId.length < 2 || externalId.length > 1224) {
      problems.push(constraint(externalId, 'externalId', 'Member must have length between 2 and 1224'));
    } else if (!/^[\w+=,.@:/-]*$/.test(externalId)) {
      problems.push(constraint(externalId, 'externalId', 'Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*'));
    }
  }
  throwIfInvalid(problems);
  rejectUnsupportedParameters(params, UNSUPPORTED_PARAMETERS, 'session policies and MFA are not modelled');
  return { ...session, externalId: externalId ?? undefined, sourceIdentity: params.get('SourceIdentity') ?? undefined };
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
    const { principal, credentialsElement } = issueRoleSession(state, role, input.roleSessionName, input.durationSeconds);
    context.logFields['caller'] = caller!.principal.arn;
    context.logFields['assumedRole'] = principal.arn;
    return {
      Credentials: credentialsElement,
      AssumedRoleUser: { AssumedRoleId: principal.userId, Arn: principal.arn },
      SourceIdentity: input.sourceIdentity,
    };
  },
};
