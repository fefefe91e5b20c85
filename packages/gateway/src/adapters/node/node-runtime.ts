import type { Context } from 'hono';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { assumeRoleProviderFactory, CredentialResolver, moduleCredentialCache, type CredentialCache, type SecretSource } from '../../credentials/index.ts';
import type { EnvLookup } from '../../descriptor/index.ts';
import type { GatewayRuntime } from '../../core/index.ts';
import type { ClientGone, HttpTransport } from '../../invoke/index.ts';
import { createJsonLogger, type LogLevel, type Logger } from '../../logging/index.ts';
import { createAbortControllerPool } from './abort-controller-pool.ts';
import { nodeAmbientCredentials } from './ambient-credentials.ts';
import { readIncomingBody } from './incoming-body.ts';
import { DEFAULT_SECRETS_DIR, directorySecretSource } from './secrets-dir.ts';
import { writeStdoutLine } from './stdout-lines.ts';
import { nodeSigV4Crypto } from './sigv4-crypto.ts';
import { createUndiciTransport } from './undici-transport.ts';

export interface NodeRuntimeOptions {
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
   * cached. Default: the module-scope cache, shared by every runtime in the
   * process; tests pass their own for a cold start.
   */
  credentialCache?: CredentialCache;
}

/**
 * The gateway runtime for Node: process env, mounted secrets, JSON logs on
 * stdout, and the ambient chain (environment keys, IRSA web identity, EKS Pod
 * Identity, shared config files) with role chaining on top.
 */
export function createNodeRuntime(options: NodeRuntimeOptions = {}): GatewayRuntime {
  const envSource = options.env ?? process.env;
  const env: EnvLookup = (name) => envSource[name];
  const logger = options.logger ?? createJsonLogger(writeStdoutLine, options.logLevel ?? (envSource.LOG_LEVEL as LogLevel | undefined) ?? 'info');
  const cache = options.credentialCache ?? moduleCredentialCache;
  const { ambient, webIdentity } = nodeAmbientCredentials({ env, logger, cache });
  return {
    env,
    transport: options.transport ?? createUndiciTransport(),
    sigv4Crypto: nodeSigV4Crypto,
    credentials: new CredentialResolver({
      ambient,
      secrets: options.secretSource ?? directorySecretSource(options.secretsDir ?? envSource.LAMBDA_GATEWAY_SECRETS_DIR ?? DEFAULT_SECRETS_DIR),
      assumeRole: assumeRoleProviderFactory({ env, logger, cache, crypto: nodeSigV4Crypto, webIdentity }),
      logger,
    }),
    logger,
    sourceIp: nodeSourceIp,
    readBody: readNodeBody,
    clientGone: nodeClientGone,
    abortControllers: createAbortControllerPool(),
  };
}

/**
 * The client went away: the response closed before it was fully written
 * (@hono/node-server's `outgoing`). An EventEmitter listener instead of
 * `c.req.raw.signal`, whose AbortController costs measurably more per request.
 */
function nodeClientGone(c: Context): ClientGone | undefined {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (!outgoing || typeof outgoing.once !== 'function') return undefined;
  return (onGone) => {
    if (outgoing.closed || outgoing.destroyed) {
      if (!outgoing.writableFinished) onGone();
      return () => undefined;
    }
    const onClose = () => {
      if (!outgoing.writableFinished) onGone();
    };
    outgoing.once('close', onClose);
    return () => outgoing.off('close', onClose);
  };
}

/**
 * The body straight from @hono/node-server's `incoming` (see readIncomingBody);
 * undefined (the caller then reads `c.req.raw`) when the request did not come
 * from a Node server, e.g. `app.request()` in tests, or was already read.
 */
function readNodeBody(c: Context, limit: number): Promise<Uint8Array> | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming || typeof incoming.on !== 'function' || incoming.readableDidRead) return undefined;
  return readIncomingBody(incoming, limit);
}

/** The TCP peer address, from @hono/node-server's `incoming` binding. */
function nodeSourceIp(c: Context): string | undefined {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress;
}
