export { invokeLambda } from './invoke-lambda.ts';
export type { AbortControllerSource, ClientGone, InvokeOptions, InvokeResponse } from './invoke-lambda.ts';
export { mapLambdaApiError, parseLambdaApiError } from './lambda-errors.ts';
export type { LambdaApiError } from './lambda-errors.ts';
export { ASYNC_PAYLOAD_LIMIT, SYNC_PAYLOAD_LIMIT, drain, payloadTooLarge, readBodyWithLimit, readStreamWithin } from './body-limit.ts';
export { signRequest, verifySigV4Crypto } from '../aws/sigv4.ts';
export type { SigV4Crypto } from '../aws/sigv4.ts';
export { ResponseTooLargeError, fetchTransport } from '../aws/http.ts';
export type { HttpTransport, OutboundRequest, TransportResponse } from '../aws/http.ts';
