import {
  assumeRoleProviderFactory,
  createStsClient,
  CredentialResolver,
  manifestSecretSource,
  moduleCredentialCache,
  stsLocation,
  type CredentialCache,
  type SecretSource,
} from '../../credentials/index.ts';
import { webRequestContext, type Platform, type RequestContext } from '../../core/index.ts';
import { fetchTransport, type HttpTransport } from '../../invoke/index.ts';
import { createJsonLogger, type LogLevel, type Logger } from '../../logging/index.ts';
import { ConfigError } from '../../validation/index.ts';
import { bindingSecretSource } from './binding-secrets.ts';
import { bindingLookup, type WorkerBindings } from './bindings.ts';
import { readWorkerBody } from './worker-body.ts';
import { workerAmbientCredentials } from './worker-credentials.ts';

const LOG_LEVELS: ReadonlySet<string> = new Set<LogLevel>(['debug', 'info', 'warn', 'error', 'silent']);

export interface WorkerPlatformOptions {
  /** The worker's bindings (`env` of `fetch`, or `import { env } from 'cloudflare:workers'` at start-up). */
  env: WorkerBindings;
  /** Named secrets from `Secret` manifests in the bundled config; they win over secret bindings. */
  manifestSecrets?: Record<string, Record<string, string>> | undefined;
  /** Default: JSON lines through `console.log`, level from the `LOG_LEVEL` binding (default info). */
  logger?: Logger | undefined;
  /** Lambda's transport. Default: the global `fetch`. */
  transport?: HttpTransport | undefined;
  /** Where expiring credentials are cached. Default: the module-scope cache (one per isolate). */
  credentialCache?: CredentialCache | undefined;
}

/**
 * The gateway platform for Cloudflare-style workers (workerd, miniflare), Web
 * APIs only: bindings instead of the process environment, `fetch` as the
 * transport, WebCrypto for SigV4, logs on the console, and credentials from
 * bindings: static keys, `SECRET_<NAME>_*` secrets, a web identity token, and
 * role chaining on top (`AssumeRole` / `AssumeRoleWithWebIdentity` over
 * `fetch`, cached in module scope). Throws ConfigError when a binding asks for
 * something a worker cannot do.
 */
export function createWorkerPlatform(options: WorkerPlatformOptions): Platform {
  const env = bindingLookup(options.env);
  const logger = options.logger ?? createJsonLogger((line) => console.log(line), logLevel(env('LOG_LEVEL')));
  const cache = options.credentialCache ?? moduleCredentialCache;
  const sts = createStsClient({ location: stsLocation(env) });
  const { ambient, webIdentity } = workerAmbientCredentials({ env, logger, cache, sts });
  const secretBindings = bindingSecretSource(env);
  const secrets: SecretSource = options.manifestSecrets ? manifestSecretSource(options.manifestSecrets, secretBindings) : secretBindings;
  return {
    env,
    transport: options.transport ?? fetchTransport,
    credentials: new CredentialResolver({
      ambient,
      secrets,
      assumeRole: assumeRoleProviderFactory({ env, logger, cache, sts, webIdentity }),
      logger,
    }),
    logger,
    requestContext: workerRequestContext,
  };
}

function logLevel(value: string | undefined): LogLevel {
  if (value === undefined) return 'info';
  if (!LOG_LEVELS.has(value)) throw new ConfigError([`LOG_LEVEL: must be one of ${[...LOG_LEVELS].join(', ')}`], 'worker bindings');
  return value as LogLevel;
}

/**
 * A worker request's context. A worker sees no socket: Cloudflare (and
 * miniflare) put the client's address in `CF-Connecting-IP`, replacing a
 * client-sent one. The body is read draining any excess (see readWorkerBody);
 * the client going away is `request.signal`.
 */
function workerRequestContext(request: Request): RequestContext {
  const context = webRequestContext(request, request.headers.get('cf-connecting-ip') ?? undefined);
  context.readBody = (limit) => readWorkerBody(request, limit);
  return context;
}
