import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalAws } from '../../packages/local-aws/src/index.ts';
import { secretBindings } from '../../packages/gateway/src/adapters/worker/binding-secrets.ts';
import { REPO_ROOT, buildWorker } from '../../packages/worker-dev/src/build-worker.ts';
import { startWorker } from '../../packages/worker-dev/src/start-worker.ts';
import { readWranglerConfig } from '../../packages/worker-dev/src/wrangler-config.ts';
import { startGateway } from './stack.ts';

/** A gateway serving on loopback, whatever runs it. */
export interface RunningGateway {
  url: string;
  /** Every log line the gateway wrote so far (JSON lines). */
  logs: string[];
  close(): Promise<void>;
}

export interface StartOptions {
  aws: LocalAws;
  /** One native config file's text (YAML). */
  config: string;
  /** Named secrets (`auth: secret`): mounted files on Node, `SECRET_<NAME>_*` bindings in the worker. */
  secrets?: Record<string, Record<string, string>>;
  /** Extra environment (Node) / bindings (worker). */
  env?: Record<string, string>;
  /**
   * IRSA-style ambient credentials: `AWS_ROLE_ARN` and the token, in a file named
   * by `AWS_WEB_IDENTITY_TOKEN_FILE` on Node (what EKS mounts), in the
   * `AWS_WEB_IDENTITY_TOKEN` binding in the worker (no filesystem).
   */
  webIdentity?: { roleArn: string; token: string };
}

/** A runtime the integration scenarios run against. */
export interface RuntimeUnderTest {
  name: 'node' | 'worker';
  start(options: StartOptions): Promise<RunningGateway>;
}

/** The Node server (@hono/node-server + undici), as `serve` runs it. */
export const nodeRuntime: RuntimeUnderTest = {
  name: 'node',
  async start(options) {
    if (!options.webIdentity) return startGateway(options);
    const dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-token-'));
    const tokenFile = join(dir, 'token');
    await writeFile(tokenFile, options.webIdentity.token);
    const gateway = await startGateway({
      ...options,
      env: { ...options.env, AWS_ROLE_ARN: options.webIdentity.roleArn, AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile },
    });
    return {
      ...gateway,
      close: async () => {
        await gateway.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

/**
 * The worker bundle (the same build as `npm run dev`, with the test config
 * inlined) in miniflare, with wrangler.toml's compatibility settings. Secrets
 * become `SECRET_<NAME>_*` bindings and the local AWS is reached over loopback
 * through `AWS_ENDPOINT_URL`, as on Node.
 */
export const workerRuntime: RuntimeUnderTest = {
  name: 'worker',
  async start(options) {
    const wrangler = await readWranglerConfig(join(REPO_ROOT, 'wrangler.toml'));
    const { code } = await buildWorker({ configFiles: [{ source: 'gateway.yaml', text: options.config }] });
    // The shared scenarios check error details; the redaction suite (test/operations) checks the default.
    const bindings: Record<string, string> = { AWS_ENDPOINT_URL: options.aws.url, AWS_REGION: 'us-east-1', LAMBDA_GATEWAY_EXPOSE_ERROR_DETAILS: 'true' };
    for (const [name, values] of Object.entries(options.secrets ?? {})) {
      Object.assign(
        bindings,
        secretBindings(name, { accessKey: values.accessKey ?? '', secretKey: values.secretKey ?? '', sessionToken: values.sessionToken }),
      );
    }
    if (options.webIdentity) Object.assign(bindings, { AWS_ROLE_ARN: options.webIdentity.roleArn, AWS_WEB_IDENTITY_TOKEN: options.webIdentity.token });
    Object.assign(bindings, options.env);
    const logs: string[] = [];
    const worker = await startWorker({
      script: code,
      compatibilityDate: wrangler.compatibility_date,
      compatibilityFlags: wrangler.compatibility_flags,
      bindings,
      port: 0,
      onLine: (line) => logs.push(line),
    });
    return { url: worker.url, logs, close: () => worker.close() };
  },
};
