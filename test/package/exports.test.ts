/**
 * The package as users install it: `npm pack -w lambda-gateway`, `npm install --omit=dev` of the
 * tarball into a project outside the repository, then the public API from plain ESM and from
 * TypeScript, and `serve` from the installed bin against the local AWS (the guide's request).
 */
import { execFile } from 'node:child_process';
import { access, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '@lambda-gateway/local-aws';
import { GUIDE_BODY, GUIDE_RESPONSE, KEYS, TEST_SCENARIO } from '../support/stack.ts';
import { REPO_ROOT, ensureBuilt, plainEnv } from './built-dist.ts';
import { installTarball, isRealDirectory, packWorkspace, startBin, type PackedTarball } from './packed-install.ts';

const run = promisify(execFile);
const TSC = join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
/** What only development needs: none of it may reach a user's node_modules. */
const DEV_ONLY = ['tsx', 'esbuild', 'miniflare', 'jose', '@lambda-gateway/local-aws', 'vitest', 'typescript'];

let work: string;
let gatewayTarball: PackedTarball;
let localAwsTarball: PackedTarball;
/** The consumer project with the gateway tarball installed. */
let consumer: string;
let installed: string;

beforeAll(async () => {
  await ensureBuilt();
  work = await mkdtemp(join(tmpdir(), 'lambda-gateway-package-'));
  consumer = join(work, 'consumer');
  installed = join(consumer, 'node_modules/lambda-gateway');
  await mkdir(consumer);
  gatewayTarball = await packWorkspace('lambda-gateway', work);
  localAwsTarball = await packWorkspace('@lambda-gateway/local-aws', work);
  await installTarball(consumer, gatewayTarball.path);
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the lambda-gateway tarball', () => {
  it('ships the compiled entries and the bin, and no sources, tests or local AWS', () => {
    expect(gatewayTarball.files).toEqual(
      expect.arrayContaining([
        'package.json',
        'bin/lambda-gateway.mjs',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/adapters/node/index.js',
        'dist/adapters/worker/index.js',
        'dist/cli/main.js',
      ]),
    );
    expect(gatewayTarball.files.filter((path) => path.startsWith('src/') || path.includes('/src/'))).toEqual([]);
    expect(gatewayTarball.files.filter((path) => /\.test\.|test-support|test-utils/.test(path))).toEqual([]);
    expect(gatewayTarball.files.filter((path) => /(^|\/)(local-aws|fixtures|worker-dev)\//.test(path))).toEqual([]);
    expect(gatewayTarball.files.filter((path) => !/^(bin\/|dist\/|package\.json$|README\.md$)/.test(path))).toEqual([]);
  });

  it('installs as a real directory with production dependencies only', async () => {
    expect(await isRealDirectory(installed)).toBe(true);
    const present = [];
    for (const name of DEV_ONLY) if (await isRealDirectory(join(consumer, 'node_modules', name))) present.push(name);
    expect(present).toEqual([]);
    const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).not.toContain('jose');
    expect(Object.keys(manifest.dependencies)).not.toContain('@smithy/signature-v4');
    expect(Object.keys(manifest.dependencies)).not.toContain('@lambda-gateway/local-aws');
  });

  it('exports from dist/ exactly what the source entries export', async () => {
    const names = async (entry: Promise<Record<string, unknown>>) => Object.keys(await entry).sort();
    const sources = {
      '.': await names(import('lambda-gateway')),
      './node': await names(import('lambda-gateway/node')),
      './worker': await names(import('lambda-gateway/worker')),
    };
    await writeFile(
      join(consumer, 'entries.mjs'),
      `const names = async (specifier) => Object.keys(await import(specifier)).sort();
console.log(JSON.stringify({ '.': await names('lambda-gateway'), './node': await names('lambda-gateway/node'), './worker': await names('lambda-gateway/worker') }));
`,
    );
    const { stdout } = await run(process.execPath, ['entries.mjs'], { cwd: consumer, env: plainEnv() });
    expect(JSON.parse(stdout)).toEqual(sources);
    expect(sources['.']).toEqual(expect.arrayContaining(['createGateway', 'lambda', 'compileGateway', 'BackendDescriptorSchema', 'ConfigError']));
  });

  it('imports the public API by name from plain Node ESM and builds a working gateway', async () => {
    await writeFile(
      join(consumer, 'consumer.mjs'),
      `import { createGateway, lambda, compileGateway, BackendDescriptorSchema, ConfigError } from 'lambda-gateway';
import { serveApp } from 'lambda-gateway/node';
import * as worker from 'lambda-gateway/worker';
const routes = [{ name: 'echo', matches: [{ path: { type: 'PathPrefix', value: '/echo' } }], backend: { functionName: 'echo', accountId: '222222222222', region: 'us-east-1' } }];
const app = createGateway({ routes });
const health = await (await app.request('/healthz')).json();
const missing = await app.request('/nothing');
let message;
try { lambda({ functionName: 'echo', accountId: '2222' }); } catch (error) { message = error instanceof ConfigError ? error.message : 'not a ConfigError'; }
const { table } = compileGateway({ routes });
const server = await serveApp(app, { port: 0, host: '127.0.0.1' });
const served = await (await fetch(server.url + '/healthz')).json();
await server.close();
console.log(JSON.stringify({
  health, served, missing: missing.status, message, handler: typeof lambda({ functionName: 'echo', region: 'us-east-1' }),
  functionId: table[0].functionId, schema: typeof BackendDescriptorSchema, worker: Object.keys(worker).length > 0,
}));
`,
    );
    const { stdout } = await run(process.execPath, ['consumer.mjs'], { cwd: consumer, env: plainEnv() });
    const lines = stdout.trim().split('\n');
    // Before the consumer's own line: the default logger's line for the unmatched request.
    expect(lines.slice(0, -1).map((line) => JSON.parse(line) as unknown)).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'request failed', status: 404, error: 'RouteNotFound', path: '/nothing' }),
    ]);
    expect(JSON.parse(lines.at(-1)!)).toEqual({
      health: { status: 'ok' },
      served: { status: 'ok' },
      missing: 404,
      message: 'lambda().accountId: must be a 12-digit AWS account id',
      handler: 'function',
      functionId: 'arn:aws:lambda:us-east-1:222222222222:function:echo',
      schema: 'object',
      worker: true,
    });
  });

  it('type-checks TypeScript consumers against the shipped declarations (NodeNext, strict, skipLibCheck false)', async () => {
    // The entry and the worker adapter promise Web APIs only: checked without @types/node.
    // The node adapter's consumer has @types/node, as any Node project does (the repo's copy).
    const web = `import { Hono } from 'hono';
import { createGateway, lambda, compileGateway, BackendDescriptorSchema, type GatewayRouteSpec, type BackendDescriptor } from 'lambda-gateway';
import * as worker from 'lambda-gateway/worker';

const routes: GatewayRouteSpec[] = [{ name: 'echo', matches: [{ path: { type: 'PathPrefix', value: '/echo' } }], backend: { functionName: 'echo', accountId: '222222222222', region: 'us-east-1' } }];
const gateway: Hono = createGateway({ routes });
const app = new Hono();
app.post('/echo', lambda({ functionName: 'echo', accountId: '222222222222', region: 'us-east-1', payloadMode: 'apigateway-v2' }));
app.route('/', gateway);
const functionIds: string[] = compileGateway({ routes }).table.map((row) => row.functionId);
const descriptor: BackendDescriptor | undefined = undefined;
// The declarations are real types, not \`any\`: these must be errors.
// @ts-expect-error payloadMode is a closed set
lambda({ functionName: 'echo', payloadMode: 'soap' });
// @ts-expect-error urlAuthType is AWS_IAM or NONE (functionName or functionURL is checked at run time: either may be given)
createGateway({ routes: [{ backend: { functionURL: 'https://x.lambda-url.us-east-1.on.aws/', urlAuthType: 'BASIC' } }] });
export { app, functionIds, descriptor, BackendDescriptorSchema, worker };
`;
    const node = `import { loadConfig, serveApp, type RunningServer } from 'lambda-gateway/node';
import * as nodeAdapter from 'lambda-gateway/node';
import { createGateway } from 'lambda-gateway';
const server: Promise<RunningServer> = serveApp(createGateway({ routes: [] }), { port: 0, host: '127.0.0.1' });
// @ts-expect-error the port is a number
serveApp(createGateway({ routes: [] }), { port: '8080', host: '127.0.0.1' });
const pid: number = process.pid;
export { server, loadConfig, nodeAdapter, pid };
`;
    const compilerOptions = {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2023', 'DOM'],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
    };
    await writeFile(join(consumer, 'web.ts'), web);
    await writeFile(join(consumer, 'node.ts'), node);
    await writeFile(join(consumer, 'tsconfig.web.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, types: [] }, files: ['web.ts'] }));
    await writeFile(
      join(consumer, 'tsconfig.node.json'),
      JSON.stringify({ compilerOptions: { ...compilerOptions, types: ['node'], typeRoots: [join(REPO_ROOT, 'node_modules/@types')] }, files: ['node.ts'] }),
    );
    const typeCheck = (project: string) =>
      run(process.execPath, [TSC, '-p', project], { cwd: consumer, env: plainEnv() }).then(
        ({ stdout }) => ({ project, stdout, failed: false }),
        (error: { stdout: string }) => ({ project, stdout: error.stdout, failed: true }),
      );
    expect(await Promise.all([typeCheck('tsconfig.web.json'), typeCheck('tsconfig.node.json')])).toEqual([
      { project: 'tsconfig.web.json', stdout: '', failed: false },
      { project: 'tsconfig.node.json', stdout: '', failed: false },
    ]);
  }, 90_000);
});

describe('serve from the installed bin', () => {
  let aws: LocalAws;
  let secretsDir: string;

  beforeAll(async () => {
    aws = await startLocalAws({ scenario: TEST_SCENARIO });
    // The guide's `aws-creds` Secret, mounted as files: keys of the authentication account's user.
    secretsDir = join(work, 'secrets');
    await mkdir(join(secretsDir, 'aws-creds'), { recursive: true });
    await writeFile(join(secretsDir, 'aws-creds', 'accessKey'), KEYS.gateway.accessKey);
    await writeFile(join(secretsDir, 'aws-creds', 'secretKey'), KEYS.gateway.secretKey);
  });
  afterAll(async () => {
    await aws?.close();
  });

  it("answers the guide's curl through the resource-based setup, with nothing on stderr", async () => {
    const server = startBin(
      join(installed, 'bin/lambda-gateway.mjs'),
      ['serve', '--config', join(REPO_ROOT, 'routes/echo.yaml'), '--port', '0', '--host', '127.0.0.1', '--admin-port', '0', '--secrets-dir', secretsDir],
      {
        AWS_ENDPOINT_URL_LAMBDA: aws.url,
        AWS_ENDPOINT_URL_STS: aws.url,
        AWS_REGION: 'us-east-1',
      },
    );
    try {
      const [line] = await server.waitForStdout(/^.*"gateway listening".*$/m);
      const { url } = JSON.parse(line) as { url: string };
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // A warning printed by a dependency (e.g. the AWS SDK's NodeVersionSupportWarning) is not a JSON log line.
      expect(server.stderr()).toBe('');
      // curl $URL/echo -d '{"key1":"value1", "key2":"value2"}' -X POST
      const response = await fetch(`${url}/echo`, { method: 'POST', body: GUIDE_BODY, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(await response.text()).toBe(GUIDE_RESPONSE);
      expect(response.status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(server.stderr()).toBe('');
  });
});

describe('the @lambda-gateway/local-aws tarball', () => {
  it('ships dist/ beside fixtures/ (dist/fixture-paths.js finds ../fixtures), and no sources or tests', async () => {
    const files = localAwsTarball.files;
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'bin/local-aws.mjs',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/cli.js',
        'dist/fixture-paths.js',
        'fixtures/guide-scenario.yaml',
        'fixtures/functions/echo.mjs',
      ]),
    );
    expect(files.filter((path) => path.startsWith('src/') || /\.test\.|test-support|test-utils/.test(path))).toEqual([]);
    expect(files.filter((path) => !/^(bin\/|dist\/|fixtures\/|package\.json$|README\.md$)/.test(path))).toEqual([]);
    // Every bundled function file is shipped where bundledFunctionsDir points.
    const repoFunctions = await readdir(join(REPO_ROOT, 'packages/local-aws/fixtures/functions'));
    expect(files.filter((path) => path.startsWith('fixtures/functions/')).sort()).toEqual(repoFunctions.map((name) => `fixtures/functions/${name}`).sort());
  });

  it('installed, starts on its bundled guide scenario', async () => {
    const project = join(work, 'local-aws-consumer');
    await mkdir(project);
    await installTarball(project, localAwsTarball.path);
    expect(await isRealDirectory(join(project, 'node_modules/@lambda-gateway/local-aws'))).toBe(true);
    await writeFile(
      join(project, 'start.mjs'),
      `import { bundledFunctionsDir, bundledScenarioPath, startLocalAws } from '@lambda-gateway/local-aws';
import { access } from 'node:fs/promises';
await access(bundledFunctionsDir + 'echo.mjs');
const aws = await startLocalAws({ scenario: bundledScenarioPath('guide-scenario.yaml') });
console.log(JSON.stringify({ url: aws.url }));
await aws.close();
`,
    );
    const { stdout } = await run(process.execPath, ['start.mjs'], { cwd: project, env: plainEnv() });
    expect(JSON.parse(stdout)).toEqual({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    await access(join(project, 'node_modules/@lambda-gateway/local-aws/fixtures/functions/echo.mjs'));
  }, 60_000);
});
