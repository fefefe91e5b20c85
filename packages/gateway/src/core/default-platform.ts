import { assumeRoleProviderFactory, CredentialResolver, environmentCredentials } from '../credentials/index.ts';
import type { EnvLookup } from '../descriptor/index.ts';
import { fetchTransport, type HttpTransport } from '../invoke/index.ts';
import { createJsonLogger, type Logger } from '../logging/index.ts';
import type { Platform } from './platform.ts';
import { webRequestContext } from './web-request-context.ts';

/** Reads an environment variable where a `process` global exists (Node, workers with nodejs_compat). */
export const processEnv: EnvLookup = (name) => (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];

export interface DefaultPlatformOptions {
  /** Default: the process environment, where there is one. */
  env?: EnvLookup;
  /** Default: the global `fetch`. */
  transport?: HttpTransport;
  /** Default: JSON lines through `console.log`. */
  logger?: Logger;
}

/**
 * A platform from Web APIs only, for programmatic use anywhere: the process
 * environment (if any), `fetch`, static keys from the environment with role
 * chaining (STS over `fetch`) on top, JSON logs on the console, requests read
 * as Web streams.
 */
export function createDefaultPlatform(options: DefaultPlatformOptions = {}): Platform {
  const env = options.env ?? processEnv;
  const logger = options.logger ?? createJsonLogger((line) => console.log(line));
  return {
    env,
    transport: options.transport ?? fetchTransport,
    credentials: new CredentialResolver({
      ambient: environmentCredentials(env),
      secrets: undefined,
      assumeRole: assumeRoleProviderFactory({ env, logger }),
    }),
    logger,
    requestContext: (request) => webRequestContext(request),
  };
}

let shared: Platform | undefined;

/** The platform createGateway and lambda() use when none is passed: one default platform per process. */
export function sharedDefaultPlatform(): Platform {
  return (shared ??= createDefaultPlatform());
}
