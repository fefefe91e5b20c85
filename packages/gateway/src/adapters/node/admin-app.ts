import { Hono } from 'hono';
import { evaluateReadiness, type CompiledGateway, type CredentialStatusBoard, type ReadinessState } from '../../core/index.ts';
import type { BackendDescriptor } from '../../descriptor/index.ts';
import type { PrometheusMetrics } from './prometheus-metrics.ts';

export interface AdminAppOptions {
  /** The gateway being served now (a reload swaps it). */
  gateway: () => CompiledGateway;
  readiness: ReadinessState;
  credentials: CredentialStatusBoard;
  /** Absent with `--no-metrics`: `/metrics` answers 404. */
  metrics?: PrometheusMetrics | undefined;
  /** What `/config` shows about the loaded configuration (files, hash, load time). */
  configInfo: () => Record<string, unknown>;
}

/**
 * The admin listener's app (README "Admin port"): `/metrics` (Prometheus text),
 * `/readyz` and `/healthz` with details, `/config` (route table and backends,
 * no secrets), `/status/credentials` (per identity: source, expiry, last
 * refresh, last error). Meant for the kubelet and the monitoring namespace
 * only: it names roles, accounts and secrets, which the traffic port never does.
 */
export function createAdminApp(options: AdminAppOptions): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const verdict = await evaluateReadiness(options.readiness, options.gateway().backends);
    const body = {
      status: verdict.ready ? 'ready' : 'not ready',
      listening: verdict.listening,
      draining: verdict.draining,
      requireAllBackends: options.readiness.requireAllBackends,
      backends: verdict.backends,
    };
    return c.json(body, verdict.ready ? 200 : 503);
  });
  app.get('/metrics', async (c) => {
    if (!options.metrics) return c.json({ error: 'NotFound', message: 'metrics are turned off (--no-metrics)' }, 404);
    return c.body(await options.metrics.registry.metrics(), 200, { 'content-type': options.metrics.registry.contentType });
  });
  app.get('/config', (c) => {
    const gateway = options.gateway();
    return c.json({
      ...options.configInfo(),
      routes: gateway.table,
      backends: Object.fromEntries(gateway.backends.map((backend) => [backend.name, describeBackend(backend.descriptor, backend.resolved.invokeUrl)])),
    });
  });
  app.get('/status/credentials', (c) => c.json({ identities: options.credentials.statuses() }));
  app.notFound((c) => c.json({ error: 'NotFound', paths: ['/metrics', '/readyz', '/healthz', '/config', '/status/credentials'] }, 404));
  return app;
}

/** The descriptor as configured, with the one confidential value (an ExternalId) masked. */
function describeBackend(descriptor: BackendDescriptor, invokeUrl: string): Record<string, unknown> {
  const auth = descriptor.auth.type === 'assumeRole' && descriptor.auth.externalId ? { ...descriptor.auth, externalId: '(set)' } : descriptor.auth;
  return { ...descriptor, auth, invokeUrl };
}
