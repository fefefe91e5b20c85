import { evaluateIdentityPolicies, evaluateResourcePolicy } from "./policy-eval.js";
/**
 * AWS's evaluation logic for one principal and one resource (no SCPs,
 * permission boundaries or session policies, which the scenario cannot express):
 * - an explicit Deny in any applicable policy wins;
 * - same account: the identity policy OR a resource-policy grant naming the
 *   principal suffices (a grant to the account root is only delegation, so it
 *   still needs the identity policy); trust policies must always allow;
 * - cross account: the resource policy AND the caller's identity policy must allow.
 */
export function authorize(input) {
    const identity = evaluateIdentityPolicies(input.identityPolicies, input.request);
    if (identity.explicitDeny)
        return { allowed: false, reason: 'explicit-deny-identity' };
    const resource = evaluateResourcePolicy(input.resourcePolicy, input.caller, input.request);
    if (resource.explicitDeny)
        return { allowed: false, reason: 'explicit-deny-resource' };
    const sameAccount = input.caller.accountId === input.resourceAccountId;
    if (sameAccount && !input.resourcePolicyRequired) {
        if (identity.allowed || resource.allowedBy === 'principal')
            return { allowed: true };
        return { allowed: false, reason: 'no-identity-allow' };
    }
    if (!resource.allowedBy)
        return { allowed: false, reason: 'no-resource-allow' };
    if (sameAccount && resource.allowedBy === 'principal')
        return { allowed: true };
    if (!identity.allowed)
        return { allowed: false, reason: 'no-identity-allow' };
    return { allowed: true };
}
