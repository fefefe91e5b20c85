import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CredentialCache } from '../../packages/gateway/src/credentials/index.ts';
import type { CompiledGateway } from '../../packages/gateway/src/core/index.ts';
import { createJsonLogger } from '../../packages/gateway/src/logging/index.ts';
import { serveApp, type RunningServer } from '../../packages/gateway/src/adapters/node/serve.ts';
import { startLocalAws, type LocalAws } from '../../packages/local-aws/src/index.ts';
import { setUpGateway } from '../../packages/gateway/src/cli/gateway-setup.ts';
import type { BuiltConfig } from '../../packages/gateway/src/config/index.ts';
import { ServeOperations } from '../../packages/gateway/src/cli/serve-operations.ts';

export const TEST_SCENARIO = resolve(import.meta.dirname, '../fixtures/scenario.yaml');
export const AUTH_ACCOUNT = '111111111111';
export const LAMBDA_ACCOUNT = '222222222222';

/** The Gloo Gateway guide's curl body and the example response it shows. */
export const GUIDE_BODY = '{"key1":"value1", "key2":"value2"}';
export const GUIDE_RESPONSE =
  '{"statusCode":200,"body":"Response from AWS Lambda. Here\'s the request you just sent me: {\\"key1\\":\\"value1\\",\\"key2\\":\\"value2\\"}"}';

/** Keys from the test scenario (fixtures/scenario.yaml). */
export const KEYS = {
  gateway: { accessKey: 'AKIAGATEWAY000000001', secretKey: 'gatewaySecretKey/0000000000000000000000' },
  noIdentityPolicy: { accessKey: 'AKIANOPOLICY00000001', secretKey: 'noPolicySecretKey/000000000000000000000' },
  localDev: { accessKey: 'AKIALOCALDEV00000001', secretKey: 'localDevSecretKey/000000000000000000000' },
} as const;

/** Starts the local AWS on the shared test scenario. */
export function startTestAws(): Promise<LocalAws> {
  return startLocalAws({ scenario: TEST_SCENARIO });
}

export interface GatewayUnderTest {
  url: string;
  gateway: CompiledGateway;
  server: RunningServer;
  /** Every log line the gateway wrote. */
  logs: string[];
  /** The admin listener (metrics, readiness details, config, credential status), on a free loopback port. */
  adminUrl: string;
  operations: ServeOperations;
  close(): Promise<void>;
}

/**
 * Starts the real Node server on a config file written from `config`, with
 * mounted-style secrets in a temp directory and the Lambda endpoint pointed at
 * `aws` through AWS_ENDPOINT_URL (as a user would).
 */
export async function startGateway(options: {
  aws: LocalAws;
  config: string;
  secrets?: Record<string, Record<string, string>>;
  env?: Record<string, string>;
  /** Where expiring credentials are cached; default a new cache, so every gateway starts cold. */
  credentialCache?: CredentialCache;
}): Promise<GatewayUnderTest> {
  const dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-config-'));
  const configFile = join(dir, 'gateway.yaml');
  await writeFile(configFile, options.config);
  try {
    const { config: _config, ...gateway } = await startGatewayFromFiles({ ...options, config: [configFile] });
    return {
      ...gateway,
      close: async () => {
        await gateway.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Writes a secret under `secretsDir` as a mounted Kubernetes Secret is: `<name>/<key>` files. */
export async function writeMountedSecret(secretsDir: string, name: string, values: Record<string, string>): Promise<void> {
  await mkdir(join(secretsDir, name), { recursive: true });
  for (const [key, value] of Object.entries(values)) await writeFile(join(secretsDir, name, key), value);
}

/** A secret holding the given keys the way the guide's `aws-creds` Secret does. */
export function secretOf(keys: { accessKey: string; secretKey: string }): Record<string, string> {
  return { accessKey: keys.accessKey, secretKey: keys.secretKey, sessionToken: '' };
}

/**
 * Starts the real Node server the way `serve` does (`setUpGateway`): config
 * files or directories as they are, `${NAME}` expanded from `env`, Secret
 * manifests in front of the mounted `secrets`. `env` is also the runtime's
 * environment; the Lambda and STS endpoints point at `aws`.
 */
export async function startGatewayFromFiles(options: {
  aws: LocalAws;
  config: string[];
  env?: Record<string, string>;
  secrets?: Record<string, Record<string, string>>;
  /** Where expiring credentials are cached; default a new cache, so every gateway starts cold. */
  credentialCache?: CredentialCache;
  /** Default true: these suites check what errors say; test/operations checks the redacted default. */
  exposeErrorDetails?: boolean;
}): Promise<GatewayUnderTest & { config: BuiltConfig }> {
  const dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-test-'));
  for (const [name, values] of Object.entries(options.secrets ?? {})) await writeMountedSecret(dir, name, values);
  const logs: string[] = [];
  try {
    const logger = createJsonLogger((line) => logs.push(line), 'info');
    // What `serve` wires around the gateway (cli/serve.ts): metrics, credential status, readiness, admin listener.
    const operations = new ServeOperations({ adminPort: 0, adminHost: '127.0.0.1', exposeErrorDetails: options.exposeErrorDetails ?? true }, logger);
    const { config, gateway } = await setUpGateway({
      config: options.config,
      secretsDir: dir,
      env: { AWS_ENDPOINT_URL: options.aws.url, AWS_REGION: 'us-east-1', ...options.env },
      logger,
      credentialCache: options.credentialCache ?? new CredentialCache(),
      metrics: operations.metrics,
      gatewayOptions: operations.gatewayOptions,
    });
    operations.adopt(gateway, config, options.config);
    const server = await serveApp(gateway.app, { port: 0, host: '127.0.0.1' });
    operations.readiness.markListening();
    const admin = (await operations.startAdmin())!;
    return {
      url: server.url,
      gateway,
      server,
      logs,
      config,
      adminUrl: admin.url,
      operations,
      close: async () => {
        operations.readiness.startDraining();
        await server.close(2_000);
        await admin.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
