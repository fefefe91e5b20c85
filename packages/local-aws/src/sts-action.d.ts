import type { AuthenticatedCaller } from './authenticate.ts';
import type { RequestContext } from './request-context.ts';
import type { XmlTree } from './sts-xml.ts';
/** Input to one STS action: the decoded query/form parameters and, for signed actions, the caller. */
export interface StsActionInput {
    context: RequestContext;
    params: URLSearchParams;
    /** Present exactly when the action is `signed`. */
    caller: AuthenticatedCaller | undefined;
}
/**
 * One STS action. `signed: false` is for actions AWS accepts without SigV4
 * (AssumeRoleWithWebIdentity, whose proof is the token in its parameters).
 */
export interface StsAction {
    signed: boolean;
    /** Returns the `<{Action}Result>` content. */
    run(input: StsActionInput): Promise<XmlTree>;
}
