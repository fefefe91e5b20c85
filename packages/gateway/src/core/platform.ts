import type { CredentialResolver } from '../credentials/index.ts';
import type { EnvLookup } from '../descriptor/index.ts';
import type { AbortControllerSource, ClientGone, HttpTransport, SigV4Crypto } from '../invoke/index.ts';
import type { Logger } from '../logging/index.ts';
import type { GatewayMetrics } from './gateway-metrics.ts';
import type { HeaderLines, PayloadBytes } from '../payload/index.ts';

/**
 * What one runtime knows about one request, built once by its adapter when the
 * request enters the gateway. The pipeline reads the request through this and
 * the Web `Request` only, never through the server or Hono's Context.
 */
export interface RequestContext {
  /**
   * The body, within `limit` bytes: a 413 GatewayError (PayloadTooLarge) past
   * it, a 400 GatewayError when the body cannot be read. Called once.
   * `signed`: the body itself will be the signed payload (passthrough, Function URLs), so a
   * runtime may hash it as it arrives and record the digest (rememberBodySha256).
   */
  readBody(limit: number, signed?: boolean): Promise<Uint8Array>;
  /**
   * Subscribes to the client going away, where the runtime has a cheaper way
   * than `request.signal` (Node: the response's `close` event). Absent: the
   * pipeline falls back to `request.signal`.
   */
  clientGone?: ClientGone | undefined;
  /** The client address for envelopes (`sourceIp`): the TCP peer, or what the edge reports. */
  peerAddress: string | undefined;
  /** The header pairs as received, flat `[name, value, …]`, where the runtime keeps them (Node's `rawHeaders`). */
  rawHeaders?: readonly string[] | undefined;
  /**
   * Sends these response headers one line per value (lower-case name → values), where the
   * runtime can (Node); absent: the joined value the Fetch `Headers` holds goes out.
   * Called as a method of the context.
   */
  keepHeaderLines?(lines: HeaderLines): void;
  /**
   * Called just before a streamed response (headers and first chunk in hand) is
   * returned: the runtime may hold its socket writes until the end of this turn
   * so that both leave in one write (Node); absent: nothing to do.
   */
  coalesceFirstWrites?(): void;
  /**
   * Runs `task` once a buffered response has been written out, where the runtime can tell
   * (Node: the response's `close`): the access-log line and the request metrics, which the
   * client need not wait for. Absent (and for streamed responses): the pipeline runs the task
   * before it returns the response.
   */
  afterResponse?(task: () => void): void;
}

/**
 * What differs between runtimes, built once at start-up by an adapter:
 * environment, transport, signing crypto, credential sources, logging, and how
 * to build a request's context. Everything else in the gateway is shared.
 */
export interface Platform {
  env: EnvLookup;
  transport: HttpTransport;
  /** Synchronous SigV4 hashing (Node's `node:crypto`); absent: aws4fetch's WebCrypto. */
  sigv4Crypto?: SigV4Crypto | undefined;
  /** Native base64 and UTF-8 helpers for the envelopes (Node's Buffer); absent: the Web defaults. */
  payloadBytes?: PayloadBytes | undefined;
  credentials: CredentialResolver;
  logger: Logger;
  /**
   * The request's context, from the Web `Request` and the bindings the server
   * handed to Hono (`c.env`: @hono/node-server's `{ incoming, outgoing }`, a
   * worker's `env`; undefined for `app.request()`).
   */
  requestContext(request: Request, bindings: unknown): RequestContext;
  /** Request metrics (Prometheus on Node's `serve`); absent: none are kept. */
  metrics?: GatewayMetrics | undefined;
}

/**
 * Invocation tuning a built-in adapter attaches to its platform without
 * widening the Platform contract: Node's AbortController pool (a measured
 * per-request saving, see adapters/node/abort-controller-pool.ts). Kept in a
 * WeakMap, so a platform someone builds or spreads simply goes without.
 */
export interface InvokeTuning {
  abortControllers?: AbortControllerSource | undefined;
}

const invokeTuning = new WeakMap<Platform, InvokeTuning>();

/** Attaches `tuning` to `platform` (for adapters) and returns the platform. */
export function withInvokeTuning<P extends Platform>(platform: P, tuning: InvokeTuning): P {
  invokeTuning.set(platform, tuning);
  return platform;
}

/** The tuning attached to `platform`, if any. */
export function invokeTuningOf(platform: Platform): InvokeTuning | undefined {
  return invokeTuning.get(platform);
}
