export { invokeLambda } from './invoke-lambda.ts';
export type { AbortControllerSource, ClientGone, InvokeOptions, InvokeResponse } from './invoke-lambda.ts';
export { mapLambdaApiError, parseLambdaApiError } from './lambda-errors.ts';
export type { LambdaApiError } from './lambda-errors.ts';
export { ASYNC_PAYLOAD_LIMIT, SYNC_PAYLOAD_LIMIT, drain, payloadTooLarge, readBodyWithLimit, readStreamWithin } from './body-limit.ts';
export { signRequest, verifySigV4Crypto } from './signer.ts';
export type { SigV4Crypto } from './signer.ts';
export { ResponseTooLargeError, fetchTransport } from './transport.ts';
export type { HttpTransport, OutboundRequest, TransportResponse } from './transport.ts';
