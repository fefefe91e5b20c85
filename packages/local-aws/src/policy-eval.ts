import { matchesWildcard } from './iam-wildcard.ts';
import { conditionBlockMatches, type ConditionContext } from './policy-conditions.ts';
import type { PolicyDocument, PolicyPrincipal, PolicyStatement } from './policy-schema.ts';
import { accountRootArn, type PolicySubject } from './principals.ts';

/** What is being asked: action on resource, with the request's condition keys. */
export interface PolicyRequest {
  /** e.g. `lambda:InvokeFunction` (matched case-insensitively, as IAM does). */
  action: string;
  /** The resource ARN (matched case-sensitively). */
  resource: string;
  context: ConditionContext;
}

/** Outcome of the identity-based policies attached to the caller. */
export interface IdentityEvaluation {
  explicitDeny: boolean;
  allowed: boolean;
}

/**
 * How a resource-based (or trust) policy's Allow reached the caller. AWS treats
 * a grant to the whole account (`123456789012` / `…:root`) as delegation: the
 * account's own identity policies must then allow too, even in the same account.
 * A grant naming the caller (or `*`) stands on its own within one account.
 */
export type ResourceGrant = 'principal' | 'account';

/** Outcome of a resource-based policy. */
export interface ResourceEvaluation {
  explicitDeny: boolean;
  allowedBy: ResourceGrant | undefined;
}

function matchesAny(patterns: readonly string[], value: string, ignoreCase: boolean): boolean {
  return patterns.some((pattern) => matchesWildcard(pattern, value, { ignoreCase }));
}

function statementCoversAction(statement: PolicyStatement, action: string): boolean {
  if (statement.Action) return matchesAny(statement.Action, action, true);
  return !matchesAny(statement.NotAction ?? [], action, true);
}

function statementCoversResource(statement: PolicyStatement, resource: string): boolean {
  if (statement.Resource) return matchesAny(statement.Resource, resource, false);
  if (statement.NotResource) return !matchesAny(statement.NotResource, resource, false);
  // Trust policies have no Resource element: the role they are attached to is implied.
  return true;
}

/**
 * Matches a `Principal` value against a subject. Principal entries are never
 * wildcards except the bare `*`; a role ARN also matches every session of
 * that role, which is how role-2.json lets lambda-auth-role sessions in.
 */
export function principalGrant(principal: PolicyPrincipal, subject: PolicySubject): ResourceGrant | undefined {
  if (principal === '*') return 'principal';
  if (subject.kind === 'web-identity') {
    return principal.Federated?.includes(subject.providerArn) ? 'principal' : undefined;
  }
  if (subject.kind === 'service') {
    return principal.Service?.includes(subject.service) ? 'principal' : undefined;
  }
  let grant: ResourceGrant | undefined;
  for (const entry of principal.AWS ?? []) {
    if (entry === '*') return 'principal';
    if (entry === subject.arn) return 'principal';
    if (subject.kind === 'assumed-role' && entry === subject.roleArn) return 'principal';
    if (entry === subject.accountId || entry === accountRootArn(subject.accountId)) grant = 'account';
  }
  return grant;
}

function statementApplies(statement: PolicyStatement, request: PolicyRequest): boolean {
  return (
    statementCoversAction(statement, request.action) &&
    statementCoversResource(statement, request.resource) &&
    conditionBlockMatches(statement.Condition, request.context)
  );
}

/** Evaluates the identity-based policies of a user or role for one request. */
export function evaluateIdentityPolicies(policies: readonly PolicyDocument[], request: PolicyRequest): IdentityEvaluation {
  let allowed = false;
  for (const policy of policies) {
    for (const statement of policy.Statement) {
      if (!statementApplies(statement, request)) continue;
      if (statement.Effect === 'Deny') return { explicitDeny: true, allowed: false };
      allowed = true;
    }
  }
  return { explicitDeny: false, allowed };
}

/** Evaluates a resource-based or trust policy for one subject and request. */
export function evaluateResourcePolicy(policy: PolicyDocument | undefined, subject: PolicySubject, request: PolicyRequest): ResourceEvaluation {
  let allowedBy: ResourceGrant | undefined;
  for (const statement of policy?.Statement ?? []) {
    let grant: ResourceGrant | undefined;
    if (statement.Principal) grant = principalGrant(statement.Principal, subject);
    else if (statement.NotPrincipal) grant = principalGrant(statement.NotPrincipal, subject) ? undefined : 'principal';
    if (!grant || !statementApplies(statement, request)) continue;
    if (statement.Effect === 'Deny') return { explicitDeny: true, allowedBy: undefined };
    if (allowedBy !== 'principal') allowedBy = grant;
  }
  return { explicitDeny: false, allowedBy };
}
