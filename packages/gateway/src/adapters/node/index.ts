/**
 * `lambda-gateway/node`: the gateway on Node (what `lambda-gateway serve` runs).
 */

/** The Node platform: process env, mounted secrets, undici, `node:crypto` signing, the full ambient credential chain. */
export { createNodePlatform } from './node-platform.ts';
/** Serves a Hono app on Node with a graceful close (requests in flight finish). */
export { serveApp } from './serve.ts';
/** Reads and validates `--config` paths (native config and Kubernetes manifests) into routes. */
export { loadConfig } from './load-config.ts';
/** Reads `--config` paths into file texts, without parsing them (the worker build bundles these). */
export { readConfigFiles } from './load-config.ts';

export type { NodePlatformOptions } from './node-platform.ts';
export type { RunningServer } from './serve.ts';
export type { LoadConfigOptions } from './load-config.ts';
