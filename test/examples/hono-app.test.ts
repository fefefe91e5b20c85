import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExampleApp } from '../../examples/hono-app.ts';
import { lambda, silentLogger } from 'lambda-gateway';
import type { LocalAws } from '../../packages/local-aws/src/index.ts';
import { createNodePlatform, serveApp } from 'lambda-gateway/node';
import { REPO_ROOT, buildWorker } from '../../packages/worker-dev/src/build-worker.ts';
import { startWorker } from '../../packages/worker-dev/src/start-worker.ts';
import { readWranglerConfig } from '../../packages/worker-dev/src/wrangler-config.ts';
import { GUIDE_BODY, GUIDE_RESPONSE, KEYS, startTestAws } from '../support/stack.ts';

// examples/hono-app.ts against the local AWS, on both runtimes: served by Node
// with the Node platform, and bundled from examples/worker.ts into miniflare.
let aws: LocalAws;
const servers: Record<'node' | 'worker', { url: string; close(): Promise<void> }> = {} as never;

beforeAll(async () => {
  aws = await startTestAws();
  // The example's backends use the ambient credentials: the gateway user's static keys.
  const ambient = {
    AWS_ACCESS_KEY_ID: KEYS.gateway.accessKey,
    AWS_SECRET_ACCESS_KEY: KEYS.gateway.secretKey,
    AWS_ENDPOINT_URL: aws.url,
    AWS_REGION: 'us-east-1',
  };
  servers.node = await serveApp(createExampleApp({ platform: createNodePlatform({ env: ambient, logger: silentLogger }) }), { port: 0, host: '127.0.0.1' });
  const wrangler = await readWranglerConfig(join(REPO_ROOT, 'wrangler.toml'));
  const { code } = await buildWorker({ entry: 'examples/worker.ts', configFiles: [] });
  servers.worker = await startWorker({
    script: code,
    compatibilityDate: wrangler.compatibility_date,
    bindings: { ...ambient, LOG_LEVEL: 'silent' },
    port: 0,
    onLine: () => undefined,
  });
});

afterAll(async () => {
  await servers.node?.close();
  await servers.worker?.close();
  await aws?.close();
});

describe.each(['node', 'worker'] as const)('examples/hono-app.ts on %s', (runtime) => {
  const url = (path: string) => `${servers[runtime].url}${path}`;

  it("serves its own routes and answers the guide's curl through lambda()", async () => {
    expect(await (await fetch(url('/'))).text()).toBe('orders service');
    const response = await fetch(url('/echo'), { method: 'POST', body: GUIDE_BODY });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(GUIDE_RESPONSE);
    expect(aws.invocations('echo').at(-1)).toMatchObject({
      functionArn: 'arn:aws:lambda:us-east-1:222222222222:function:echo',
      callerArn: 'arn:aws:iam::111111111111:user/gateway',
    });
  });

  it("passes Hono's path parameters and route to an API Gateway 2.0 event", async () => {
    const response = await fetch(url('/tenants/blue/echo'), { method: 'POST', body: '{"n":1}' });
    expect(response.status).toBe(200);
    const text = await response.text();
    const event = JSON.parse(text.slice(text.indexOf('{'))) as { pathParameters: unknown; routeKey: string; body: string };
    expect(event).toMatchObject({ pathParameters: { tenant: 'blue' }, routeKey: 'POST /tenants/{tenant}/echo', body: '{"n":1}' });
  });

  it('routes the route table built with createGateway, with its health routes and JSON 404', async () => {
    const response = await fetch(url('/v2/echo/x'), { method: 'POST', body: GUIDE_BODY });
    expect(await response.text()).toBe(GUIDE_RESPONSE);
    expect((await fetch(url('/v2/echo'))).status).toBe(404);
    expect(await (await fetch(url('/healthz'))).json()).toEqual({ status: 'ok' });
    const missing = await fetch(url('/nothing'));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'RouteNotFound' });
  });
});

describe('lambda() registration', () => {
  it('validates the descriptor when the route is registered, with the config files’ messages', () => {
    expect(() => lambda({ functionName: 'echo', accountId: '2222' })).toThrow('lambda().accountId: must be a 12-digit AWS account id');
  });
});
