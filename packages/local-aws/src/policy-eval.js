import { matchesWildcard } from "./iam-wildcard.js";
import { conditionBlockMatches } from "./policy-conditions.js";
import { accountRootArn } from "./principals.js";
function matchesAny(patterns, value, ignoreCase) {
    return patterns.some((pattern) => matchesWildcard(pattern, value, { ignoreCase }));
}
function statementCoversAction(statement, action) {
    if (statement.Action)
        return matchesAny(statement.Action, action, true);
    return !matchesAny(statement.NotAction ?? [], action, true);
}
function statementCoversResource(statement, resource) {
    if (statement.Resource)
        return matchesAny(statement.Resource, resource, false);
    if (statement.NotResource)
        return !matchesAny(statement.NotResource, resource, false);
    // Trust policies have no Resource element: the role they are attached to is implied.
    return true;
}
/**
 * Matches a `Principal` value against a subject. Principal entries are never
 * wildcards except the bare `*`; a role ARN also matches every session of
 * that role, which is how role-2.json lets lambda-auth-role sessions in.
 */
export function principalGrant(principal, subject) {
    if (principal === '*')
        return 'principal';
    if (subject.kind === 'web-identity') {
        return principal.Federated?.includes(subject.providerArn) ? 'principal' : undefined;
    }
    if (subject.kind === 'service') {
        return principal.Service?.includes(subject.service) ? 'principal' : undefined;
    }
    let grant;
    for (const entry of principal.AWS ?? []) {
        if (entry === '*')
            return 'principal';
        if (entry === subject.arn)
            return 'principal';
        if (subject.kind === 'assumed-role' && entry === subject.roleArn)
            return 'principal';
        if (entry === subject.accountId || entry === accountRootArn(subject.accountId))
            grant = 'account';
    }
    return grant;
}
function statementApplies(statement, request) {
    return (statementCoversAction(statement, request.action) &&
        statementCoversResource(statement, request.resource) &&
        conditionBlockMatches(statement.Condition, request.context));
}
/** Evaluates the identity-based policies of a user or role for one request. */
export function evaluateIdentityPolicies(policies, request) {
    let allowed = false;
    for (const policy of policies) {
        for (const statement of policy.Statement) {
            if (!statementApplies(statement, request))
                continue;
            if (statement.Effect === 'Deny')
                return { explicitDeny: true, allowed: false };
            allowed = true;
        }
    }
    return { explicitDeny: false, allowed };
}
/** Evaluates a resource-based or trust policy for one subject and request. */
export function evaluateResourcePolicy(policy, subject, request) {
    let allowedBy;
    for (const statement of policy?.Statement ?? []) {
        let grant;
        if (statement.Principal)
            grant = principalGrant(statement.Principal, subject);
        else if (statement.NotPrincipal)
            grant = principalGrant(statement.NotPrincipal, subject) ? undefined : 'principal';
        if (!grant || !statementApplies(statement, request))
            continue;
        if (statement.Effect === 'Deny')
            return { explicitDeny: true, allowedBy: undefined };
        if (allowedBy !== 'principal')
            allowedBy = grant;
    }
    return { explicitDeny: false, allowedBy };
}
