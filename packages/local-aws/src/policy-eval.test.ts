import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { authorize } from './authorize.ts';
import { matchesArnPattern, matchesWildcard } from './iam-wildcard.ts';
import { conditionBlockMatches, conditionContext } from './policy-conditions.ts';
import { evaluateIdentityPolicies, evaluateResourcePolicy } from './policy-eval.ts';
import { IdentityPolicySchema, ResourcePolicySchema, type PolicyDocument } from './policy-schema.ts';
import { assumedRolePrincipal, iamUserPrincipal, principalConditionKeys, type CallerPrincipal } from './principals.ts';

const identity = (statements: unknown[]): PolicyDocument => v.parse(IdentityPolicySchema, { Version: '2012-10-17', Statement: statements });
const resource = (statements: unknown[]): PolicyDocument => v.parse(ResourcePolicySchema, { Version: '2012-10-17', Statement: statements });
const user = iamUserPrincipal('111111111111', 'gateway');
const session = assumedRolePrincipal('111111111111', 'lambda-auth-role', 's1');
const FN = 'arn:aws:lambda:us-east-1:222222222222:function:echo';
const request = (caller: CallerPrincipal = user, resourceArn = FN, extra: Record<string, string> = {}) => ({
  action: 'lambda:InvokeFunction',
  resource: resourceArn,
  context: conditionContext({ ...principalConditionKeys(caller), ...extra }),
});

describe('wildcards', () => {
  it('* and ? with literal everything else', () => {
    expect(matchesWildcard('arn:aws:lambda:*:222222222222:function:ec?o', FN)).toBe(true);
    expect(matchesWildcard('arn:aws:lambda:us-east-1:222222222222:function:ech', FN)).toBe(false);
    expect(matchesWildcard('arn:aws:lambda:us-east-1:222222222222:function:e.ho', FN)).toBe(false);
    expect(matchesWildcard('LAMBDA:invoke*', 'lambda:InvokeFunction', { ignoreCase: true })).toBe(true);
    expect(matchesWildcard('LAMBDA:invoke*', 'lambda:InvokeFunction')).toBe(false);
  });

  it('ArnLike compares part by part', () => {
    expect(matchesArnPattern('arn:aws:iam::*:role/lambda-*', 'arn:aws:iam::111111111111:role/lambda-auth-role')).toBe(true);
    expect(matchesArnPattern('arn:aws:iam::111111111111:*', 'arn:aws:sts::111111111111:assumed-role/r/s')).toBe(false);
    expect(matchesArnPattern('arn:aws:iam::111111111111:role/x', 'not-an-arn')).toBe(false);
  });
});

describe('conditions', () => {
  const context = conditionContext({ 'aws:PrincipalArn': 'arn:aws:iam::111111111111:user/gateway', 'aws:SecureTransport': 'false' });

  it('keys are case-insensitive, values are OR-ed, operators AND-ed', () => {
    expect(conditionBlockMatches({ StringEquals: { 'AWS:principalarn': ['x', 'arn:aws:iam::111111111111:user/gateway'] } }, context)).toBe(true);
    expect(
      conditionBlockMatches(
        { StringEquals: { 'aws:PrincipalArn': ['arn:aws:iam::111111111111:user/gateway'] }, Bool: { 'aws:SecureTransport': ['true'] } },
        context,
      ),
    ).toBe(false);
  });

  it('a missing key fails positive operators and satisfies negated ones', () => {
    expect(conditionBlockMatches({ StringEquals: { 'sts:ExternalId': ['abc'] } }, context)).toBe(false);
    expect(conditionBlockMatches({ StringNotEquals: { 'sts:ExternalId': ['abc'] } }, context)).toBe(true);
    expect(conditionBlockMatches({ StringEqualsIfExists: { 'sts:ExternalId': ['abc'] } }, context)).toBe(true);
    expect(conditionBlockMatches({ Null: { 'sts:ExternalId': ['true'] } }, context)).toBe(true);
    expect(conditionBlockMatches({ Null: { 'aws:PrincipalArn': ['true'] } }, context)).toBe(false);
  });

  it('negated operators fail when any value matches', () => {
    expect(conditionBlockMatches({ StringNotLike: { 'aws:PrincipalArn': ['*:user/*', 'nothing'] } }, context)).toBe(false);
    expect(conditionBlockMatches({ ArnNotEquals: { 'aws:PrincipalArn': ['arn:aws:iam::111111111111:user/other'] } }, context)).toBe(true);
  });

  it('an empty Condition block always holds', () => {
    expect(conditionBlockMatches({}, context)).toBe(true);
  });
});

describe('identity policies', () => {
  it('Action/NotAction and Resource/NotResource', () => {
    expect(evaluateIdentityPolicies([identity([{ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }])], request()).allowed).toBe(true);
    expect(evaluateIdentityPolicies([identity([{ Effect: 'Allow', Action: 'lambda:*', NotResource: FN }])], request()).allowed).toBe(false);
    expect(evaluateIdentityPolicies([identity([{ Effect: 'Allow', Action: 'lambda:Invoke*', Resource: `${FN}*` }])], request()).allowed).toBe(true);
  });

  it('an unqualified grant does not cover a qualified resource', () => {
    const policies = [identity([{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: FN }])];
    expect(evaluateIdentityPolicies(policies, request(user, `${FN}:live`)).allowed).toBe(false);
  });

  it('explicit Deny wins in any policy', () => {
    const result = evaluateIdentityPolicies(
      [identity([{ Effect: 'Allow', Action: '*', Resource: '*' }]), identity([{ Effect: 'Deny', Action: 'lambda:invokefunction', Resource: '*' }])],
      request(),
    );
    expect(result).toEqual({ explicitDeny: true, allowed: false });
  });
});

describe('resource policies and principals', () => {
  const allowFor = (principal: unknown) => resource([{ Effect: 'Allow', Principal: principal, Action: 'lambda:InvokeFunction', Resource: FN }]);

  it('distinguishes grants to the principal from grants to the account', () => {
    expect(evaluateResourcePolicy(allowFor({ AWS: user.arn }), user, request()).allowedBy).toBe('principal');
    expect(evaluateResourcePolicy(allowFor('*'), user, request()).allowedBy).toBe('principal');
    expect(evaluateResourcePolicy(allowFor({ AWS: '*' }), user, request()).allowedBy).toBe('principal');
    expect(evaluateResourcePolicy(allowFor({ AWS: '111111111111' }), user, request()).allowedBy).toBe('account');
    expect(evaluateResourcePolicy(allowFor({ AWS: 'arn:aws:iam::111111111111:root' }), user, request()).allowedBy).toBe('account');
    expect(evaluateResourcePolicy(allowFor({ AWS: '222222222222' }), user, request()).allowedBy).toBeUndefined();
    expect(evaluateResourcePolicy(allowFor({ Service: 'ec2.amazonaws.com' }), user, request()).allowedBy).toBeUndefined();
  });

  it('a role ARN matches its sessions; a session ARN matches only that session', () => {
    expect(evaluateResourcePolicy(allowFor({ AWS: session.roleArn }), session, request(session)).allowedBy).toBe('principal');
    expect(evaluateResourcePolicy(allowFor({ AWS: session.arn }), session, request(session)).allowedBy).toBe('principal');
    const other = assumedRolePrincipal('111111111111', 'lambda-auth-role', 's2');
    expect(evaluateResourcePolicy(allowFor({ AWS: session.arn }), other, request(other)).allowedBy).toBeUndefined();
  });

  it('Federated principals match web-identity subjects only', () => {
    const provider = 'arn:aws:iam::111111111111:oidc-provider/oidc.example/id/X';
    const policy = resource([{ Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithWebIdentity' }]);
    const webRequest = { action: 'sts:AssumeRoleWithWebIdentity', resource: 'arn:aws:iam::111111111111:role/r', context: conditionContext({}) };
    expect(evaluateResourcePolicy(policy, { kind: 'web-identity', providerArn: provider }, webRequest).allowedBy).toBe('principal');
    expect(evaluateResourcePolicy(policy, user, webRequest).allowedBy).toBeUndefined();
  });

  it('Service principals match service subjects only (EKS Pod Identity trusts pods.eks.amazonaws.com)', () => {
    const policy = resource([{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }]);
    const podRequest = { action: 'sts:AssumeRole', resource: 'arn:aws:iam::111111111111:role/r', context: conditionContext({}) };
    expect(evaluateResourcePolicy(policy, { kind: 'service', service: 'pods.eks.amazonaws.com' }, podRequest).allowedBy).toBe('principal');
    expect(evaluateResourcePolicy(policy, { kind: 'service', service: 'ec2.amazonaws.com' }, podRequest).allowedBy).toBeUndefined();
    expect(evaluateResourcePolicy(policy, user, podRequest).allowedBy).toBeUndefined();
  });

  it('NotPrincipal with Deny denies everyone else', () => {
    const policy = resource([
      { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' },
      { Effect: 'Deny', NotPrincipal: { AWS: user.arn }, Action: '*', Resource: '*' },
    ]);
    expect(evaluateResourcePolicy(policy, user, request()).explicitDeny).toBe(false);
    expect(evaluateResourcePolicy(policy, session, request(session)).explicitDeny).toBe(true);
  });
});

describe('authorize', () => {
  const allowAll = [identity([{ Effect: 'Allow', Action: '*', Resource: '*' }])];
  const grantUser = resource([{ Effect: 'Allow', Principal: { AWS: user.arn }, Action: '*', Resource: '*' }]);
  const grantAccount = resource([{ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: '*', Resource: '*' }]);
  const decide = (identityPolicies: PolicyDocument[], resourcePolicy: PolicyDocument | undefined, resourceAccountId: string, required = false) =>
    authorize({ caller: user, identityPolicies, resourcePolicy, resourceAccountId, resourcePolicyRequired: required, request: request() });

  it('cross account needs both sides', () => {
    expect(decide(allowAll, grantUser, '222222222222')).toEqual({ allowed: true });
    expect(decide(allowAll, undefined, '222222222222')).toEqual({ allowed: false, reason: 'no-resource-allow' });
    expect(decide([], grantUser, '222222222222')).toEqual({ allowed: false, reason: 'no-identity-allow' });
  });

  it('same account: either side, but an account grant is only delegation', () => {
    expect(decide(allowAll, undefined, '111111111111')).toEqual({ allowed: true });
    expect(decide([], grantUser, '111111111111')).toEqual({ allowed: true });
    expect(decide([], grantAccount, '111111111111')).toEqual({ allowed: false, reason: 'no-identity-allow' });
  });

  it('trust policies are always required', () => {
    expect(decide(allowAll, undefined, '111111111111', true)).toEqual({ allowed: false, reason: 'no-resource-allow' });
    expect(decide([], grantUser, '111111111111', true)).toEqual({ allowed: true });
    expect(decide([], grantAccount, '111111111111', true)).toEqual({ allowed: false, reason: 'no-identity-allow' });
    expect(decide(allowAll, grantAccount, '111111111111', true)).toEqual({ allowed: true });
  });
});
