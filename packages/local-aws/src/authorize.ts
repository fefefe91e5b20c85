import type { PolicyDocument } from './policy-schema.ts';
import { evaluateIdentityPolicies, evaluateResourcePolicy, type PolicyRequest } from './policy-eval.ts';
import type { CallerPrincipal } from './principals.ts';

/** Why a request was refused; callers turn this into the service's own message. */
export type DenialReason = 'explicit-deny-identity' | 'explicit-deny-resource' | 'no-identity-allow' | 'no-resource-allow';

export type AuthorizationDecision = { allowed: true } | { allowed: false; reason: DenialReason };

export interface AuthorizationInput {
  caller: CallerPrincipal;
  /** Identity-based policies of the caller (the user's, or the session's role's). */
  identityPolicies: readonly PolicyDocument[];
  /** The target's resource-based policy (function policy, role trust policy), if any. */
  resourcePolicy: PolicyDocument | undefined;
  /** Account that owns the target. */
  resourceAccountId: string;
  /**
   * True for role trust policies: a role can only be assumed when its trust
   * policy allows it, even from inside its own account.
   */
  resourcePolicyRequired: boolean;
  request: PolicyRequest;
}

/**
 * AWS's evaluation logic for one principal and one resource (no SCPs,
 * permission boundaries or session policies, which the scenario cannot express):
 * - an explicit Deny in any applicable policy wins;
 * - same account: the identity policy OR a resource-policy grant naming the
 *   principal suffices (a grant to the account root is only delegation, so it
 *   still needs the identity policy); trust policies must always allow;
 * - cross account: the resource policy AND the caller's identity policy must allow.
 */
export function authorize(input: AuthorizationInput): AuthorizationDecision {
  const identity = evaluateIdentityPolicies(input.identityPolicies, input.request);
  if (identity.explicitDeny) return { allowed: false, reason: 'explicit-deny-identity' };
  const resource = evaluateResourcePolicy(input.resourcePolicy, input.caller, input.request);
  if (resource.explicitDeny) return { allowed: false, reason: 'explicit-deny-resource' };

  const sameAccount = input.caller.accountId === input.resourceAccountId;
  if (sameAccount && !input.resourcePolicyRequired) {
    if (identity.allowed || resource.allowedBy === 'principal') return { allowed: true };
    return { allowed: false, reason: 'no-identity-allow' };
  }
  if (!resource.allowedBy) return { allowed: false, reason: 'no-resource-allow' };
  if (sameAccount && resource.allowedBy === 'principal') return { allowed: true };
  if (!identity.allowed) return { allowed: false, reason: 'no-identity-allow' };
  return { allowed: true };
}
