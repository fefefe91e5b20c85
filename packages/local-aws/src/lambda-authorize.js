import { authorize } from "./authorize.js";
import { accessDenied } from "./lambda-errors.js";
import { conditionContext } from "./policy-conditions.js";
import { principalConditionKeys } from "./principals.js";
export const INVOKE_ACTION = 'lambda:InvokeFunction';
/**
 * The resource an invocation is authorised against. Lambda matches policies
 * on the exact ARN the caller used: a grant on `function:echo` covers only
 * unqualified calls, one on `function:echo:live` only calls through that alias
 * (not the version behind it), and `function:echo*` / `function:echo:*` cover
 * the rest. `$LATEST` counts as unqualified: Lambda does not allow policies on
 * `$LATEST`, and unqualified calls run `$LATEST`, so grants on the function ARN
 * are what authorise it (kgateway always sends `:$LATEST`).
 */
export function invocationResourceArn(fn, qualifier) {
    return qualifier === undefined || qualifier === '$LATEST' ? fn.arn : `${fn.arn}:${qualifier}`;
}
/** Throws Lambda's 403 AccessDeniedException unless `caller` may invoke `resourceArn`. */
export function assertMayInvoke(state, caller, fn, resourceArn) {
    const decision = authorize({
        caller,
        identityPolicies: state.directory.identityPoliciesOf(caller),
        resourcePolicy: fn.config.policy,
        resourceAccountId: fn.accountId,
        resourcePolicyRequired: false,
        request: {
            action: INVOKE_ACTION,
            resource: resourceArn,
            context: conditionContext({
                ...principalConditionKeys(caller),
                'aws:RequestedRegion': fn.region,
                'aws:SecureTransport': 'false',
            }),
        },
    });
    if (decision.allowed)
        return;
    const prefix = `User: ${caller.arn} is not authorized to perform: ${INVOKE_ACTION} on resource: ${resourceArn}`;
    const because = {
        'explicit-deny-identity': 'with an explicit deny in an identity-based policy',
        'explicit-deny-resource': 'with an explicit deny in a resource-based policy',
        'no-identity-allow': `because no identity-based policy allows the ${INVOKE_ACTION} action`,
        'no-resource-allow': `because no resource-based policy allows the ${INVOKE_ACTION} action`,
    }[decision.reason];
    throw accessDenied(`${prefix} ${because}`);
}
