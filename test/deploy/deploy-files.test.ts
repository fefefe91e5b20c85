/**
 * The deploy files stay in step with the gateway and with each other: the shipped ConfigMap's
 * config compiles, and the Dockerfile builds the packed package and runs what the Deployment expects.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildRoutes, parseConfigText } from '../../packages/gateway/src/config/index.ts';
import { compileGateway } from '../../packages/gateway/src/core/index.ts';
import { createNodePlatform } from '../../packages/gateway/src/adapters/node/node-platform.ts';
import { silentLogger } from '../../packages/gateway/src/logging/index.ts';

const DEPLOY = resolve(import.meta.dirname, '../../deploy');

describe('deploy/kubernetes', () => {
  it("the ConfigMaps' gateway configs compile: the role chain (base, for IRSA and Pod Identity) and resource-based", async () => {
    const env = {
      AWS_ROLE_ARN: 'arn:aws:iam::111111111111:role/lambda-auth-role',
      AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token',
      AWS_REGION: 'us-east-1',
    };
    const table = async (file: string) => {
      const { routes } = buildRoutes(parseConfigText(await readFile(resolve(DEPLOY, file), 'utf8'), file));
      const platform = createNodePlatform({ env, logger: silentLogger, secretsDir: '/etc/lambda-gateway/secrets' });
      return compileGateway({ routes, platform }).table.map((row) => [row.route, row.functionId, row.auth]);
    };
    expect(await table('kubernetes/base/gateway.yaml')).toEqual([
      ['echo', 'arn:aws:lambda:us-east-1:222222222222:function:echo', 'assumeRole arn:aws:iam::222222222222:role/lambda-invoke-role'],
    ]);
    expect(await table('kubernetes/overlays/resource-based/gateway.yaml')).toEqual([
      ['echo', 'arn:aws:lambda:us-east-1:222222222222:function:echo', 'secret aws-creds'],
    ]);
  });

  it('the Deployment probes the admin port the gateway serves; the resource-based overlay mounts aws-creds', async () => {
    const text = await readFile(resolve(DEPLOY, 'kubernetes/base/deployment.yaml'), 'utf8');
    expect(text).toContain('httpGet: { path: /readyz, port: admin }');
    expect(text).toContain('httpGet: { path: /healthz, port: admin }');
    expect(text).toContain('{ name: admin, containerPort: 9901 }');
    expect(text.replace(/\s+/g, ' ')).toContain('"--admin-host", "0.0.0.0"');
    const patch = await readFile(resolve(DEPLOY, 'kubernetes/overlays/resource-based/deployment-aws-creds.yaml'), 'utf8');
    expect(patch).toContain('mountPath: /etc/lambda-gateway/secrets/aws-creds');
  });
});

/** The Dockerfile's instructions in order, continuation lines joined, comments dropped. */
function dockerInstructions(text: string): { keyword: string; args: string }[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** The tag in a `docker build … -t TAG .` command line. */
function buildTag(text: string, where: string): string {
  const tag = text.match(/docker build -f deploy\/Dockerfile\s+-t\s+(\S+)\s+\./)?.[1];
  if (!tag) throw new Error(`${where}: no \`docker build -f deploy/Dockerfile -t TAG .\` command`);
  return tag.includes(':') ? tag : `${tag}:latest`;
}

describe('deploy/Dockerfile (parsed: no Docker engine on these machines)', () => {
  it('builds in one stage and runs the packed package, production dependencies only, in a Node 24 stage', async () => {
    const instructions = dockerInstructions(await readFile(resolve(DEPLOY, 'Dockerfile'), 'utf8'));
    const stages = instructions.filter((step) => step.keyword === 'FROM').map((step) => step.args);
    expect(stages).toEqual(['node:24-bookworm-slim AS build', 'node:24-bookworm-slim']);
    const runtimeStart = instructions.findIndex((step, index) => step.keyword === 'FROM' && index > 0);
    const build = instructions.slice(0, runtimeStart);
    const runtime = instructions.slice(runtimeStart);
    const buildRun = build
      .filter((step) => step.keyword === 'RUN')
      .map((step) => step.args)
      .join(' && ');
    expect(buildRun).toMatch(/npm ci\b(?!.*--ignore-scripts)/);
    expect(buildRun).toMatch(/npm pack -w lambda-gateway\b/);
    // The runtime stage gets the tarball and nothing else from the build: no sources, no dev node_modules.
    expect(runtime.filter((step) => step.keyword === 'COPY').map((step) => step.args)).toEqual([
      '--from=build /build/pack/lambda-gateway.tgz /tmp/lambda-gateway.tgz',
    ]);
    const runtimeRun = runtime
      .filter((step) => step.keyword === 'RUN')
      .map((step) => step.args)
      .join(' && ');
    expect(runtimeRun).toContain('npm install --omit=dev --no-audit --no-fund /tmp/lambda-gateway.tgz');
    expect(runtimeRun).not.toMatch(/\btsx\b|npm ci/);
    expect(runtime.find((step) => step.keyword === 'WORKDIR')?.args).toBe('/app');
    // glibc's trim threshold, fixed (README "On Node 24, the image's runtime"): its default grows to 32 MB.
    expect(runtime.filter((step) => step.keyword === 'ENV').map((step) => step.args)).toContain('MALLOC_TRIM_THRESHOLD_=131072');
  });

  it('runs as uid 1000 the installed bin, serving the ConfigMap path the Deployment mounts', async () => {
    const instructions = dockerInstructions(await readFile(resolve(DEPLOY, 'Dockerfile'), 'utf8'));
    const last = (keyword: string) => instructions.filter((step) => step.keyword === keyword).at(-1)?.args;
    expect(last('USER')).toBe('1000:1000');
    const command = JSON.parse(last('CMD') ?? 'null') as string[];
    const entrypoint = JSON.parse(last('ENTRYPOINT') ?? 'null') as string[];
    expect(entrypoint).toEqual(['node', '--heap-growing-percent=50', '--no-maglev', '/app/node_modules/lambda-gateway/bin/lambda-gateway.mjs']);
    // The V8 flags it passes exist in the Node this suite runs on (CI runs it on each supported line).
    const flags = entrypoint.slice(1, -1);
    const checked = spawnSync(process.execPath, [...flags, '-e', ''], { encoding: 'utf8' });
    expect(checked.stderr).toBe('');
    expect(checked.status).toBe(0);
    expect(command).toEqual(['serve', '--config', '/etc/lambda-gateway/config']);
    // USER comes after every install step, so nothing runs as root at run time.
    expect(instructions.findLastIndex((step) => step.keyword === 'RUN')).toBeLessThan(instructions.findLastIndex((step) => step.keyword === 'USER'));

    const [deployment] = parseAllDocuments(await readFile(resolve(DEPLOY, 'kubernetes/base/deployment.yaml'), 'utf8')).map((document) => document.toJS()) as [
      {
        spec: {
          template: {
            spec: { securityContext: { runAsUser: number; runAsNonRoot: boolean }; containers: [{ args: string[]; volumeMounts: { mountPath: string }[] }] };
          };
        };
      },
    ];
    const pod = deployment.spec.template.spec;
    const [container] = pod.containers;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    // The Deployment's args are the image's CMD (plus an explicit --port).
    expect(container.args.slice(0, command.length)).toEqual(command);
    expect(container.volumeMounts.map((mount) => mount.mountPath)).toContain('/etc/lambda-gateway/config');
  });

  it('the Deployment runs the image tag that the Dockerfile and the README build (the package version)', async () => {
    const dockerfile = await readFile(resolve(DEPLOY, 'Dockerfile'), 'utf8');
    const deployment = await readFile(resolve(DEPLOY, 'kubernetes/base/deployment.yaml'), 'utf8');
    const readme = await readFile(resolve(DEPLOY, '../README.md'), 'utf8');
    const { version } = JSON.parse(await readFile(resolve(DEPLOY, '../packages/gateway/package.json'), 'utf8')) as { version: string };
    const image = deployment.match(/^\s*image:\s*(\S+)\s*$/m)?.[1];
    expect(image).toBe(`lambda-gateway:${version}`);
    expect(buildTag(dockerfile, 'deploy/Dockerfile'), "deploy/Dockerfile's `docker build` comment").toBe(image);
    expect(buildTag(readme, 'README.md'), 'README "Deploying on Kubernetes": `docker build -f deploy/Dockerfile -t …`').toBe(image);
  });
});
