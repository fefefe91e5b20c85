import { CredentialsUnavailableError, type AwsCredentials, type CredentialProvider } from '../aws/credentials.ts';
import { ResponseTooLargeError, type HttpTransport } from '../aws/http.ts';
import { signRequest, type SigV4Crypto } from '../aws/sigv4.ts';
import type { ResolvedBackend } from '../descriptor/index.ts';
import { GatewayError } from '../errors/index.ts';
import { SYNC_PAYLOAD_LIMIT } from './body-limit.ts';
import { credentialsUnavailable } from './credentials-unavailable.ts';
import { mapLambdaApiError, parseLambdaApiError } from './lambda-errors.ts';

/**
 * Subscribes `onGone` to the client going away; returns the unsubscribe. The
 * cheap alternative to a client AbortSignal where the runtime has one (Node:
 * the response's `close` event; an AbortSignal per request costs more there).
 */
export type ClientGone = (onGone: () => void) => () => void;

/**
 * Where an invocation gets its AbortController, and gives it back when it
 * ends without having been aborted. See the Node runtime's pool: there an
 * AbortController is a native-backed object whose creation and collection
 * cost more per request than signing.
 */
export interface AbortControllerSource {
  acquire(): AbortController;
  /** Called only for controllers that were not aborted; the source decides whether to keep it. */
  release(controller: AbortController): void;
}

export interface InvokeOptions {
  credentials: CredentialProvider;
  transport: HttpTransport;
  /** Aborted when the client goes away; the invocation is then abandoned. */
  signal?: AbortSignal | undefined;
  /** The same, as a subscription (see ClientGone); either or both may be given. */
  clientGone?: ClientGone | undefined;
  /** Default: a new AbortController per invocation. */
  abortControllers?: AbortControllerSource | undefined;
  /** Synchronous hashing for SigV4 where the runtime has it (Node); else WebCrypto. */
  crypto?: SigV4Crypto | undefined;
  /** Sent as `X-Amzn-Trace-Id`, outside the signature (as Envoy does); see core/trace-id.ts. */
  traceId?: string | undefined;
}

/**
 * The largest Invoke response read: Lambda's 6 MB synchronous limit plus room for
 * an error body's framing. Anything larger cannot come from Lambda.
 */
const MAX_INVOKE_RESPONSE_BYTES = SYNC_PAYLOAD_LIMIT + 64 * 1024;

/** A successful Invoke call (2xx), which may still carry a function error. */
export interface InvokeResponse {
  /** 200 (RequestResponse) or 202 (Event). */
  status: number;
  headers: Headers;
  payload: Uint8Array;
  /** `X-Amz-Function-Error` (`Unhandled`, `Handled`) when the function failed. */
  functionError: string | undefined;
  lambdaRequestId: string | undefined;
}

/**
 * Calls Lambda's Invoke API for `backend` with `payload`, signed with the
 * backend's credentials. The invocation type comes from the descriptor only.
 *
 * Throws GatewayError: 503 CredentialsUnavailable when the backend's
 * credentials cannot be had, mapped Lambda API errors (see mapLambdaApiError),
 * 504 BackendTimeout after `timeoutMs`, 503 BackendUnreachable on network failure
 * (Envoy's answer to a failed upstream connection, and what the Gateway API's retry conformance expects).
 */
export async function invokeLambda(backend: ResolvedBackend, payload: Uint8Array, options: InvokeOptions): Promise<InvokeResponse> {
  let credentials: AwsCredentials;
  try {
    credentials = await options.credentials.getCredentials();
  } catch (error) {
    throw error instanceof CredentialsUnavailableError ? credentialsUnavailable(error) : error;
  }
  // Built from scratch: no client header ever reaches the Invoke call. A plain
  // record, one per backend and never changed: the signer copies it, and knows it again.
  const headers = invokeHeadersOf(backend);
  const signedHeaders = await signRequest(
    credentials,
    { service: 'lambda', region: backend.region },
    { url: backend.invokeUrl, method: 'POST', headers, body: payload },
    options.crypto,
  );
  // After signing: the trace header is not a signed header, so a proxy may rewrite it.
  if (options.traceId) signedHeaders.set('x-amzn-trace-id', options.traceId);

  // One controller for both deadlines, a plain timer for the timeout: cheaper per
  // request than AbortSignal.timeout + AbortSignal.any, and released in `finally`.
  const controller = options.abortControllers?.acquire() ?? new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`the function did not answer within ${backend.timeoutMs} ms`, 'TimeoutError'));
  }, backend.timeoutMs);
  const clientSignal = options.signal;
  let clientAborted = false;
  const onClientAbort = () => {
    clientAborted = true;
    controller.abort(clientSignal?.reason ?? new DOMException('the client closed the request', 'AbortError'));
  };
  if (clientSignal?.aborted) onClientAbort();
  else clientSignal?.addEventListener('abort', onClientAbort, { once: true });
  const unsubscribeClientGone = options.clientGone?.(onClientAbort);
  try {
    const response = await options.transport.send({
      url: backend.invokeUrl,
      method: 'POST',
      headers: signedHeaders,
      body: payload,
      signal: controller.signal,
      maxResponseBytes: MAX_INVOKE_RESPONSE_BYTES,
    });
    const body = await response.bytes();
    if (response.status < 200 || response.status >= 300) {
      throw mapLambdaApiError(parseLambdaApiError(response.status, response.headers, body), response.headers.get('retry-after'));
    }
    return {
      status: response.status,
      headers: response.headers,
      payload: body,
      functionError: response.headers.get('x-amz-function-error') ?? undefined,
      lambdaRequestId: response.headers.get('x-amzn-requestid') ?? undefined,
    };
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    if (error instanceof ResponseTooLargeError) {
      throw new GatewayError(502, 'BackendError', "the Lambda response is larger than Lambda's 6 MB limit", { cause: error, logMessage: error.message });
    }
    if (timedOut) {
      throw new GatewayError(504, 'BackendTimeout', `the function did not answer within ${backend.timeoutMs} ms`, { cause: error });
    }
    if (clientAborted) {
      throw new GatewayError(499, 'BadRequest', 'the client closed the request', { cause: error });
    }
    throw new GatewayError(503, 'BackendUnreachable', 'the Lambda endpoint could not be reached', {
      cause: error,
      logMessage: `network error calling ${new URL(backend.invokeUrl).origin}: ${describeNetworkError(error)}`,
    });
  } finally {
    clearTimeout(timer);
    clientSignal?.removeEventListener('abort', onClientAbort);
    unsubscribeClientGone?.();
    if (!controller.signal.aborted) options.abortControllers?.release(controller);
  }
}

const invokeHeaders = new WeakMap<ResolvedBackend, Readonly<Record<string, string>>>();

function invokeHeadersOf(backend: ResolvedBackend): Record<string, string> {
  let headers = invokeHeaders.get(backend);
  if (!headers) {
    headers = Object.freeze({ 'content-type': 'application/json', 'x-amz-invocation-type': backend.invocationType });
    invokeHeaders.set(backend, headers);
  }
  return headers as Record<string, string>;
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${(error.cause as { code?: string }).code ?? error.cause.message})` : '';
  return `${error.message}${cause}`;
}
