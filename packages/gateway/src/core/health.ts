import type { Hono } from 'hono';
import { CredentialsUnavailableError, withDeadline } from '../credentials/index.ts';
import { GatewayError } from '../errors/index.ts';
import type { BoundBackend } from './bound-backend.ts';

/** How long /readyz waits for one credential source before calling it failing. */
const READINESS_TIMEOUT_MS = 3_000;

/**
 * `/healthz`: the process is alive. `/readyz`: every backend's credentials can
 * be obtained now; the body lists the failing backends (by source, never keys).
 * Both are answered before route matching, so no route can shadow them.
 */
export function registerHealthRoutes(app: Hono, backends: () => BoundBackend[]): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const checks = await Promise.all(
      backends().map(async (backend) => {
        try {
          await withDeadline(backend.credentials.getCredentials(), READINESS_TIMEOUT_MS);
          return undefined;
        } catch (error) {
          const reason =
            error instanceof CredentialsUnavailableError || error instanceof GatewayError
              ? error.message
              : `credentials could not be obtained: ${(error as Error).message}`;
          return { backend: backend.name, credentials: backend.credentials.description, reason };
        }
      }),
    );
    const failing = checks.filter((check) => check !== undefined);
    return c.json(failing.length === 0 ? { status: 'ready' } : { status: 'not ready', failing }, failing.length === 0 ? 200 : 503);
  });
}
