/**
 * The worker entry (wrangler.toml `main` is its bundle): the gateway built from
 * the bundled config files and the bindings, once per isolate at start-up.
 * Building at module scope (with `env` from `cloudflare:workers`) makes a bad
 * configuration or an unsupported credential source fail the worker's start,
 * with the message in the log, instead of failing every request.
 */
import { env } from 'cloudflare:workers';
import configFiles from 'lambda-gateway:config';
import { buildWorkerGateway, workerHandler } from './worker-gateway.ts';

const { gateway } = buildWorkerGateway({ configFiles, env });

export default workerHandler(gateway);
