import { type FunctionRecord, functionUrlId } from './account-directory.ts';
import { authenticateRequest, type AuthenticatedCaller } from './authenticate.ts';
import { AuthFailure, AwsError } from './errors.ts';
import { assertMayCallFunctionUrl } from './function-url-auth.ts';
import { functionUrlAnswer, functionUrlEvent } from './function-url-event.ts';
import { streamFunctionUrl } from './function-url-stream.ts';
import { runInvocation } from './function-runtime.ts';
import type { LocalResponse } from './http-io.ts';
import { invocationSpecFor } from './lambda-invoke.ts';
import { lambdaInternalError, lambdaUnavailable, reservedConcurrencyExceeded, requestTooLarge, SYNC_PAYLOAD_LIMIT_BYTES } from './lambda-errors.ts';
import type { RequestContext } from './request-context.ts';
import type { ServiceDefinition } from './service-definition.ts';

/** Loopback stand-in for `https://<url-id>.lambda-url.<region>.on.aws/…`: `<origin>/lambda-url/<url-id>/…`. */
export const FUNCTION_URL_PREFIX = '/lambda-url/';
const FUNCTION_URL_PATH = /^\/lambda-url\/([a-z0-9-]{1,63})(\/.*)?$/;

/** The local URL of a function's Function URL (what a gateway backend's `functionURL` names). */
export function localFunctionUrl(origin: string, fn: FunctionRecord): string {
  return `${origin}${FUNCTION_URL_PREFIX}${functionUrlId(fn)}/`;
}

/** Function URL errors: `{"Message": …}` with the type in x-amzn-ErrorType, as the URL front end answers. */
function renderFunctionUrlError(error: AwsError, requestId: string): LocalResponse {
  return {
    status: error.status,
    headers: { ...error.headers, 'Content-Type': 'application/json', 'x-amzn-ErrorType': error.code, 'x-amzn-RequestId': requestId },
    body: JSON.stringify({ Message: error.status === 403 && error.code === 'AccessDeniedException' ? 'Forbidden' : error.message }),
  };
}

/**
 * Function URLs for the scenario's functions that have `functionUrl:`. AWS_IAM
 * URLs verify SigV4 (service `lambda`, the function's region) and authorise
 * `lambda:InvokeFunctionUrl` and `lambda:InvokeFunction`; NONE URLs need a
 * resource policy allowing `*`. The function gets the payload 2.0 event;
 * BUFFERED reads its result as a payload 2.0 response, RESPONSE_STREAM
 * sends what it writes as it writes it (the HTTP prelude giving status,
 * headers and cookies).
 */
export const functionUrlService: ServiceDefinition = {
  name: 'lambda',
  matches: (_method, rawPath) => rawPath.startsWith(FUNCTION_URL_PREFIX),
  async handle(context: RequestContext): Promise<LocalResponse> {
    context.beginAction('InvokeFunctionUrl');
    const { state } = context;
    const match = FUNCTION_URL_PATH.exec(context.rawPath);
    const fn = match ? state.directory.functionByUrlId(match[1]!) : undefined;
    if (!match || !fn?.config.functionUrl) throw new AwsError(404, 'ResourceNotFoundException', 'Not Found', { messageKey: 'Message' });
    const urlConfig = fn.config.functionUrl;
    context.logFields['functionArn'] = fn.arn;
    const body = await context.readBody(SYNC_PAYLOAD_LIMIT_BYTES);
    if (!body) throw requestTooLarge(SYNC_PAYLOAD_LIMIT_BYTES);

    let caller: AuthenticatedCaller | undefined;
    if (urlConfig.authType === 'AWS_IAM') {
      caller = await authenticateRequest(context.wire(body), { service: 'lambda', credentials: state.credentials, now: state.now() });
      if (caller.signingRegion !== fn.region) throw new AuthFailure('wrong-scope', 'Credential should be scoped to a valid region.');
      context.logFields['caller'] = caller.principal.arn;
    }
    try {
      assertMayCallFunctionUrl(state, fn, urlConfig.authType, caller);
    } catch (error) {
      if (error instanceof AwsError) context.logFields['denied'] = error.message;
      throw error;
    }

    const urlId = functionUrlId(fn);
    const event = functionUrlEvent({
      request: context.request,
      rawPath: match[2] ?? '/',
      rawQuery: context.rawQuery,
      body,
      urlId,
      domainName: `${urlId}.lambda-url.${fn.region}.on.aws`,
      requestId: context.requestId,
      now: state.now(),
      caller,
    });
    // A Function URL runs the unqualified function ($LATEST), invoked by its own ARN.
    const spec = invocationSpecFor(context.requestId, { fn, executedVersion: '$LATEST', invokedFunctionArn: fn.arn }, undefined, event);
    const record = state.recorder.record({
      requestId: context.requestId,
      functionArn: fn.arn,
      qualifier: undefined,
      executedVersion: '$LATEST',
      invocationType: 'RequestResponse',
      event,
      callerArn: caller?.principal.arn ?? 'anonymous',
      clientContext: undefined,
      at: new Date(state.now()),
    });
    const headers = { 'x-amzn-RequestId': context.requestId };
    if (urlConfig.invokeMode === 'RESPONSE_STREAM') return streamFunctionUrl(context, fn, spec, record, headers);

    const running = state.limiterFor(fn).runIfFree(() => runInvocation(() => state.functions.load(fn.config.handler), spec));
    if (!running) throw reservedConcurrencyExceeded();
    const outcome = await running;
    record.outcome = {
      payload: outcome.payload,
      durationMs: outcome.durationMs,
      ...(outcome.functionError ? { functionError: outcome.functionError } : {}),
      ...(outcome.errorType ? { errorType: outcome.errorType } : {}),
    };
    context.logFields['durationMs'] = outcome.durationMs;
    if (outcome.functionError) {
      context.logFields['functionError'] = outcome.errorType;
      return { status: 502, headers: { ...headers, 'Content-Type': 'application/json' }, body: 'Internal Server Error' };
    }
    const answer = functionUrlAnswer(outcome.payload);
    return { status: answer.status, headers: { ...answer.headers, ...headers }, cookies: answer.cookies, body: answer.body };
  },
  renderError: renderFunctionUrlError,
  unavailableError: lambdaUnavailable,
  internalError: lambdaInternalError,
};
