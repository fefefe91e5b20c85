import type { GatewayErrorCode } from '../errors/index.ts';

/** One finished request, as the pipeline saw it. Every label value comes from configuration or a fixed set. */
export interface RequestSample {
  route: string;
  backend: string;
  method: string;
  status: number;
  durationSeconds: number;
  /** The client's request body as read. */
  requestBytes: number;
  /** The Invoke response payload (0 when there was none). */
  responseBytes: number;
  /** The Invoke call alone (signing to last response byte); undefined when it was not made. */
  invokeSeconds: number | undefined;
  /** `X-Amz-Function-Error` was set. */
  functionError: boolean;
  /** The gateway's error code when the request failed. */
  errorCode: GatewayErrorCode | undefined;
  /** Lambda's `x-amzn-ErrorType` when the Invoke API itself answered an error. */
  lambdaErrorType: string | undefined;
}

/**
 * Where the pipeline reports what it did. The Node adapter implements it with
 * prom-client (adapters/node/prometheus-metrics.ts); absent (`--no-metrics`,
 * workers, programmatic use): nothing is measured.
 */
export interface GatewayMetrics {
  requestStarted(): void;
  requestFinished(sample: RequestSample): void;
  /** One STS call made by the gateway's own client (role chaining); `ok` when STS answered 2xx. */
  stsCall?(action: string, ok: boolean, seconds: number): void;
  /** A throttled Invoke (429) retried for `backend` (invoke/throttle-retry.ts). */
  throttleRetry?(backend: string): void;
  /** A mirrored request to `backend` (core/request-mirror.ts): sent and answered, failed, or dropped (too many in flight). */
  mirrorRequest?(backend: string, outcome: 'sent' | 'failed' | 'dropped'): void;
  /** An attempt retried by the route's HTTPRoute `retry` (core/route-retry.ts). */
  routeRetry?(route: string, backend: string): void;
  /** A request answered without a route: 404 `RouteNotFound`, 421 `MisdirectedRequest` (no route or backend to label it with). */
  requestUnrouted?(status: 404 | 421, error: 'RouteNotFound' | 'MisdirectedRequest'): void;
}
