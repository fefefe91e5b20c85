/**
 * lambda-gateway: route HTTP requests to AWS Lambda functions in any account.
 * The package entry is the runtime-neutral API (Web APIs only); the Node and
 * worker adapters are `lambda-gateway/node` and `lambda-gateway/worker`.
 */

/** Builds the gateway's Hono app from a route list (Gateway API matching, /healthz, /readyz, JSON 404). */
export { createGateway } from './core/index.ts';
/** The same, with the bound backends and the resolved route table (what `check` prints). */
export { compileGateway } from './core/index.ts';
/** A Hono handler bound to one Lambda backend, for any Hono app: `app.post('/echo', lambda({ … }))`. */
export { lambda } from './core/index.ts';
/** A platform from Web APIs only: process env, `fetch`, environment keys with role chaining, console logs. */
export { createDefaultPlatform } from './core/index.ts';
/** The valibot schema of a backend descriptor (the same for config files, manifests and code). */
export { BackendDescriptorSchema } from './descriptor/index.ts';
/** An HTTP error the gateway answers with (status, code, message; JSON body). */
export { GatewayError } from './errors/index.ts';
/** Invalid configuration: every problem, located by file and field path. */
export { ConfigError } from './validation/index.ts';
/** A logger that drops everything (tests, tools that own their output). */
export { silentLogger } from './logging/index.ts';

export type {
  CompiledGateway,
  CreateGatewayOptions,
  DefaultPlatformOptions,
  GatewayRouteSpec,
  LambdaHandlerOptions,
  Platform,
  RequestContext,
  RouteTableRow,
} from './core/index.ts';
export type { BackendDescriptor, BackendDescriptorInput } from './descriptor/index.ts';
export type { ConfigFileText } from './config/index.ts';
export type { Logger } from './logging/index.ts';
