import { timingSafeEqual } from 'node:crypto';
import { AwsError } from "./errors.js";
import { issueRoleSession } from "./role-session.js";
/**
 * Path of the container-credentials endpoint on the local AWS's origin, as on
 * the EKS Pod Identity agent (`http://169.254.170.23/v1/credentials`). Point
 * `AWS_CONTAINER_CREDENTIALS_FULL_URI` at `<local AWS url>/v1/credentials`:
 * the SDK accepts plain http on loopback addresses.
 */
export const CONTAINER_CREDENTIALS_PATH = '/v1/credentials';
const containerError = (status, code, message) => new AwsError(status, code, message);
/** JSON `{Code, Message}`: what the SDK's `fromHttp` reads from a 4xx answer. */
function renderContainerError(error, requestId) {
    return {
        status: error.status,
        headers: { ...error.headers, 'Content-Type': 'application/json', 'x-amzn-RequestId': requestId },
        body: JSON.stringify({ Code: error.code, Message: error.message }),
    };
}
function sameToken(presented, expected) {
    const a = Buffer.from(presented);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
}
/**
 * EKS Pod Identity / ECS container credentials: `GET /v1/credentials` with the
 * pod's token in `Authorization` returns `{AccessKeyId, SecretAccessKey, Token,
 * AccountId, Expiration}` for a session of the scenario's `containerCredentials.roleArn`.
 * Counted as `container:GetCredentials`.
 */
export const containerCredentialsService = {
    name: 'container',
    matches: (_method, rawPath) => rawPath === CONTAINER_CREDENTIALS_PATH,
    async handle(context) {
        context.beginAction('GetCredentials');
        if (context.request.method !== 'GET')
            throw containerError(405, 'MethodNotAllowed', 'Only GET is supported');
        const config = context.state.scenario.containerCredentials;
        if (!config)
            throw containerError(404, 'NotFound', 'No container credentials are configured in this scenario (containerCredentials)');
        const authorization = context.request.headers.authorization;
        if (!authorization)
            throw containerError(401, 'AccessDeniedException', 'Service account token cannot be empty');
        if (!sameToken(authorization, config.authorizationToken)) {
            throw containerError(401, 'AccessDeniedException', 'The Authorization header does not hold a valid pod identity token');
        }
        // The scenario check guarantees the role exists and trusts pods.eks.amazonaws.com.
        const role = context.state.directory.role(config.roleArn);
        const { principal, credentials } = issueRoleSession(context.state, role, config.sessionName, undefined);
        context.logFields['assumedRole'] = principal.arn;
        return {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
                AccessKeyId: credentials.accessKeyId,
                SecretAccessKey: credentials.secretAccessKey,
                Token: credentials.sessionToken,
                AccountId: role.accountId,
                Expiration: new Date(credentials.expiresAt).toISOString(),
            }),
        };
    },
    renderError: renderContainerError,
    unavailableError: () => containerError(503, 'ServiceUnavailable', 'The credentials endpoint is unavailable'),
    internalError: () => containerError(500, 'InternalError', 'An internal error occurred in the local AWS.'),
};
