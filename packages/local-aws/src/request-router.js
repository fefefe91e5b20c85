import { authFailureToAwsError } from "./auth-errors.js";
import { AuthFailure, AwsError } from "./errors.js";
import { writeResponse } from "./http-io.js";
import { RequestContext } from "./request-context.js";
function noServiceResponse() {
    return {
        status: 404,
        headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'UnknownOperationException' },
        body: JSON.stringify({ message: 'The local AWS serves Lambda (/2015-03-31/…), STS (/) and container credentials (/v1/credentials) only' }),
    };
}
/**
 * Dispatches each request to the first service that claims it, turns thrown
 * errors into that service's wire format, and emits one log entry per request.
 * Unexpected exceptions become the service's 500 and are logged with detail.
 */
export function createRequestListener(state, services, log) {
    return (request, response) => {
        void (async () => {
            const startedAt = Date.now();
            const method = request.method ?? 'GET';
            const rawPath = (request.url ?? '/').split('?')[0];
            const service = services.find((candidate) => candidate.matches(method, rawPath, request.headers));
            if (!service) {
                writeResponse(response, noServiceResponse(), false);
                log?.({ time: new Date().toISOString(), method, path: rawPath, status: 404, errorType: 'UnknownOperationException' });
                return;
            }
            const context = new RequestContext(service.name, request, state, service.unavailableError);
            let result;
            let errorType;
            let internalError;
            try {
                result = await service.handle(context);
            }
            catch (error) {
                let awsError;
                if (error instanceof AwsError)
                    awsError = error;
                else if (error instanceof AuthFailure)
                    awsError = authFailureToAwsError(error, service.name);
                else {
                    awsError = service.internalError();
                    internalError = error instanceof Error ? (error.stack ?? error.message) : String(error);
                    if (!log)
                        console.error(`[local-aws] internal error handling ${method} ${rawPath}:`, error);
                }
                errorType = awsError.code;
                result = service.renderError(awsError, context.requestId);
            }
            writeResponse(response, result, context.bodyRefused);
            log?.({
                time: new Date(startedAt).toISOString(),
                requestId: context.requestId,
                service: service.name,
                method,
                path: rawPath,
                status: result.status,
                durationMs: Date.now() - startedAt,
                ...context.logFields,
                ...(errorType ? { errorType } : {}),
                ...(internalError ? { internalError } : {}),
            });
        })().catch((error) => {
            // Only reachable if writing the response itself failed (e.g. the socket died).
            if (!response.headersSent)
                response.writeHead(500).end();
            log?.({ time: new Date().toISOString(), status: 500, internalError: String(error) });
        });
    };
}
