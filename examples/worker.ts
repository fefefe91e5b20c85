/**
 * examples/hono-app.ts as a module worker: the bindings (`env`, available at
 * start-up from `cloudflare:workers`) give the platform its region, endpoints
 * and credentials. A Hono app is a valid `default { fetch }` export.
 */
import { env } from 'cloudflare:workers';
import { createWorkerPlatform } from 'lambda-gateway/worker';
import { createExampleApp } from './hono-app.ts';

export default createExampleApp({ platform: createWorkerPlatform({ env }) });
