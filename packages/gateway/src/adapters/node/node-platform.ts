import { assumeRoleProviderFactory, CredentialResolver, moduleCredentialCache, type CredentialCache, type SecretSource } from '../../credentials/index.ts';
import { withInvokeTuning, type GatewayMetrics, type Platform } from '../../core/index.ts';
import type { EnvLookup } from '../../descriptor/index.ts';
import { fetchTransport, type HttpTransport } from '../../invoke/index.ts';
import type { LogLevel, Logger } from '../../logging/index.ts';
import { createAbortControllerPool } from './abort-controller-pool.ts';
import { nodeAmbientCredentials } from './ambient-credentials.ts';
import { createNodeLogger, logLevelFromEnv } from './node-logger.ts';
import { nodePayloadBytes } from './node-payload-bytes.ts';
import { nodeRequestContext } from './node-request-context.ts';
import { DEFAULT_SECRETS_DIR, directorySecretSource } from './secrets-dir.ts';
import { nodeSigV4Crypto } from './sigv4-crypto.ts';
import { createUndiciTransport } from './undici-transport.ts';

export interface NodePlatformOptions {
  /** Directory of mounted secrets (default `/etc/lambda-gateway/secrets`). */
  secretsDir?: string;
  /** Named secrets to use instead of the directory alone (e.g. `Secret` manifests in front of it). */
  secretSource?: SecretSource;
  /** Environment (default `process.env`). */
  env?: Record<string, string | undefined>;
  logger?: Logger;
  logLevel?: LogLevel;
  /** Default: undici's pooled `request` (createUndiciTransport), much cheaper than the global `fetch` on Node. */
  transport?: HttpTransport;
  /**
   * Where expiring credentials (web identity, container, assumed roles) are
   * cached. Default: the module-scope cache, shared by every platform in the
   * process; tests pass their own for a cold start.
   */
  credentialCache?: CredentialCache;
  /** Request metrics (serve: Prometheus, unless `--no-metrics`). */
  metrics?: GatewayMetrics | undefined;
}

/**
 * The gateway platform for Node: process env, mounted secrets, JSON logs on
 * stdout, undici and `node:crypto` on the Invoke path, the ambient chain
 * (environment keys, IRSA web identity, EKS Pod Identity, shared config files)
 * with role chaining on top, and request contexts from @hono/node-server's
 * IncomingMessage / ServerResponse.
 */
export function createNodePlatform(options: NodePlatformOptions = {}): Platform {
  const envSource = options.env ?? process.env;
  const env: EnvLookup = (name) => envSource[name];
  const logger = options.logger ?? nodeLogger(options.logLevel ?? logLevelFromEnv(envSource.LOG_LEVEL));
  const cache = options.credentialCache ?? moduleCredentialCache;
  const { ambient, webIdentity } = nodeAmbientCredentials({ env, logger, cache });
  const platform: Platform = {
    env,
    transport: options.transport ?? createUndiciTransport(),
    sigv4Crypto: nodeSigV4Crypto,
    payloadBytes: nodePayloadBytes,
    credentials: new CredentialResolver({
      ambient,
      secrets: options.secretSource ?? directorySecretSource(options.secretsDir ?? envSource.LAMBDA_GATEWAY_SECRETS_DIR ?? DEFAULT_SECRETS_DIR),
      assumeRole: assumeRoleProviderFactory({ env, logger, cache, crypto: nodeSigV4Crypto, webIdentity, transport: timedStsTransport(options.metrics) }),
      logger,
    }),
    logger,
    requestContext: nodeRequestContext,
    metrics: options.metrics,
  };
  return withInvokeTuning(platform, { abortControllers: createAbortControllerPool() });
}

/**
 * STS over `fetch` (as the STS client does by default), timed for
 * `lambda_gateway_sts_request_duration_seconds` when metrics are on. The
 * action is read from the form body (`Action=AssumeRole`), a fixed set.
 */
function timedStsTransport(metrics: GatewayMetrics | undefined): HttpTransport | undefined {
  const observe = metrics?.stsCall?.bind(metrics);
  if (!observe) return undefined;
  return {
    async send(request) {
      const text = new TextDecoder().decode(request.body);
      const action = /(?:^|&)Action=(AssumeRole|AssumeRoleWithWebIdentity)(?:&|$)/.exec(text)?.[1] ?? 'other';
      const started = performance.now();
      try {
        const response = await fetchTransport.send(request);
        observe(action, response.status >= 200 && response.status < 300, (performance.now() - started) / 1000);
        return response;
      } catch (error) {
        observe(action, false, (performance.now() - started) / 1000);
        throw error;
      }
    },
  };
}

/** The one place the Node platform creates its logger when none is passed. */
function nodeLogger(level: LogLevel): Logger {
  return createNodeLogger({ level });
}
