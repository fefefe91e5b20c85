import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from 'lambda-gateway';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT, buildWorker } from '../../packages/worker-dev/src/build-worker.ts';
import { startDevServer, type DevServer } from '../../packages/worker-dev/src/dev-server.ts';
import { startWorker } from '../../packages/worker-dev/src/start-worker.ts';
import { freePort } from '../support/free-port.ts';
import { GUIDE_BODY, GUIDE_RESPONSE } from '../support/stack.ts';

// `npm run dev` as a function: wrangler.toml + routes/ + the local AWS, in miniflare.
const started: DevServer[] = [];

afterAll(async () => {
  for (const dev of started) await dev.close();
  vi.unstubAllEnvs();
});

describe('npm run dev', () => {
  it("answers the guide's curl from the worker in miniflare, on PORT, pointed at the local AWS it started", async () => {
    const port = await freePort();
    vi.stubEnv('PORT', String(port));
    const lines: string[] = [];
    const dev = await startDevServer({ localAws: true, onLine: (line) => lines.push(line) });
    started.push(dev);
    expect(dev.port).toBe(port);
    expect(dev.configSources).toEqual(['routes/echo.yaml', 'scripts/demo/irsa-echo.yaml']);
    expect(dev.bindingNames).toEqual(
      expect.arrayContaining([
        'AWS_REGION',
        'AWS_ENDPOINT_URL',
        'SECRET_AWS_CREDS_ACCESS_KEY',
        'SECRET_AWS_CREDS_SECRET_KEY',
        'AWS_ROLE_ARN',
        'AWS_WEB_IDENTITY_TOKEN',
      ]),
    );
    // wrangler.toml's `main` holds the bundle it serves.
    expect(await readFile(join(REPO_ROOT, dev.bundle), 'utf8')).toContain('lambda-gateway');

    const response = await fetch(`http://localhost:${port}/echo`, { method: 'POST', body: GUIDE_BODY });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(GUIDE_RESPONSE);
    expect(dev.localAws?.invocations('echo').at(-1)).toMatchObject({ callerArn: 'arn:aws:iam::111111111111:user/gateway' });
    await expect.poll(() => lines.some((line) => line.includes('"msg":"request"') && line.includes('"status":200'))).toBe(true);

    // The demo's IRSA role chain, as `npm start` serves it: the web identity token from a binding.
    const irsa = await fetch(`http://localhost:${port}/irsa/echo`, { method: 'POST', body: GUIDE_BODY });
    expect(await irsa.text()).toBe(GUIDE_RESPONSE);
    expect(dev.localAws?.invocations('echo').at(-1)?.callerArn).toBe('arn:aws:sts::222222222222:assumed-role/lambda-invoke-role/lambda-gateway');
  });

  it('checks the configuration before starting: a bad route file is a ConfigError naming file and field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-dev-'));
    try {
      const bad = join(dir, 'bad.yaml');
      await writeFile(bad, (await readFile(join(REPO_ROOT, 'routes/echo.yaml'), 'utf8')).replace('"222222222222"', '"2222"'));
      const error = await startDevServer({ config: [bad], localAws: true, port: 0 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/bad\.yaml: backends\.echo\.accountId: must be a 12-digit AWS account id$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the worker at start-up', () => {
  it('fails to start, saying why, when a binding asks for a token file (not available in a worker)', async () => {
    const { code } = await buildWorker();
    const stderr: string[] = [];
    const error = await startWorker({
      script: code,
      compatibilityDate: '2025-07-18',
      bindings: {
        AWS_REGION: 'us-east-1',
        AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token',
        AWS_ROLE_ARN: 'arn:aws:iam::111111111111:role/r',
      },
      port: 0,
      onLine: (line, stream) => {
        if (stream === 'stderr') stderr.push(line);
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(stderr.join('\n')).toContain('AWS_WEB_IDENTITY_TOKEN_FILE: web identity token files cannot be read in a worker (no filesystem)');
  });
});
