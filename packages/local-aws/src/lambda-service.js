import { lambdaInternalError, lambdaUnavailable, unknownLambdaOperation } from "./lambda-errors.js";
import { handleInvoke } from "./lambda-invoke.js";
/** The function name stays percent-encoded here: the signature covers the raw path. */
const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations\/?$/;
const LAMBDA_PATH = /^\/20\d\d-\d\d-\d\d\//;
/** Suffix AWS's front end appends to x-amzn-ErrorType for authentication errors. */
const FRONT_END_ERROR_SUFFIX = ':http://internal.amazon.com/coral/com.amazon.coral.service/';
/** Lambda's rest-json error: x-amzn-ErrorType header plus `{Type, message|Message, …}`. */
export function renderLambdaError(error, requestId) {
    const body = error.frontEnd ? {} : { Type: error.serverFault ? 'Service' : 'User' };
    body[error.messageKey] = error.message;
    Object.assign(body, error.fields);
    return {
        status: error.status,
        headers: {
            ...error.headers,
            'Content-Type': 'application/json',
            'x-amzn-ErrorType': error.frontEnd ? `${error.code}${FRONT_END_ERROR_SUFFIX}` : error.code,
            'x-amzn-RequestId': requestId,
        },
        body: JSON.stringify(body),
    };
}
/** Lambda's REST API (Invoke only). */
export const lambdaService = {
    name: 'lambda',
    matches: (_method, rawPath) => LAMBDA_PATH.test(rawPath),
    async handle(context) {
        const invoke = INVOKE_PATH.exec(context.rawPath);
        if (context.request.method === 'POST' && invoke)
            return handleInvoke(context, invoke[1]);
        context.beginAction('UnknownOperation');
        throw unknownLambdaOperation();
    },
    renderError: renderLambdaError,
    unavailableError: lambdaUnavailable,
    internalError: lambdaInternalError,
};
