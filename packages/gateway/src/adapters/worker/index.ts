/**
 * `lambda-gateway/worker`: the gateway in Cloudflare-style workers (Web APIs
 * only), for teams that build their own worker around it or around `lambda()` routes.
 */

/** The worker platform: bindings as environment and credentials, `fetch`, WebCrypto, console logs. */
export { createWorkerPlatform } from './worker-platform.ts';
/** The worker's loading path: bundled config texts + bindings → a compiled gateway. */
export { buildWorkerGateway } from './worker-gateway.ts';
/** The module worker's `default` export for a built app. */
export { workerHandler } from './worker-gateway.ts';
/** The `SECRET_<NAME>_*` bindings that hold a named secret (to fill `.dev.vars` or `wrangler secret put`). */
export { secretBindings } from './binding-secrets.ts';

export type { WorkerBindings } from './bindings.ts';
export type { WorkerPlatformOptions } from './worker-platform.ts';
export type { WorkerGateway, WorkerGatewayOptions, WorkerHandler } from './worker-gateway.ts';
