import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../packages/worker-dev/src/build-worker.ts';

// `import { lambda, createGateway } from 'lambda-gateway'` as a consumer sees it:
// package.json `exports` → dist/ (built here with `npm run build`'s tsconfig),
// from plain Node ESM (no tsx) and from a TypeScript project without our conditions.
const run = promisify(execFile);
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
/** A clean environment: no NODE_OPTIONS (vitest or tsx loaders) leaking into the consumer. */
const PLAIN_ENV = { PATH: process.env.PATH ?? '' };

let consumer: string;

beforeAll(async () => {
  await run(process.execPath, [TSC, '-p', 'tsconfig.build.json'], { cwd: REPO_ROOT, env: PLAIN_ENV });
  consumer = await mkdtemp(join(tmpdir(), 'lambda-gateway-consumer-'));
  await mkdir(join(consumer, 'node_modules'));
  // As `npm install lambda-gateway` would link it (hono for the TypeScript consumer's own import).
  await symlink(REPO_ROOT, join(consumer, 'node_modules', 'lambda-gateway'), 'dir');
  await symlink(join(REPO_ROOT, 'node_modules', 'hono'), join(consumer, 'node_modules', 'hono'), 'dir');
  await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
}, 120_000);

afterAll(async () => {
  if (consumer) await rm(consumer, { recursive: true, force: true });
});

describe('the package entry', () => {
  it('imports by name from plain Node ESM and builds a working gateway', async () => {
    await writeFile(
      join(consumer, 'consumer.mjs'),
      `import { createGateway, lambda, ConfigError } from 'lambda-gateway';
import { createWorkerRuntime } from 'lambda-gateway/worker';
const app = createGateway({ routes: [{ name: 'echo', matches: [{ path: { type: 'PathPrefix', value: '/echo' } }], backend: { functionName: 'echo', accountId: '222222222222', region: 'us-east-1' } }] });
const health = await (await app.request('/healthz')).json();
const missing = await app.request('/nothing');
let message;
try { lambda({ functionName: 'echo', accountId: '2222' }); } catch (error) { message = error instanceof ConfigError ? error.message : 'not a ConfigError'; }
const runtime = createWorkerRuntime({ env: { AWS_REGION: 'eu-west-1' } });
console.log(JSON.stringify({ health, missing: missing.status, message, region: runtime.env('AWS_REGION'), handler: typeof lambda({ functionName: 'echo', region: 'us-east-1' }) }));
`,
    );
    const { stdout } = await run(process.execPath, ['consumer.mjs'], { cwd: consumer, env: PLAIN_ENV });
    expect(JSON.parse(stdout)).toEqual({
      health: { status: 'ok' },
      missing: 404,
      message: 'lambda().accountId: must be a 12-digit AWS account id',
      region: 'eu-west-1',
      handler: 'function',
    });
  });

  it('type-checks a TypeScript consumer against the declarations (NodeNext, strict)', async () => {
    await writeFile(
      join(consumer, 'consumer.ts'),
      `import { Hono } from 'hono';
import { createGateway, lambda, type GatewayRouteSpec, type GatewayRuntime } from 'lambda-gateway';
import { createWorkerRuntime } from 'lambda-gateway/worker';

const routes: GatewayRouteSpec[] = [{ name: 'echo', matches: [{ path: { type: 'PathPrefix', value: '/echo' } }], backend: { functionName: 'echo', accountId: '222222222222', region: 'us-east-1' } }];
const runtime: GatewayRuntime = createWorkerRuntime({ env: {} });
const gateway: Hono = createGateway({ routes, runtime });
const app = new Hono();
app.post('/echo', lambda({ functionName: 'echo', accountId: '222222222222', region: 'us-east-1', payloadMode: 'apigateway-v2' }, { runtime }));
app.route('/', gateway);
// The declarations are real types, not \`any\`: these must be errors.
// @ts-expect-error payloadMode is a closed set
lambda({ functionName: 'echo', payloadMode: 'soap' });
// @ts-expect-error a backend needs a functionName
createGateway({ routes: [{ backend: { region: 'us-east-1' } }] });
export { app };
`,
    );
    await writeFile(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023', 'DOM'], types: [], strict: true, noEmit: true, skipLibCheck: true }, files: ['consumer.ts'] }),
    );
    const result = await run(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: consumer, env: PLAIN_ENV }).catch((error: { stdout: string }) => ({ stdout: error.stdout, failed: true }));
    expect(result.stdout).toBe('');
    expect('failed' in result).toBe(false);
  }, 60_000);
});
