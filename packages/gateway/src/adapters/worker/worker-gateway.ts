import type { ExecutionContext } from 'hono';
import { buildRoutesFromTexts, requireRoutes, type BuiltConfig, type ConfigFileText } from '../../config/index.ts';
import type { CredentialCache } from '../../credentials/index.ts';
import { compileGateway, type CompiledGateway, type Platform } from '../../core/index.ts';
import type { HttpTransport } from '../../invoke/index.ts';
import type { Logger } from '../../logging/index.ts';
import { translateManifests } from '../../manifests/index.ts';
import { bindingLookup, type WorkerBindings } from './bindings.ts';
import { createWorkerPlatform } from './worker-platform.ts';

export interface WorkerGatewayOptions {
  /** Config files (native config and Kubernetes manifests), bundled at build time. */
  configFiles: readonly ConfigFileText[];
  /** The worker's bindings: `${NAME}` expansion, region, endpoints and credentials. */
  env: WorkerBindings;
  logger?: Logger | undefined;
  /** Default: the global `fetch`. */
  transport?: HttpTransport | undefined;
  /** Default: the module-scope cache (one per isolate). */
  credentialCache?: CredentialCache | undefined;
  /** Accept 0 routes (programmatic use only; `serve --allow-empty`'s counterpart). */
  allowEmpty?: boolean | undefined;
}

export interface WorkerGateway {
  config: BuiltConfig;
  platform: Platform;
  gateway: CompiledGateway;
}

/**
 * The worker's loading path, the same as `serve`'s but from bundled texts and
 * bindings: expand `${NAME}` from the bindings, parse, translate manifests,
 * build the worker platform and compile the gateway (createGateway's path).
 * Throws ConfigError for any invalid configuration or credential setup.
 * Pure Web APIs, so `npm run dev` runs it on Node first as a pre-flight check.
 */
export function buildWorkerGateway(options: WorkerGatewayOptions): WorkerGateway {
  const config = buildRoutesFromTexts(options.configFiles, { env: bindingLookup(options.env), translateManifests });
  // As `serve`: 0 routes is a configuration error (the worker has no --allow-empty).
  requireRoutes(config, options.configFiles.map((file) => file.source).join(', ') || '(no files)', options.allowEmpty);
  const platform = createWorkerPlatform({
    env: options.env,
    manifestSecrets: config.secrets,
    logger: options.logger,
    transport: options.transport,
    credentialCache: options.credentialCache,
  });
  // The worker's `--expose-error-details`: a binding, for development only.
  const exposeErrorDetails = bindingLookup(options.env)('LAMBDA_GATEWAY_EXPOSE_ERROR_DETAILS') === 'true';
  const gateway = compileGateway({ routes: config.routes, platform, exposeErrorDetails });
  for (const warning of config.warnings) platform.logger.warn('config warning', { warning });
  if (config.ignored.length > 0) platform.logger.info('ignored manifests (kinds lambda-gateway does not act on)', { ignored: config.ignored });
  return { config, platform, gateway };
}

/** What a module worker exports as `default`. */
export interface WorkerHandler {
  fetch(request: Request, env: WorkerBindings, ctx: ExecutionContext): Response | Promise<Response>;
}

/** What answers the worker's requests: the compiled gateway (as `serve` on Node), or any Hono app. */
export interface WorkerFetch {
  fetch(request: Request, env: WorkerBindings, ctx: ExecutionContext): Response | Promise<Response>;
}

/**
 * The module worker's `default` export for a built gateway: `fetch(request, env, ctx)` hands
 * the request to it with the bindings as its `env`. The entry passes the compiled gateway, so a
 * worker request takes the same path as one on Node (`CompiledGateway.fetch`); a Hono app works too.
 */
export function workerHandler(target: WorkerFetch): WorkerHandler {
  return { fetch: (request, env, ctx) => target.fetch(request, env, ctx) };
}
