import type { Context } from 'hono';
import { assumeRoleProviderFactory, CredentialResolver, environmentCredentials } from '../credentials/index.ts';
import type { EnvLookup } from '../descriptor/index.ts';
import { fetchTransport, type AbortControllerSource, type ClientGone, type HttpTransport, type SigV4Crypto } from '../invoke/index.ts';
import { createJsonLogger, type Logger } from '../logging/index.ts';

/**
 * What differs between runtimes (Node in a container, a worker): environment,
 * transport, credential sources, logging and how to find the client address.
 * Everything else in the gateway is shared.
 */
export interface GatewayRuntime {
  env: EnvLookup;
  transport: HttpTransport;
  /** Synchronous SigV4 hashing (Node's `node:crypto`); absent: aws4fetch's WebCrypto. */
  sigv4Crypto?: SigV4Crypto | undefined;
  credentials: CredentialResolver;
  logger: Logger;
  /**
   * Reads the request body within `limit` (same contract as readBodyWithLimit)
   * by a faster runtime-specific route; returns undefined to fall back to
   * reading `c.req.raw` as a Web stream.
   */
  readBody?: ((c: Context, limit: number) => Promise<Uint8Array> | undefined) | undefined;
  /**
   * How to learn that this request's client went away, when the runtime has a
   * cheaper way than `c.req.raw.signal`; undefined falls back to the signal.
   */
  clientGone?: ((c: Context) => ClientGone | undefined) | undefined;
  /** Reusable AbortControllers for invocations (Node); absent: a new one per invocation. */
  abortControllers?: AbortControllerSource | undefined;
  /** The client address for envelopes (`sourceIp`), when the runtime knows it. */
  sourceIp?: ((c: Context) => string | undefined) | undefined;
}

/** Reads an environment variable where a `process` global exists (Node, workers with nodejs_compat). */
export const processEnv: EnvLookup = (name) =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];

let defaultRuntime: GatewayRuntime | undefined;

/**
 * The runtime used when none is passed: process environment (if any), Web
 * `fetch`, static keys from the environment with role chaining (STS over
 * `fetch`) on top, JSON logs on the console.
 */
export function getDefaultRuntime(): GatewayRuntime {
  if (!defaultRuntime) {
    const logger = createJsonLogger((line) => console.log(line));
    defaultRuntime = {
      env: processEnv,
      transport: fetchTransport,
      credentials: new CredentialResolver({
        ambient: environmentCredentials(processEnv),
        secrets: undefined,
        assumeRole: assumeRoleProviderFactory({ env: processEnv, logger }),
      }),
      logger,
    };
  }
  return defaultRuntime;
}
