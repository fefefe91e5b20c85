import type { GatewayErrorCode } from './gateway-error.ts';

/**
 * What an anonymous client is told for each error code when the backend does
 * not expose details: a fixed sentence that names no role, account, secret,
 * path, endpoint, AWS message or function output. The full error goes to the
 * log line of the request (and credential state to the admin port).
 */
export const GENERIC_ERROR_MESSAGES: Record<GatewayErrorCode, string> = {
  RouteNotFound: 'no route matches the request',
  MisdirectedRequest: 'this connection does not serve the requested host; open one for it',
  BadRequest: 'the request could not be read',
  PayloadTooLarge: 'the request body is larger than the function accepts',
  FunctionError: 'the function failed',
  InvalidFunctionResponse: 'the function returned a response the gateway cannot use',
  InvalidRequestContent: 'the request body is not a valid payload for the function',
  TooManyRequests: 'the function is throttled, retry later',
  BackendMisconfigured: 'the gateway could not invoke the function',
  BackendError: 'the function could not be invoked',
  BackendTimeout: 'the function did not answer in time',
  BackendUnreachable: 'the function could not be reached',
  CredentialsUnavailable: 'the gateway cannot sign requests for this route right now, retry later',
  RequestTimeout: 'the request did not arrive in time',
  RequestHeadersTooLarge: 'the request headers are too large',
  MethodNotAllowed: 'the method is not allowed',
  Overloaded: 'the gateway is busy, retry later',
  CorsOriginNotAllowed: 'the origin is not allowed',
  InternalError: 'internal error',
};
