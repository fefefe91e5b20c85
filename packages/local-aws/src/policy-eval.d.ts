import { type ConditionContext } from './policy-conditions.ts';
import type { PolicyDocument, PolicyPrincipal } from './policy-schema.ts';
import { type PolicySubject } from './principals.ts';
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
/**
 * Matches a `Principal` value against a subject. Principal entries are never
 * wildcards except the bare `*`; a role ARN also matches every session of
 * that role, which is how role-2.json lets lambda-auth-role sessions in.
 */
export declare function principalGrant(principal: PolicyPrincipal, subject: PolicySubject): ResourceGrant | undefined;
/** Evaluates the identity-based policies of a user or role for one request. */
export declare function evaluateIdentityPolicies(policies: readonly PolicyDocument[], request: PolicyRequest): IdentityEvaluation;
/** Evaluates a resource-based or trust policy for one subject and request. */
export declare function evaluateResourcePolicy(policy: PolicyDocument | undefined, subject: PolicySubject, request: PolicyRequest): ResourceEvaluation;
