export { REPO_ROOT, WORKER_ENTRY, buildWorker } from './build-worker.ts';
export type { BuildWorkerOptions, BuiltWorker } from './build-worker.ts';
export { startDevServer } from './dev-server.ts';
export type { DevServer, DevServerOptions } from './dev-server.ts';
export { startWorker } from './start-worker.ts';
export type { RunningWorker, StartWorkerOptions } from './start-worker.ts';
export { WRANGLER_DEFAULT_PORT, readWranglerConfig, wranglerVars } from './wrangler-config.ts';
export type { WranglerConfig } from './wrangler-config.ts';
