/**
 * The platform of the core's in-process tests: `transport` stands in for Lambda, static
 * unit-test keys as the ambient identity, no logs, the Web request context (or what
 * `overrides` sets, e.g. the Node adapter's context or metrics).
 */
import type { HttpTransport } from '../aws/http.ts';
import { CredentialResolver } from '../credentials/index.ts';
import { silentLogger } from '../logging/index.ts';
import type { Platform } from './platform.ts';
import { webRequestContext } from './web-request-context.ts';

export function unitPlatform(transport: HttpTransport, overrides: Partial<Platform> = {}): Platform {
  return {
    env: () => undefined,
    transport,
    credentials: new CredentialResolver({
      ambient: { description: 'unit', getCredentials: async () => ({ accessKeyId: 'AKIAUNIT', secretAccessKey: 'unit' }) },
      secrets: undefined,
    }),
    logger: silentLogger,
    requestContext: (request) => webRequestContext(request),
    ...overrides,
  };
}
