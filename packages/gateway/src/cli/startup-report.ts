import { access } from 'node:fs/promises';
import type { CompiledGateway } from '../core/index.ts';
import type { SecretSource } from '../credentials/index.ts';
import type { BackendAuth } from '../descriptor/index.ts';
import type { Logger } from '../logging/index.ts';

/**
 * The start-up lines `serve` writes before it takes traffic: one per route
 * (match, backend, function and where its credentials come from), then a
 * warning for each secret a backend names that is not there and each token
 * file the environment points at that does not exist. A missing one does not
 * stop the start (the route answers 503 CredentialsUnavailable until it
 * appears), so the warning is the first place an operator sees it.
 */
export async function logStartupReport(
  logger: Logger,
  gateway: CompiledGateway,
  secrets: SecretSource,
  env: Record<string, string | undefined>,
): Promise<void> {
  const byName = new Map(gateway.backends.map((backend) => [backend.name, backend]));
  for (const row of gateway.table) {
    // `auth`, not `credentials`: the logger redacts keys that look like credentials.
    logger.info('route', {
      route: row.route,
      match: row.match,
      backend: row.backend,
      function: row.functionId,
      auth: byName.get(row.backend)?.credentials.description,
    });
  }
  const secretNames = new Set<string>();
  for (const backend of gateway.backends) collectSecretNames(backend.descriptor.auth, secretNames);
  for (const name of secretNames) {
    if ((await secrets.read(name).catch(() => undefined)) === undefined) {
      logger.warn('secret missing: routes using it answer 503 until it appears', { name, expectedAt: secrets.locate(name) });
    }
  }
  for (const variable of ['AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE']) {
    const path = env[variable];
    if (!path) continue;
    try {
      await access(path);
    } catch {
      logger.warn('token file missing: routes using it answer 503 until it appears', { variable, path });
    }
  }
}

function collectSecretNames(auth: BackendAuth, into: Set<string>): void {
  if (auth.type === 'secret') into.add(auth.name);
  if (auth.type === 'assumeRole' && auth.source?.type === 'secret') into.add(auth.source.name);
}
