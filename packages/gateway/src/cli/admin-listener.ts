import { createHash } from 'node:crypto';
import { createAdminApp } from '../adapters/node/admin-app.ts';
import type { PrometheusMetrics } from '../adapters/node/prometheus-metrics.ts';
import { serveApp, type RunningServer } from '../adapters/node/serve.ts';
import type { CompiledGateway, CredentialStatusBoard, ReadinessState } from '../core/index.ts';
import type { BuiltConfig } from '../config/index.ts';

/** Where the admin listener is by default: the Envoy admin port, loopback only. */
export const DEFAULT_ADMIN_PORT = 9901;
export const DEFAULT_ADMIN_HOST = '127.0.0.1';

/** A short, stable hash of the resolved configuration, for `lambda_gateway_config_info` and `/config`. */
export function configHash(config: BuiltConfig): string {
  return createHash('sha256')
    .update(JSON.stringify({ routes: config.routes, defaultPort: config.defaultPort }))
    .digest('hex')
    .slice(0, 16);
}

export interface AdminListenerOptions {
  port: number;
  host: string;
  gateway: () => CompiledGateway;
  readiness: ReadinessState;
  credentials: CredentialStatusBoard;
  metrics: PrometheusMetrics | undefined;
  configInfo: () => Record<string, unknown>;
}

/** Starts the admin listener (see adapters/node/admin-app.ts); closes with a short grace, nothing there is long-running. */
export async function startAdminListener(options: AdminListenerOptions): Promise<RunningServer> {
  const { port, host, ...app } = options;
  const server = await serveApp(createAdminApp(app), { port, host });
  return { ...server, close: (graceMs = 1_000) => server.close(graceMs) };
}
