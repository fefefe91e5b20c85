import { join, resolve } from 'node:path';
import { loadScenario, startLocalAws, type LocalAws } from '@lambda-gateway/local-aws';
import { silentLogger } from 'lambda-gateway';
import { buildWorkerGateway, secretBindings } from 'lambda-gateway/worker';
import { REPO_ROOT, buildWorker } from './build-worker.ts';
import { readDevVars } from './dev-vars.ts';
import { startWorker, type RunningWorker } from './start-worker.ts';
import { WRANGLER_DEFAULT_PORT, readWranglerConfig, wranglerVars } from './wrangler-config.ts';

/** The demo's two-account AWS (as `npm start`): the guide's resource-based setup. */
const DEMO_SCENARIO = 'scripts/demo/scenario.yaml';
/** The user in the authentication account whose keys become the `aws-creds` secret bindings. */
const DEMO_ACCOUNT = '111111111111';
const DEMO_USER = 'gateway';
const DEMO_SECRET = 'aws-creds';
/** The demo's IRSA route (as `npm start` serves it): role chaining on a web identity, which the local AWS mints. */
const DEMO_IRSA_ROUTES = 'scripts/demo/irsa-echo.yaml';
const DEMO_IRSA_ROLE_ARN = `arn:aws:iam::${DEMO_ACCOUNT}:role/lambda-auth-role`;
const DEMO_IRSA_SERVICE_ACCOUNT = 'system:serviceaccount:gloo-system:http';
/**
 * The worker's token binding is fixed for its life (no kubelet rewrites it),
 * so the dev token lives a day rather than the demo file's hour.
 */
const DEV_TOKEN_LIFETIME_SECONDS = 24 * 3600;

/** Bindings that mean "real AWS credentials are configured": then dev does not start the local AWS. */
const CREDENTIAL_BINDING = /^(AWS_ACCESS_KEY_ID|AWS_WEB_IDENTITY_TOKEN|SECRET_\w+_ACCESS_KEY)$/;

export interface DevServerOptions {
  /** Repository root holding wrangler.toml, .dev.vars and routes/. */
  root?: string;
  /** Port of the worker; default PORT, else wrangler.toml `[dev] port`, else 8787. 0 picks one. */
  port?: number | undefined;
  /** Config paths bundled into the worker (default `routes/`, plus the demo's IRSA route with the local AWS). */
  config?: string[] | undefined;
  /** Start the local AWS: default when `.dev.vars` holds no credentials. */
  localAws?: boolean | undefined;
  /** Worker output (its JSON log lines). Default: this process's stdout/stderr. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export interface DevServer {
  url: string;
  port: number;
  worker: RunningWorker;
  localAws: LocalAws | undefined;
  /** Binding names given to the worker (values are not shown: some are secrets). */
  bindingNames: string[];
  /** Config files bundled into the worker. */
  configSources: string[];
  /** The wrangler.toml `main` the bundle was written to. */
  bundle: string;
  close(): Promise<void>;
}

/**
 * `npm run dev`: what `wrangler dev` does, on Node 20 with miniflare from npm.
 * Reads wrangler.toml (main, compatibility date and flags, `[vars]`, `[dev]`
 * port) and `.dev.vars`, bundles the worker with the route files, starts the
 * local AWS unless real credentials are configured (its endpoint and the demo
 * `aws-creds` keys then become bindings), checks the configuration on Node
 * with the worker's own code, and serves the worker in miniflare.
 * Throws ConfigError for a bad wrangler.toml, .dev.vars or gateway config.
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const root = options.root ?? REPO_ROOT;
  const wrangler = await readWranglerConfig(join(root, 'wrangler.toml'));
  const devVars = await readDevVars(join(root, '.dev.vars'));
  const useLocalAws = options.localAws ?? !Object.keys(devVars).some((name) => CREDENTIAL_BINDING.test(name) && devVars[name] !== '');
  // With the local AWS and no explicit config, the demo's IRSA route too, as `npm start` serves it.
  const withIrsa = useLocalAws && options.config === undefined;
  const config = options.config ?? (withIrsa ? ['routes', DEMO_IRSA_ROUTES] : ['routes']);
  const built = await buildWorker({ root, config, outfile: wrangler.main });

  let localAws: LocalAws | undefined;
  try {
    const localBindings: Record<string, string> = {};
    if (useLocalAws) {
      const scenario = await loadScenario(resolve(root, DEMO_SCENARIO));
      const key = scenario.accounts[DEMO_ACCOUNT]?.users?.[DEMO_USER]?.accessKeys?.[0];
      if (!key) throw new Error(`${DEMO_SCENARIO}: user ${DEMO_USER} in account ${DEMO_ACCOUNT} has no access key`);
      localAws = await startLocalAws({ scenario, port: 0 });
      // Every AWS endpoint at the local AWS (the specific ones too: [vars] may set them),
      // and the guide's aws-creds Secret as the worker reads secrets: bindings.
      Object.assign(localBindings, {
        AWS_ENDPOINT_URL: localAws.url,
        AWS_ENDPOINT_URL_LAMBDA: localAws.url,
        AWS_ENDPOINT_URL_STS: localAws.url,
        ...secretBindings(DEMO_SECRET, { accessKey: key.accessKeyId, secretKey: key.secretAccessKey }),
      });
      if (withIrsa) {
        // IRSA in a worker: the service account's token itself in a binding (no token file).
        const token = await localAws.mintWebIdentityToken({ sub: DEMO_IRSA_SERVICE_ACCOUNT, expiresInSeconds: DEV_TOKEN_LIFETIME_SECONDS });
        Object.assign(localBindings, { AWS_ROLE_ARN: DEMO_IRSA_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN: token });
      }
    }
    const bindings = { ...wranglerVars(wrangler), ...devVars, ...localBindings };

    // Same code, same texts, same bindings as the worker's start-up: a bad
    // configuration is reported here with its message before miniflare starts.
    buildWorkerGateway({ configFiles: built.configFiles, env: bindings, logger: silentLogger });
    const worker = await startWorker({
      script: built.code,
      scriptPath: wrangler.main,
      name: wrangler.name,
      compatibilityDate: wrangler.compatibility_date,
      compatibilityFlags: wrangler.compatibility_flags,
      bindings,
      port: options.port ?? envPort() ?? wrangler.dev.port ?? WRANGLER_DEFAULT_PORT,
      host: wrangler.dev.ip ?? '127.0.0.1',
      ...(options.onLine ? { onLine: options.onLine } : {}),
    });
    const aws = localAws;
    return {
      url: worker.url,
      port: worker.port,
      worker,
      localAws: aws,
      bindingNames: Object.keys(bindings).sort(),
      configSources: built.configFiles.map((file) => file.source),
      bundle: wrangler.main,
      close: async () => {
        await worker.close();
        await aws?.close();
      },
    };
  } catch (error) {
    await localAws?.close();
    throw error;
  }
}

function envPort(): number | undefined {
  const value = process.env.PORT;
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new Error(`PORT: "${value}" is not a port number`);
  return Number(value);
}
