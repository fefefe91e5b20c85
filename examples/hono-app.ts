/**
 * A team's own Hono app that sends some of its paths to Lambda functions,
 * registered in code with lambda-gateway's public API. It runs anywhere Hono
 * runs: examples/node-server.ts serves it on Node, examples/worker.ts in a worker.
 */
import { Hono } from 'hono';
import { createGateway, lambda, type Platform } from 'lambda-gateway';

/** The account that owns the functions (the Gloo guide's Lambda account). */
const LAMBDA_ACCOUNT = '222222222222';
const REGION = 'us-east-1';

export interface ExampleAppOptions {
  /**
   * Environment, credentials, transport and logs. Default: createDefaultPlatform()
   * (the process environment: `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`,
   * `AWS_ENDPOINT_URL`, …); on Node: `createNodePlatform()` from `lambda-gateway/node`;
   * in a worker: `createWorkerPlatform({ env })` from `lambda-gateway/worker`.
   */
  platform?: Platform;
}

/** Builds the app. Descriptors are validated here: a typo throws a ConfigError now, not at the first request. */
export function createExampleApp(options: ExampleAppOptions = {}): Hono {
  const { platform } = options;
  const app = new Hono();

  // Ordinary routes, answered by the app itself.
  app.get('/', (c) => c.text('orders service'));
  app.get('/status', (c) => c.json({ ok: true }));

  // The guide's function in another account (resource-based access): the body is
  // the event, the function's result is the response.
  app.post('/echo', lambda({ functionName: 'echo', accountId: LAMBDA_ACCOUNT, region: REGION }, { platform }));

  // API Gateway payload 2.0: Hono's path parameters become the event's pathParameters.
  app.post(
    '/tenants/:tenant/echo',
    lambda({ functionName: 'echo', accountId: LAMBDA_ACCOUNT, region: REGION, payloadMode: 'apigateway-v2' }, { platform, name: 'tenant-echo' }),
  );

  // A route table in code, the path config files take too: Gateway API matches and
  // precedence, /healthz and /readyz, and a JSON 404 for what nothing above serves.
  const gateway = createGateway({
    routes: [
      {
        name: 'echo-v2',
        matches: [{ path: { type: 'PathPrefix', value: '/v2/echo' }, method: 'POST' }],
        backend: { functionName: 'echo', accountId: LAMBDA_ACCOUNT, region: REGION, timeoutMs: 10_000 },
      },
    ],
    platform,
  });
  app.route('/', gateway);
  return app;
}
