export { createNodeRuntime } from './node-runtime.ts';
export type { NodeRuntimeOptions } from './node-runtime.ts';
export { serveApp } from './serve.ts';
export type { RunningServer } from './serve.ts';
export { loadConfig, readConfigFiles } from './load-config.ts';
export type { LoadConfigOptions } from './load-config.ts';
