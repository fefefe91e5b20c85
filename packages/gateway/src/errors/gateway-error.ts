import { GENERIC_ERROR_MESSAGES } from './redaction.ts';

/**
 * Stable error codes the gateway puts in the `error` field of every error body.
 * Clients may branch on these; never rename one.
 */
export type GatewayErrorCode =
  | 'RouteNotFound'
  | 'MisdirectedRequest'
  | 'CorsOriginNotAllowed'
  | 'BadRequest'
  | 'PayloadTooLarge'
  | 'FunctionError'
  | 'InvalidFunctionResponse'
  | 'InvalidRequestContent'
  | 'TooManyRequests'
  | 'BackendMisconfigured'
  | 'BackendError'
  | 'BackendTimeout'
  | 'BackendUnreachable'
  | 'CredentialsUnavailable'
  | 'InternalError'
  // Refusals by the Node server before routing (adapters/node/rejections.ts).
  | 'RequestTimeout'
  | 'RequestHeadersTooLarge'
  | 'MethodNotAllowed'
  | 'Overloaded';

export interface GatewayErrorOptions {
  /** Extra JSON fields merged into the error body (never secrets). */
  details?: Record<string, unknown>;
  /** Extra response headers, e.g. `Retry-After`. */
  headers?: Record<string, string>;
  /** Text for the log line only; not sent to the client. */
  logMessage?: string;
  cause?: unknown;
}

/**
 * An error that maps to a well-defined HTTP response. Anything thrown inside the
 * request pipeline that is not a GatewayError becomes a 500 `InternalError`.
 */
export class GatewayError extends Error {
  readonly status: number;
  readonly code: GatewayErrorCode;
  readonly details: Record<string, unknown>;
  readonly headers: Record<string, string>;
  readonly logMessage: string | undefined;

  constructor(status: number, code: GatewayErrorCode, message: string, options: GatewayErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GatewayError';
    this.status = status;
    this.code = code;
    this.details = options.details ?? {};
    this.headers = options.headers ?? {};
    this.logMessage = options.logMessage;
  }
}

/**
 * Builds the JSON error response every failure path uses. Redacted (the
 * default): `{ error, message: <generic>, requestId }` only. With
 * `exposeDetails`: `{ error, message, requestId, ...details }`.
 */
export function errorResponse(error: GatewayError, requestId: string, options: { exposeDetails?: boolean } = {}): Response {
  const body = JSON.stringify(
    options.exposeDetails
      ? { error: error.code, message: error.message, requestId, ...error.details }
      : { error: error.code, message: GENERIC_ERROR_MESSAGES[error.code], requestId },
  );
  const headers = new Headers(error.headers);
  headers.set('content-type', 'application/json');
  headers.set('x-request-id', requestId);
  return new Response(body, { status: error.status, headers });
}
