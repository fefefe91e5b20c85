/**
 * examples/hono-app.ts as a module worker: the bindings (`env`, available at
 * start-up from `cloudflare:workers`) give the runtime its region, endpoints
 * and credentials. A Hono app is a valid `default { fetch }` export.
 */
import { env } from 'cloudflare:workers';
import { createWorkerRuntime } from 'lambda-gateway/worker';
import { createExampleApp } from './hono-app.ts';

export default createExampleApp({ runtime: createWorkerRuntime({ env }) });
