import { PrometheusMetrics } from '../adapters/node/prometheus-metrics.ts';
import type { RunningServer } from '../adapters/node/serve.ts';
import { CredentialStatusBoard, ReadinessState, type CompiledGateway, type HealthPaths } from '../core/index.ts';
import type { BuiltConfig } from '../config/index.ts';
import type { Logger } from '../logging/index.ts';
import { configHash, DEFAULT_ADMIN_HOST, DEFAULT_ADMIN_PORT, startAdminListener } from './admin-listener.ts';

/** serve's operating options (README "Operating it"). */
export interface OperationsOptions {
  /** Admin listener port (default 9901; 0 picks a free one); `false`: no admin listener. */
  adminPort?: number | false | undefined;
  /** Default 127.0.0.1. */
  adminHost?: string | undefined;
  /** Default true; false (`--no-metrics`) keeps no request metrics at all. */
  metrics?: boolean | undefined;
  /** Error details in every backend's error bodies (`--expose-error-details`). */
  exposeErrorDetails?: boolean | undefined;
  /** Readiness also needs every backend's credentials (`--require-all-backends`). */
  requireAllBackends?: boolean | undefined;
  /** Where the traffic port answers its probes. */
  healthPaths?: HealthPaths | undefined;
}

/** The pieces `serve` wires around the gateway: metrics, credential status, readiness and the admin listener. */
export class ServeOperations {
  readonly metrics: PrometheusMetrics | undefined;
  readonly credentials: CredentialStatusBoard;
  readonly readiness: ReadinessState;
  readonly #options: OperationsOptions;
  #gateway: CompiledGateway | undefined;
  #config: { hash: string; loadedAt: string; files: string[] } | undefined;
  admin: RunningServer | undefined;

  constructor(options: OperationsOptions, logger: Logger) {
    this.#options = options;
    this.metrics = options.metrics === false ? undefined : new PrometheusMetrics();
    this.credentials = new CredentialStatusBoard({
      loaded: (identity, result, seconds) => {
        this.metrics?.loaded(identity, result, seconds);
        // Debug only: the provider already logs failures at warn, with the reason.
        logger.debug(result === 'ok' ? 'credentials obtained' : 'credentials attempt failed', { identity, seconds: Math.round(seconds * 1000) / 1000 });
      },
    });
    this.metrics?.attachCredentialBoard(this.credentials);
    this.readiness = new ReadinessState({ requireAllBackends: options.requireAllBackends });
  }

  /** What compileGateway needs from these options. */
  get gatewayOptions() {
    return { exposeErrorDetails: this.#options.exposeErrorDetails, readiness: this.readiness, healthPaths: this.#options.healthPaths };
  }

  /** A gateway was compiled from `config` (at start, or by a reload): watch its credentials, record the config. */
  adopt(gateway: CompiledGateway, config: BuiltConfig, files: string[]): void {
    this.credentials.watch(gateway.backends);
    this.#gateway = gateway;
    const now = Date.now();
    this.#config = { hash: configHash(config), loadedAt: new Date(now).toISOString(), files };
    this.metrics?.configLoaded(this.#config.hash, now);
  }

  get configHash(): string | undefined {
    return this.#config?.hash;
  }

  async startAdmin(): Promise<RunningServer | undefined> {
    if (this.#options.adminPort === false) return undefined;
    this.admin = await startAdminListener({
      port: this.#options.adminPort ?? DEFAULT_ADMIN_PORT,
      host: this.#options.adminHost ?? DEFAULT_ADMIN_HOST,
      gateway: () => this.#gateway!,
      readiness: this.readiness,
      credentials: this.credentials,
      metrics: this.metrics,
      configInfo: () => ({ ...this.#config, metrics: this.metrics !== undefined, exposeErrorDetails: this.#options.exposeErrorDetails === true }),
    });
    return this.admin;
  }
}
