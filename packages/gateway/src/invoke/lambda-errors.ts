import { GatewayError } from '../errors/index.ts';

/** A Lambda API error as read off the wire. */
export interface LambdaApiError {
  status: number;
  /** From `x-amzn-ErrorType`, with the `:namespace` suffix stripped. */
  type: string;
  /** From the JSON body's `message` or `Message` (both occur). */
  message: string;
  lambdaRequestId: string | undefined;
}

/** Reads the error type and message from a non-2xx Invoke response. */
export function parseLambdaApiError(status: number, headers: Headers, body: Uint8Array): LambdaApiError {
  let message = '';
  let bodyType: string | undefined;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as Record<string, unknown>;
    const text = parsed.message ?? parsed.Message;
    if (typeof text === 'string') message = text;
    if (typeof parsed.__type === 'string') bodyType = parsed.__type;
  } catch {
    // Not JSON (a proxy in front of Lambda, an HTML error page): keep the status only.
  }
  const headerType = headers.get('x-amzn-errortype') ?? bodyType ?? `HTTP${status}`;
  const type = headerType.split(':')[0]!.split('#').pop()!;
  return { status, type, message, lambdaRequestId: headers.get('x-amzn-requestid') ?? undefined };
}

/** Errors that mean the gateway itself is misconfigured (keys, policies, function names). */
const MISCONFIGURATION_TYPES = new Set([
  'AccessDeniedException',
  'InvalidSignatureException',
  'UnrecognizedClientException',
  'ExpiredTokenException',
  'MissingAuthenticationTokenException',
  'IncompleteSignatureException',
  'ResourceNotFoundException',
  'InvalidParameterValueException',
  'ValidationException',
  'KMSAccessDeniedException',
]);

/**
 * The gateway's error policy for Lambda API errors (README "Error policy"):
 * 429 stays 429 (with Retry-After), 413 stays 413, InvalidRequestContent is the
 * client's fault (400); access, signature, token and not-found errors are the
 * gateway's misconfiguration (502, Lambda's message logged, not returned);
 * everything else is 502.
 */
export function mapLambdaApiError(error: LambdaApiError, retryAfter: string | null): GatewayError {
  const details = { lambdaErrorType: error.type };
  const logMessage = `Lambda ${error.status} ${error.type}: ${error.message}`;
  if (error.status === 429) {
    return new GatewayError(429, 'TooManyRequests', 'the function is throttled, retry later', {
      details,
      headers: { 'retry-after': retryAfter && /^\d+$/.test(retryAfter) ? retryAfter : '1' },
      logMessage,
    });
  }
  if (error.status === 413 || error.type === 'RequestTooLargeException') {
    return new GatewayError(413, 'PayloadTooLarge', 'the request is larger than the function accepts', { details, logMessage });
  }
  if (error.type === 'InvalidRequestContentException') {
    return new GatewayError(400, 'InvalidRequestContent', 'the request body is not a valid Lambda payload (it must be JSON in passthrough mode)', {
      details,
      logMessage,
    });
  }
  if (MISCONFIGURATION_TYPES.has(error.type) || (error.status >= 400 && error.status < 500)) {
    return new GatewayError(502, 'BackendMisconfigured', `the gateway could not invoke the function (${error.type})`, { details, logMessage });
  }
  return new GatewayError(502, 'BackendError', `Lambda returned an error (${error.type})`, { details, logMessage });
}
