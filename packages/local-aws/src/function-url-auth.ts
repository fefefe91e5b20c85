import type { FunctionRecord } from './account-directory.ts';
import type { AuthenticatedCaller } from './authenticate.ts';
import { authorize } from './authorize.ts';
import { accessDenied } from './lambda-errors.ts';
import type { LocalAwsState } from './local-aws-state.ts';
import { conditionContext } from './policy-conditions.ts';
import { evaluateResourcePolicy, type PolicyRequest } from './policy-eval.ts';
import { principalConditionKeys } from './principals.ts';

/**
 * Since October 2025 a Function URL call is authorised for both actions
 * (older URLs' exception ended 2026-11-01); `lambda:FunctionUrlAuthType` and
 * `lambda:InvokedViaFunctionUrl` are in the request context of both.
 */
export const FUNCTION_URL_ACTIONS = ['lambda:InvokeFunctionUrl', 'lambda:InvokeFunction'] as const;

/**
 * The caller of an unsigned (NONE) Function URL request. Only a resource
 * policy grant to `Principal: "*"` reaches it, as in AWS (`add-permission
 * --principal "*" --function-url-auth-type NONE`).
 */
const ANONYMOUS = { kind: 'service', service: 'anonymous' } as const;

/**
 * Throws Lambda's 403 unless the request may call the function's URL:
 * AWS_IAM evaluates the signer's identity and the function's resource policy
 * as Invoke does; NONE needs the resource policy to allow everyone.
 */
export function assertMayCallFunctionUrl(
  state: LocalAwsState,
  fn: FunctionRecord,
  authType: 'AWS_IAM' | 'NONE',
  caller: AuthenticatedCaller | undefined,
): void {
  for (const action of FUNCTION_URL_ACTIONS) {
    const keys = {
      'aws:RequestedRegion': fn.region,
      'aws:SecureTransport': 'false',
      'lambda:FunctionUrlAuthType': authType,
      'lambda:InvokedViaFunctionUrl': 'true',
    };
    if (caller) {
      const request: PolicyRequest = { action, resource: fn.arn, context: conditionContext({ ...principalConditionKeys(caller.principal), ...keys }) };
      const decision = authorize({
        caller: caller.principal,
        identityPolicies: state.directory.identityPoliciesOf(caller.principal),
        resourcePolicy: fn.config.policy,
        resourceAccountId: fn.accountId,
        resourcePolicyRequired: false,
        request,
      });
      if (!decision.allowed)
        throw accessDenied(`User: ${caller.principal.arn} is not authorized to perform: ${action} on resource: ${fn.arn} (${decision.reason})`);
    } else {
      const evaluation = evaluateResourcePolicy(fn.config.policy, ANONYMOUS, { action, resource: fn.arn, context: conditionContext(keys) });
      if (evaluation.explicitDeny || evaluation.allowedBy !== 'principal') {
        throw accessDenied(`Anonymous callers are not authorized to perform: ${action} on resource: ${fn.arn} (the resource policy must allow Principal "*")`);
      }
    }
  }
}
