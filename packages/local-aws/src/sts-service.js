import { authenticateRequest } from "./authenticate.js";
import { assumeRoleAction } from "./sts-assume-role.js";
import { getCallerIdentityAction } from "./sts-caller-identity.js";
import { assumeRoleWithWebIdentityAction } from "./sts-web-identity.js";
import { stsInternalFailure, stsInvalidAction, stsMissingAction, stsRequestTooLarge, stsUnavailable } from "./sts-errors.js";
import { stsErrorXml, stsSuccessXml } from "./sts-xml.js";
/** Form bodies of real STS calls are a few KB; refuse anything far beyond that without buffering it. */
const MAX_STS_BODY_BYTES = 256 * 1024;
/**
 * Implemented actions. AssumeRoleWithWebIdentity is `signed: false`: it
 * authenticates with its token, not SigV4.
 */
const STS_ACTIONS = {
    AssumeRole: assumeRoleAction,
    AssumeRoleWithWebIdentity: assumeRoleWithWebIdentityAction,
    GetCallerIdentity: getCallerIdentityAction,
};
/** STS's query-protocol XML error. */
export function renderStsError(error, requestId) {
    return {
        status: error.status,
        headers: { ...error.headers, 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId },
        body: stsErrorXml(error.serverFault ? 'Receiver' : 'Sender', error.code, error.message, requestId),
    };
}
/** Query parameters merged with a form-encoded body (the SDKs POST the form; GET works too). */
function requestParameters(context, body) {
    const params = context.query();
    const contentType = String(context.request.headers['content-type'] ?? '');
    if (body.length > 0 && (contentType === '' || contentType.startsWith('application/x-www-form-urlencoded'))) {
        for (const [key, value] of new URLSearchParams(body.toString('utf8')))
            params.append(key, value);
    }
    return params;
}
/** STS on `/` of the shared origin. */
export const stsService = {
    name: 'sts',
    matches: (method, rawPath) => rawPath === '/' && (method === 'POST' || method === 'GET'),
    async handle(context) {
        const body = await context.readBody(MAX_STS_BODY_BYTES);
        const params = body ? requestParameters(context, body) : context.query();
        const actionName = params.get('Action');
        context.beginAction(actionName ?? 'MissingAction');
        if (!body)
            throw stsRequestTooLarge();
        if (!actionName)
            throw stsMissingAction();
        // Own keys only: `Action=toString` must be InvalidAction, not Object.prototype.toString.
        const action = Object.hasOwn(STS_ACTIONS, actionName) ? STS_ACTIONS[actionName] : undefined;
        // Unknown actions are still authenticated first, as AWS does, so a bad signature is reported as such.
        const caller = action?.signed !== false
            ? await authenticateRequest(context.wire(body), { service: 'sts', credentials: context.state.credentials, now: context.state.now() })
            : undefined;
        if (!action)
            throw stsInvalidAction(actionName);
        const result = await action.run({ context, params, caller });
        return {
            status: 200,
            headers: { 'Content-Type': 'text/xml', 'x-amzn-RequestId': context.requestId },
            body: stsSuccessXml(actionName, result, context.requestId),
        };
    },
    renderError: renderStsError,
    unavailableError: stsUnavailable,
    internalError: stsInternalFailure,
};
