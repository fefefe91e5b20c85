import type { CompiledGateway } from '../core/index.ts';
import type { Logger } from '../logging/index.ts';
import { configHash } from './admin-listener.ts';
import { ConfigReloader } from './config-reloader.ts';
import type { GatewaySetup } from './gateway-setup.ts';
import type { ServeOperations } from './serve-operations.ts';

/** What serve swaps on a reload: the gateway new requests go to. */
export interface LiveGateway {
  gateway: CompiledGateway;
  setup: GatewaySetup;
}

/**
 * Builds serve's reloader: `load` is the start-up loading path again, the
 * port is the one thing it cannot change live (a `Gateway` manifest's listener
 * port without `--port`), and a successful reload swaps `live` and the
 * admin port's view, then warms the new backends' credentials (identities the
 * credential cache already holds cost no STS call).
 */
export function createServeReloader(options: {
  paths: string[];
  live: LiveGateway;
  load: () => Promise<GatewaySetup>;
  /** What the reload cannot change live (the served ports, protocols and certificates), as text. */
  listenPort: (setup: GatewaySetup) => number | string;
  operations: ServeOperations;
  logger: Logger;
  debounceMs?: number | undefined;
}): ConfigReloader {
  const { live, operations } = options;
  return new ConfigReloader({
    paths: options.paths,
    load: options.load,
    refusal: (next) => {
      const before = options.listenPort(live.setup);
      const after = options.listenPort(next);
      return before === after ? undefined : `the served ports would change from ${before} to ${after}`;
    },
    apply: (next) => {
      operations.adopt(next.gateway, next.config, options.paths);
      live.gateway = next.gateway;
      live.setup = next;
      for (const backend of next.gateway.backends) backend.credentials.getCredentials().catch(() => undefined);
    },
    currentHash: () => operations.configHash,
    hashOf: (next) => configHash(next.config),
    currentRoutes: () => live.setup.config.routes,
    onResult: (result) => operations.metrics?.reloadAttempted(result),
    logger: options.logger,
    debounceMs: options.debounceMs,
  });
}
