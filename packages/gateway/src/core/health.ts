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
export function registerHealthRoutes(app: Hono, backends: () => BoundBackend[], readiness?: ReadinessState, paths: HealthPaths = {}): HealthRoutes {
  const { healthz, readyz, served: probePaths } = resolveHealthPaths(paths);
  if (healthz !== false) app.get(healthz, (c) => c.json({ status: 'ok' }));
  if (readyz !== false) {
    app.get(readyz, async (c) => {
      let ready = readiness === undefined || (readiness.listening && !readiness.draining);
      if (ready && readiness?.requireAllBackends) ready = (await checkBackendCredentials(backends())).every((check) => check.ok);
      return c.json({ status: ready ? 'ready' : 'not ready' }, ready ? 200 : 503);
    });
  }
  return { mayMatch: (url) => mayMatchProbe(url, probePaths) };
}

/**
 * The probe paths with their defaults filled in (`/healthz` and `/readyz`, `false` where left to
 * the routes), and `served`: those that are answered as probes.
 */
export function resolveHealthPaths(paths: HealthPaths = {}): { healthz: string | false; readyz: string | false; served: string[] } {
  const healthz = paths.healthz ?? '/healthz';
  const readyz = paths.readyz ?? '/readyz';
  return { healthz, readyz, served: [healthz, readyz].filter((path): path is string => path !== false) };
}

/** Where a request may be one of the probes (see registerHealthRoutes). */
export interface HealthRoutes {
  /** True for a probe path, or any path with a percent sign (Hono decodes those before matching). */
  mayMatch(url: string): boolean;
}

/** The path of an absolute request URL as Hono reads it (to its `?`), checked against the probe paths. */
function mayMatchProbe(url: string, probePaths: readonly string[]): boolean {
  if (probePaths.length === 0) return false;
  const start = url.indexOf('/', url.indexOf(':') + 4);
  let end = start;
  for (; end < url.length; end++) {
    const code = url.charCodeAt(end);
    if (code === 37 /* % */) return true;
    if (code === 63 /* ? */) break;
  }
  return probePaths.includes(url.slice(start, end));
}
