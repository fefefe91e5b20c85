import { AwsError } from './errors.ts';
import { FUNCTION_NAME_MODEL_PATTERN } from './lambda-function-name.ts';

/** Lambda's error responses, with the codes, statuses and messages the real service uses. */

export const SYNC_PAYLOAD_LIMIT_BYTES = 6_291_456;
export const ASYNC_PAYLOAD_LIMIT_BYTES = 1_048_576;

/** 404: unknown function, version or alias. */
export const functionNotFound = (arn: string): AwsError =>
  new AwsError(404, 'ResourceNotFoundException', `Function not found: ${arn}`, { messageKey: 'Message' });

/** 400: a syntactically invalid parameter, reported like the service model's validation. */
export const validationError = (field: string, value: string, constraint: string): AwsError =>
  new AwsError(400, 'ValidationException', `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${constraint}`);

/** 400 ValidationException for a FunctionName in no accepted form. */
export const malformedFunctionName = (value: string): AwsError =>
  validationError('functionName', value, `Member must satisfy regular expression pattern: ${FUNCTION_NAME_MODEL_PATTERN}`);

/** 400: a parameter with a valid shape but an unacceptable value. */
export const invalidParameterValue = (message: string): AwsError => new AwsError(400, 'InvalidParameterValueException', message);

/** 400: the payload is not JSON. */
export const invalidRequestContent = (detail: string): AwsError =>
  new AwsError(400, 'InvalidRequestContentException', `Could not parse request body into json: ${detail}`);

/** 413: payload over the synchronous (6 MB) or asynchronous (1 MB) limit. */
export const requestTooLarge = (limitBytes: number): AwsError =>
  new AwsError(413, 'RequestTooLargeException', `Request must be smaller than ${limitBytes} bytes for the InvokeFunction operation`);

/** 429: reserved concurrency exhausted. */
export const reservedConcurrencyExceeded = (): AwsError =>
  new AwsError(429, 'TooManyRequestsException', 'Rate Exceeded.', {
    headers: { 'Retry-After': '1' },
    fields: { Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' },
  });

/** 403: the caller may not invoke this function. */
export const accessDenied = (message: string): AwsError => new AwsError(403, 'AccessDeniedException', message, { messageKey: 'Message' });

/** 503 when a test has taken Lambda "down". */
export const lambdaUnavailable = (): AwsError =>
  new AwsError(503, 'ServiceException', 'Lambda is temporarily unable to service the request. Please try again.', {
    serverFault: true,
  });

/** 404 for paths Lambda has no operation for (only Invoke is implemented here). */
export const unknownLambdaOperation = (): AwsError =>
  new AwsError(404, 'UnknownOperationException', 'Unknown operation: the local AWS implements only Invoke for Lambda');

/** 500 for bugs in the local AWS itself. */
export const lambdaInternalError = (): AwsError => new AwsError(500, 'ServiceException', 'An internal error occurred in the local AWS.', { serverFault: true });
