import type { FunctionRecord } from './account-directory.ts';
import type { LocalAwsState } from './local-aws-state.ts';
import { type CallerPrincipal } from './principals.ts';
export declare const INVOKE_ACTION = "lambda:InvokeFunction";
/**
 * The resource an invocation is authorised against. Lambda matches policies
 * on the exact ARN the caller used: a grant on `function:echo` covers only
 * unqualified calls, one on `function:echo:live` only calls through that alias
 * (not the version behind it), and `function:echo*` / `function:echo:*` cover
 * the rest. `$LATEST` counts as unqualified: Lambda does not allow policies on
 * `$LATEST`, and unqualified calls run `$LATEST`, so grants on the function ARN
 * are what authorise it (kgateway always sends `:$LATEST`).
 */
export declare function invocationResourceArn(fn: FunctionRecord, qualifier: string | undefined): string;
/** Throws Lambda's 403 AccessDeniedException unless `caller` may invoke `resourceArn`. */
export declare function assertMayInvoke(state: LocalAwsState, caller: CallerPrincipal, fn: FunctionRecord, resourceArn: string): void;
