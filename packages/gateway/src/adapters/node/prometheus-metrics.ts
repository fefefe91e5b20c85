import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { CredentialEvents, CredentialStatusBoard, GatewayMetrics, RequestSample } from '../../core/index.ts';
import { SeriesCounter, SeriesHistogram, type CounterSeries, type HistogramSeries } from './request-series.ts';

/** The nine standard methods (RFC 9110 + PATCH); anything else is `other`, so a client cannot mint label values. */
const STANDARD_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);
/** Lambda Invoke error types (botocore lambda/2015-03-31) kept as label values; others are `other`. */
const LAMBDA_ERROR_TYPES = new Set([
  'InvalidRequestContentException',
  'InvalidParameterValueException',
  'AccessDeniedException',
  'InvalidSignatureException',
  'UnrecognizedClientException',
  'ExpiredTokenException',
  'MissingAuthenticationTokenException',
  'IncompleteSignatureException',
  'ResourceNotFoundException',
  'ResourceConflictException',
  'ResourceNotReadyException',
  'RequestTooLargeException',
  'UnsupportedMediaTypeException',
  'TooManyRequestsException',
  'ServiceException',
  'KMSAccessDeniedException',
  'ValidationException',
]);
/** EC2*, ENI*, KMS*, EFS*, Subnet* … (VPC and encryption failures): a fixed family in the service model. */
const LAMBDA_ERROR_FAMILY = /^(EC2|ENI|KMS|EFS|Subnet|SnapStart|InvalidSubnet|InvalidSecurityGroup|InvalidZip|InvalidRuntime)[A-Za-z]{0,60}Exception$/;

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const BYTES_BUCKETS = [256, 1024, 4096, 16384, 65536, 262144, 1048576, 6291456];

/** The series one route, backend, method and status observe. */
interface RequestSeries {
  requests: CounterSeries;
  duration: HistogramSeries;
  reqBytes: HistogramSeries;
  invoke: HistogramSeries | undefined;
  resBytes: HistogramSeries | undefined;
}

export function methodLabel(method: string): string {
  return STANDARD_METHODS.has(method) ? method : 'other';
}

export function lambdaErrorTypeLabel(type: string): string {
  return LAMBDA_ERROR_TYPES.has(type) || LAMBDA_ERROR_FAMILY.test(type) ? type : 'other';
}

/**
 * The gateway's Prometheus metrics (prefix `lambda_gateway_`, README "Metrics"),
 * in a registry of their own with prom-client's default process metrics.
 * Label values come from configuration (route and backend names, credential
 * sources) or fixed sets (methods, status codes, error types): bounded.
 */
export class PrometheusMetrics implements GatewayMetrics, CredentialEvents {
  readonly registry = new Registry();
  // The five observed on every request: plain numbers per label set (request-series.ts).
  readonly #requests: SeriesCounter;
  readonly #duration: SeriesHistogram;
  readonly #invokeDuration: SeriesHistogram;
  readonly #requestBytes: SeriesHistogram;
  readonly #responseBytes: SeriesHistogram;
  readonly #functionErrors: Counter<'route' | 'backend'>;
  readonly #lambdaErrors: Counter<'backend' | 'error_type'>;
  readonly #throttleRetries: Counter<'backend'>;
  readonly #mirrorRequests: Counter<'backend' | 'outcome'>;
  readonly #routeRetries: Counter<'route' | 'backend'>;
  readonly #unrouted: Counter<'code' | 'error'>;
  readonly #gatewayErrors: Counter<'route' | 'backend' | 'error'>;
  /** Read by the in-flight gauge when scraped. */
  #inFlight = 0;
  readonly #credentialLoads: Counter<'identity' | 'result'>;
  readonly #credentialLoadDuration: Histogram<'identity'>;
  readonly #reloads: Counter<'result'>;
  readonly #stsDuration: Histogram<'action' | 'result'>;
  readonly #configTimestamp: Gauge;
  readonly #configInfo: Gauge<'hash'>;
  /** The series of one route, backend, method and status, found by one string key per request. */
  readonly #children = new Map<string, RequestSeries>();
  #board: CredentialStatusBoard | undefined;

  constructor() {
    const registers = [this.registry];
    // Unprefixed (`process_*`, `nodejs_*`): the names the usual Node.js dashboards expect.
    collectDefaultMetrics({ register: this.registry });
    this.#requests = new SeriesCounter('lambda_gateway_requests_total', 'Requests answered on Lambda routes, by route, backend, method and status code', [
      'route',
      'backend',
      'method',
      'code',
    ]);
    const perRoute = ['route', 'backend'] as const;
    this.#duration = new SeriesHistogram('lambda_gateway_request_duration_seconds', 'Time from request to response', perRoute, SECONDS_BUCKETS);
    this.#invokeDuration = new SeriesHistogram(
      'lambda_gateway_lambda_invoke_duration_seconds',
      'Time of the Lambda Invoke call alone (signing to the last byte of its answer)',
      perRoute,
      SECONDS_BUCKETS,
    );
    this.#requestBytes = new SeriesHistogram('lambda_gateway_request_body_bytes', "Size of the client's request body", perRoute, BYTES_BUCKETS);
    this.#responseBytes = new SeriesHistogram('lambda_gateway_response_body_bytes', 'Size of the Invoke response payload', perRoute, BYTES_BUCKETS);
    for (const metric of [this.#requests, this.#duration, this.#invokeDuration, this.#requestBytes, this.#responseBytes])
      this.registry.registerMetric(metric as unknown as Parameters<Registry['registerMetric']>[0]);
    this.#functionErrors = new Counter({
      name: 'lambda_gateway_function_errors_total',
      help: 'Invocations answered with X-Amz-Function-Error',
      labelNames: perRoute,
      registers,
    });
    this.#lambdaErrors = new Counter({
      name: 'lambda_gateway_lambda_api_errors_total',
      help: 'Lambda Invoke API errors by error type (TooManyRequestsException: throttles)',
      labelNames: ['backend', 'error_type'],
      registers,
    });
    this.#throttleRetries = new Counter({
      name: 'lambda_gateway_lambda_throttle_retries_total',
      help: 'Invoke calls retried after Lambda throttling (429 TooManyRequestsException, the function did not run)',
      labelNames: ['backend'],
      registers,
    });
    this.#mirrorRequests = new Counter({
      name: 'lambda_gateway_mirror_requests_total',
      help: 'Mirrored requests (RequestMirror, shadowing) by outcome: sent, failed, dropped (too many in flight)',
      labelNames: ['backend', 'outcome'],
      registers,
    });
    this.#routeRetries = new Counter({
      name: 'lambda_gateway_route_retries_total',
      help: "Invocations retried by the route's retry policy (HTTPRoute retry)",
      labelNames: ['route', 'backend'],
      registers,
    });
    this.#unrouted = new Counter({
      name: 'lambda_gateway_unrouted_requests_total',
      help: 'Requests answered without a route: 404 RouteNotFound, 421 MisdirectedRequest',
      labelNames: ['code', 'error'],
      registers,
    });
    this.#gatewayErrors = new Counter({
      name: 'lambda_gateway_request_errors_total',
      help: "Failed requests by the gateway's error code",
      labelNames: ['route', 'backend', 'error'],
      registers,
    });
    const inFlight = () => this.#inFlight;
    new Gauge({
      name: 'lambda_gateway_requests_in_flight',
      help: 'Requests being answered now',
      registers,
      collect() {
        this.set(inFlight());
      },
    });
    this.#credentialLoads = new Counter({
      name: 'lambda_gateway_credential_loads_total',
      help: 'Credentials newly obtained (result ok) or attempts that failed (result error), by identity',
      labelNames: ['identity', 'result'],
      registers,
    });
    this.#credentialLoadDuration = new Histogram({
      name: 'lambda_gateway_credential_load_duration_seconds',
      help: 'Time a caller waited for newly obtained credentials (the STS or container-endpoint round trip when on the request path)',
      labelNames: ['identity'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.#stsDuration = new Histogram({
      name: 'lambda_gateway_sts_request_duration_seconds',
      help: "STS calls of the gateway's own client (role chaining: AssumeRole, and AssumeRoleWithWebIdentity for disableRoleChaining), by action and result",
      labelNames: ['action', 'result'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    const board = () => this.#board;
    new Gauge({
      name: 'lambda_gateway_credential_expiry_seconds',
      help: "Seconds until the identity's current credentials expire (long-lived keys are not listed)",
      labelNames: ['identity'],
      registers,
      collect() {
        this.reset();
        for (const { identity, seconds } of board()?.secondsUntilExpiry() ?? []) this.set({ identity }, seconds);
      },
    });
    new Gauge({
      name: 'lambda_gateway_backend_credentials_ok',
      help: "1 when the backend's last credential attempt succeeded, 0 when it failed",
      labelNames: ['backend'],
      registers,
      collect() {
        this.reset();
        for (const { backend, ok } of board()?.backendStates() ?? []) this.set({ backend }, ok ? 1 : 0);
      },
    });
    this.#reloads = new Counter({ name: 'lambda_gateway_config_reloads_total', help: 'Configuration reloads by result', labelNames: ['result'], registers });
    for (const result of ['success', 'failure', 'refused']) this.#reloads.inc({ result }, 0);
    this.#configTimestamp = new Gauge({
      name: 'lambda_gateway_config_loaded_timestamp_seconds',
      help: 'When the configuration being served was loaded (Unix time)',
      registers,
    });
    this.#configInfo = new Gauge({
      name: 'lambda_gateway_config_info',
      help: 'Always 1; the hash label identifies the configuration being served',
      labelNames: ['hash'],
      registers,
    });
  }

  /** Where the credential gauges read their values. */
  attachCredentialBoard(board: CredentialStatusBoard): void {
    this.#board = board;
  }

  requestStarted(): void {
    this.#inFlight++;
  }

  requestFinished(sample: RequestSample): void {
    this.#inFlight--;
    const method = methodLabel(sample.method);
    const key = `${sample.route}\0${sample.backend}\0${method}\0${sample.status}`;
    let children = this.#children.get(key);
    if (!children) {
      const labels = { route: sample.route, backend: sample.backend };
      children = {
        requests: this.#requests.series({ ...labels, method, code: String(sample.status) }),
        duration: this.#duration.series(labels),
        reqBytes: this.#requestBytes.series(labels),
        // The Invoke series appear once an Invoke call was made (a route that never reaches Lambda has none).
        invoke: undefined,
        resBytes: undefined,
      };
      this.#children.set(key, children);
    }
    children.requests.inc();
    children.duration.observe(sample.durationSeconds);
    children.reqBytes.observe(sample.requestBytes);
    if (sample.invokeSeconds !== undefined) {
      children.invoke ??= this.#invokeDuration.series({ route: sample.route, backend: sample.backend });
      children.resBytes ??= this.#responseBytes.series({ route: sample.route, backend: sample.backend });
      children.invoke.observe(sample.invokeSeconds);
      children.resBytes.observe(sample.responseBytes);
    }
    if (sample.functionError) this.#functionErrors.inc({ route: sample.route, backend: sample.backend });
    if (sample.lambdaErrorType) this.#lambdaErrors.inc({ backend: sample.backend, error_type: lambdaErrorTypeLabel(sample.lambdaErrorType) });
    if (sample.errorCode) this.#gatewayErrors.inc({ route: sample.route, backend: sample.backend, error: sample.errorCode });
  }

  throttleRetry(backend: string): void {
    this.#throttleRetries.inc({ backend });
  }

  mirrorRequest(backend: string, outcome: 'sent' | 'failed' | 'dropped'): void {
    this.#mirrorRequests.inc({ backend, outcome });
  }

  routeRetry(route: string, backend: string): void {
    this.#routeRetries.inc({ route, backend });
  }

  requestUnrouted(status: 404 | 421, error: 'RouteNotFound' | 'MisdirectedRequest'): void {
    this.#unrouted.inc({ code: String(status), error });
  }

  stsCall(action: string, ok: boolean, seconds: number): void {
    this.#stsDuration.observe({ action, result: ok ? 'ok' : 'error' }, seconds);
  }

  loaded(identity: string, result: 'ok' | 'error', seconds: number): void {
    this.#credentialLoads.inc({ identity, result });
    if (result === 'ok') this.#credentialLoadDuration.observe({ identity }, seconds);
  }

  /** A configuration was loaded (at start or by a reload). */
  configLoaded(hash: string, at = Date.now()): void {
    this.#configTimestamp.set(at / 1000);
    this.#configInfo.reset();
    this.#configInfo.set({ hash }, 1);
  }

  reloadAttempted(result: 'success' | 'failure' | 'refused'): void {
    this.#reloads.inc({ result });
  }
}
