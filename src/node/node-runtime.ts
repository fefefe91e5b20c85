import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';
import { CredentialResolver, environmentCredentials, type SecretSource } from '../credentials/index.ts';
import type { EnvLookup } from '../descriptor/index.ts';
import type { GatewayRuntime } from '../gateway/index.ts';
import type { HttpTransport } from '../invoke/index.ts';
import { createJsonLogger, type LogLevel, type Logger } from '../logging/index.ts';
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
}

/** The gateway runtime for Node: process env, mounted secrets, JSON logs on stdout. */
export function createNodeRuntime(options: NodeRuntimeOptions = {}): GatewayRuntime {
  const envSource = options.env ?? process.env;
  const env: EnvLookup = (name) => envSource[name];
  const logger = options.logger ?? createJsonLogger(writeStdoutLine, options.logLevel ?? (envSource.LOG_LEVEL as LogLevel | undefined) ?? 'info');
  return {
    env,
    transport: options.transport ?? createUndiciTransport(),
    sigv4Crypto: nodeSigV4Crypto,
    credentials: new CredentialResolver({
      ambient: environmentCredentials(env),
      secrets: options.secretSource ?? directorySecretSource(options.secretsDir ?? envSource.LAMBDA_GATEWAY_SECRETS_DIR ?? DEFAULT_SECRETS_DIR),
    }),
    logger,
    sourceIp: nodeSourceIp,
    readBody: readNodeBody,
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
