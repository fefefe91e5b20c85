import type { Hono } from 'hono';
import type { BoundBackend } from './bound-backend.ts';
import { checkBackendCredentials, type ReadinessState } from './readiness.ts';

/** Where the traffic port answers its probes; `false` leaves the path to the routes. */
export interface HealthPaths {
  healthz?: string | false;
  readyz?: string | false;
}

/**
 * On the traffic port, status only (anyone can reach it; details live on the
 * admin port): `/healthz` the process is alive; `/readyz` 200 `ready` or 503
 * `not ready` (see ReadinessState: listener up, not draining, and every
 * backend's credentials only with `requireAllBackends`). Without a state
 * (programmatic use, `app.request()`): ready once compiled. Answered before
 * route matching, so no route can shadow them; move them with `paths`.
 */
export function registerHealthRoutes(app: Hono, backends: () => BoundBackend[], readiness?: ReadinessState, paths: HealthPaths = {}): void {
  const healthz = paths.healthz ?? '/healthz';
  const readyz = paths.readyz ?? '/readyz';
  if (healthz !== false) app.get(healthz, (c) => c.json({ status: 'ok' }));
  if (readyz !== false) {
    app.get(readyz, async (c) => {
      let ready = readiness === undefined || (readiness.listening && !readiness.draining);
      if (ready && readiness?.requireAllBackends) ready = (await checkBackendCredentials(backends())).every((check) => check.ok);
      return c.json({ status: ready ? 'ready' : 'not ready' }, ready ? 200 : 503);
    });
  }
}
