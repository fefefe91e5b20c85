import { AwsError } from './errors.ts';
/** Lambda's error responses, with the codes, statuses and messages the real service uses. */
export declare const SYNC_PAYLOAD_LIMIT_BYTES = 6291456;
export declare const ASYNC_PAYLOAD_LIMIT_BYTES = 1048576;
/** 404: unknown function, version or alias. */
export declare const functionNotFound: (arn: string) => AwsError;
/** 400: a syntactically invalid parameter, reported like the service model's validation. */
export declare const validationError: (field: string, value: string, constraint: string) => AwsError;
/** 400 ValidationException for a FunctionName in no accepted form. */
export declare const malformedFunctionName: (value: string) => AwsError;
/** 400: a parameter with a valid shape but an unacceptable value. */
export declare const invalidParameterValue: (message: string) => AwsError;
/** 400: the payload is not JSON. */
export declare const invalidRequestContent: (detail: string) => AwsError;
/** 413: payload over the synchronous (6 MB) or asynchronous (1 MB) limit. */
export declare const requestTooLarge: (limitBytes: number) => AwsError;
/** 429: reserved concurrency exhausted. */
export declare const reservedConcurrencyExceeded: () => AwsError;
/** 403: the caller may not invoke this function. */
export declare const accessDenied: (message: string) => AwsError;
/** 503 when a test has taken Lambda "down". */
export declare const lambdaUnavailable: () => AwsError;
/** 404 for paths Lambda has no operation for (only Invoke is implemented here). */
export declare const unknownLambdaOperation: () => AwsError;
/** 500 for bugs in the local AWS itself. */
export declare const lambdaInternalError: () => AwsError;
