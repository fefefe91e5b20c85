import { requireRoutes, type BuiltConfig } from '../config/index.ts';
import { manifestSecretSource, type CredentialCache, type SecretSource } from '../credentials/index.ts';
import { verifySigV4Crypto, type HttpTransport } from '../invoke/index.ts';
import { compileGateway, type CompiledGateway, type CreateGatewayOptions, type GatewayMetrics, type Platform } from '../core/index.ts';
import type { LogLevel, Logger } from '../logging/index.ts';
import { loadConfig } from '../adapters/node/load-config.ts';
import { createNodePlatform } from '../adapters/node/node-platform.ts';
import { DEFAULT_SECRETS_DIR, directorySecretSource } from '../adapters/node/secrets-dir.ts';
import type { BoundBackend } from '../core/index.ts';
import { compilePortGateways, type PortGateway } from './listener-gateways.ts';

export interface GatewaySetupOptions {
  /** `--config` paths: files or directories, native config and manifests mixed. */
  config: string[];
  secretsDir?: string | undefined;
  /** Environment for `${NAME}` expansion and the platform (default `process.env`). */
  env?: Record<string, string | undefined>;
  logLevel?: LogLevel | undefined;
  logger?: Logger;
  /** Where expiring credentials are cached (default: the module-scope cache; tests pass their own for a cold start). */
  credentialCache?: CredentialCache | undefined;
  /** Request metrics for the platform (serve's Prometheus registry). */
  metrics?: GatewayMetrics | undefined;
  /** Reuse a transport (a reload keeps the connection pool to Lambda). */
  transport?: HttpTransport | undefined;
  /** Error details, readiness and health paths for compileGateway. */
  gatewayOptions?: Pick<CreateGatewayOptions, 'exposeErrorDetails' | 'readiness' | 'healthPaths'> | undefined;
  /** Accept a configuration with 0 routes (`--allow-empty`); else it is a ConfigError, since it would answer 404 to everything. */
  allowEmpty?: boolean | undefined;
}

export interface GatewaySetup {
  config: BuiltConfig;
  platform: Platform;
  gateway: CompiledGateway;
  /** Manifest Secrets in front of the mounted secrets directory. */
  secrets: SecretSource;
  /** With Gateway listeners: one gateway per served port (listener-gateways.ts); empty otherwise (`gateway` on one port). */
  ports: PortGateway[];
}

/**
 * The one loading path of `serve` and `check`: read and expand the config,
 * translate manifests, put their Secrets in front of the mounted ones, and
 * compile the gateway (which validates and resolves every backend).
 */
export async function setUpGateway(options: GatewaySetupOptions): Promise<GatewaySetup> {
  const env = options.env ?? process.env;
  const config = await loadConfig(options.config, { env: (name) => env[name] });
  requireRoutes(config, options.config.join(', '), options.allowEmpty);
  const secrets = manifestSecretSource(config.secrets, directorySecretSource(options.secretsDir ?? env.LAMBDA_GATEWAY_SECRETS_DIR ?? DEFAULT_SECRETS_DIR));
  const platform = createNodePlatform({
    secretSource: secrets,
    env,
    logLevel: options.logLevel,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.credentialCache ? { credentialCache: options.credentialCache } : {}),
    metrics: options.metrics,
    ...(options.transport ? { transport: options.transport } : {}),
  });
  // Refuse to start with a signer that would sign wrongly (see verifySigV4Crypto).
  if (platform.sigv4Crypto) await verifySigV4Crypto(platform.sigv4Crypto);
  // One pool: the per-listener gateways bind the same backends (credentials, concurrency, status) as `gateway`.
  const backendPool = new Map<string, BoundBackend>();
  const gateway = compileGateway({ routes: config.routes, platform, backendPool, ...options.gatewayOptions });
  const ports = config.listeners.length > 0 ? compilePortGateways(config, platform, backendPool, options.gatewayOptions) : [];
  return { config, platform, gateway, secrets, ports };
}
