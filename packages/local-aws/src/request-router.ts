import type { IncomingMessage, ServerResponse } from 'node:http';
import { authFailureToAwsError } from './auth-errors.ts';
import { AuthFailure, AwsError } from './errors.ts';
import { writeResponse, writeStreamedResponse, type LocalResponse } from './http-io.ts';
import type { LocalAwsState } from './local-aws-state.ts';
import { RequestContext } from './request-context.ts';
import type { ServiceDefinition } from './service-definition.ts';

export type RequestLogger = (entry: Record<string, unknown>) => void;

function noServiceResponse(): LocalResponse {
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
export function createRequestListener(
  state: LocalAwsState,
  services: readonly ServiceDefinition[],
  log: RequestLogger | undefined,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    void (async () => {
      const startedAt = Date.now();
      const method = request.method ?? 'GET';
      const rawPath = (request.url ?? '/').split('?')[0]!;
      const service = services.find((candidate) => candidate.matches(method, rawPath, request.headers));
      if (!service) {
        writeResponse(response, noServiceResponse(), false);
        log?.({ time: new Date().toISOString(), method, path: rawPath, status: 404, errorType: 'UnknownOperationException' });
        return;
      }
      const context = new RequestContext(service.name, request, state, service.unavailableError);
      let result: LocalResponse;
      let errorType: string | undefined;
      let internalError: string | undefined;
      try {
        result = await service.handle(context);
      } catch (error) {
        let awsError: AwsError;
        if (error instanceof AwsError) awsError = error;
        else if (error instanceof AuthFailure) awsError = authFailureToAwsError(error, service.name);
        else {
          awsError = service.internalError();
          internalError = error instanceof Error ? (error.stack ?? error.message) : String(error);
          if (!log) console.error(`[local-aws] internal error handling ${method} ${rawPath}:`, error);
        }
        errorType = awsError.code;
        result = service.renderError(awsError, context.requestId);
      }
      // A refused body (413) is being read and discarded (http-io.ts): closing now would reset
      // the connection under a client still sending, which then never reads the 413.
      if (result.stream) await writeStreamedResponse(response, { ...result, stream: result.stream });
      else writeResponse(response, result, false);
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
    })().catch((error: unknown) => {
      // Only reachable if writing the response itself failed (e.g. the socket died).
      if (!response.headersSent) response.writeHead(500).end();
      log?.({ time: new Date().toISOString(), status: 500, internalError: String(error) });
    });
  };
}
