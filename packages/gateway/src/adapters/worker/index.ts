/**
 * `lambda-gateway/worker`: the worker runtime (Web APIs only), for teams that
 * build their own worker around the gateway or around `lambda()` routes.
 */
export { bindingLookup } from './bindings.ts';
export type { WorkerBindings } from './bindings.ts';
export { bindingSecretSource, secretBindingPrefix, secretBindings } from './binding-secrets.ts';
export { WEB_IDENTITY_TOKEN_BINDING, workerAmbientCredentials } from './worker-credentials.ts';
export type { WorkerAmbientCredentials } from './worker-credentials.ts';
export { createWorkerRuntime } from './worker-runtime.ts';
export type { WorkerRuntimeOptions } from './worker-runtime.ts';
export { buildWorkerGateway, workerHandler } from './worker-gateway.ts';
export type { WorkerGateway, WorkerGatewayOptions, WorkerHandler } from './worker-gateway.ts';
