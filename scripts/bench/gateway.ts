import { compileGateway, type GatewayRouteSpec } from '../../packages/gateway/src/core/index.ts';
import type { LogLevel } from '../../packages/gateway/src/logging/index.ts';
import { createNodeRuntime } from '../../packages/gateway/src/adapters/node/node-runtime.ts';
import { serveApp } from '../../packages/gateway/src/adapters/node/serve.ts';
import { ConfigError } from '../../packages/gateway/src/validation/index.ts';
import { BASE_KEYS, FUNCTION_ACCOUNT, FUNCTION_NAME, LOOPBACK, PROXY_PATH, REGION, ROLE_ARN, argValue, exitWithParent, reportReady, reportUnavailable } from './common.ts';

/**
 * The gateway contenders: this project as `lambda-gateway serve` runs it
 * (createNodeRuntime, compileGateway, serveApp), one resource-based route
 * (function in another account, addressed by ARN) in one of three set-ups:
 *
 * - `passthrough`: static keys, passthrough payload mode (the default);
 * - `apigateway-v2`: the same with the API Gateway v2 envelope;
 * - `assume-role`: passthrough, credentials by role chaining (`auth: assumeRole`)
 *   through the bench upstream's STS. Reports "unavailable" when this build of
 *   the runtime has no role chaining.
 *
 * Logs stay at the runtime's default level (`info`: one access-log line per
 * request), written to the child's stdout, which the orchestrator discards.
 */
const mode = argValue('mode') ?? 'passthrough';
const upstream = argValue('upstream') ?? '';

exitWithParent();
const runtime = createNodeRuntime({
  env: {
    ...process.env,
    AWS_ACCESS_KEY_ID: BASE_KEYS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: BASE_KEYS.secretAccessKey,
    AWS_SESSION_TOKEN: undefined,
    AWS_REGION: REGION,
    AWS_ENDPOINT_URL_STS: upstream,
  },
  logLevel: (argValue('log-level') ?? 'info') as LogLevel,
});

const route: GatewayRouteSpec = {
  name: 'echo',
  matches: [{ path: { type: 'PathPrefix', value: PROXY_PATH } }],
  backendName: 'echo',
  backend: {
    functionName: FUNCTION_NAME,
    accountId: FUNCTION_ACCOUNT,
    region: REGION,
    endpointURL: upstream,
    payloadMode: mode === 'apigateway-v2' ? 'apigateway-v2' : 'passthrough',
    auth: mode === 'assume-role' ? { type: 'assumeRole', roleArn: ROLE_ARN } : { type: 'ambient' },
  },
};

let gateway;
try {
  gateway = compileGateway({ routes: [route], runtime });
} catch (error) {
  if (error instanceof ConfigError && mode === 'assume-role') reportUnavailable(`role chaining not available in this build (${error.message})`);
  throw error;
}
const server = await serveApp(gateway.app, { port: 0, host: LOOPBACK });
reportReady(server.url);
