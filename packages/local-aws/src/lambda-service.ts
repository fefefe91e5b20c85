import type { AwsError } from './errors.ts';
import type { LocalResponse } from './http-io.ts';
import { lambdaInternalError, lambdaUnavailable, unknownLambdaOperation } from './lambda-errors.ts';
import { handleInvoke } from './lambda-invoke.ts';
import { handleInvokeWithResponseStream } from './lambda-invoke-stream.ts';
import type { RequestContext } from './request-context.ts';
import type { ServiceDefinition } from './service-definition.ts';

/** The function name stays percent-encoded here: the signature covers the raw path. */
const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations\/?$/;
const STREAM_INVOKE_PATH = /^\/2021-11-15\/functions\/([^/]+)\/response-streaming-invocations\/?$/;
const LAMBDA_PATH = /^\/20\d\d-\d\d-\d\d\//;

/** Suffix AWS's front end appends to x-amzn-ErrorType for authentication errors. */
const FRONT_END_ERROR_SUFFIX = ':http://internal.amazon.com/coral/com.amazon.coral.service/';

/** Lambda's rest-json error: x-amzn-ErrorType header plus `{Type, message|Message, …}`. */
export function renderLambdaError(error: AwsError, requestId: string): LocalResponse {
  const body: Record<string, unknown> = error.frontEnd ? {} : { Type: error.serverFault ? 'Service' : 'User' };
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

/** Lambda's REST API (Invoke and InvokeWithResponseStream). */
export const lambdaService: ServiceDefinition = {
  name: 'lambda',
  matches: (_method, rawPath) => LAMBDA_PATH.test(rawPath),
  async handle(context: RequestContext): Promise<LocalResponse> {
    const invoke = INVOKE_PATH.exec(context.rawPath);
    if (context.request.method === 'POST' && invoke) return handleInvoke(context, invoke[1]!);
    const streamInvoke = STREAM_INVOKE_PATH.exec(context.rawPath);
    if (context.request.method === 'POST' && streamInvoke) return handleInvokeWithResponseStream(context, streamInvoke[1]!);
    context.beginAction('UnknownOperation');
    throw unknownLambdaOperation();
  },
  renderError: renderLambdaError,
  unavailableError: lambdaUnavailable,
  internalError: lambdaInternalError,
};
