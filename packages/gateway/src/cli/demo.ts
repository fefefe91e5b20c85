import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeLogger } from '../adapters/node/node-logger.ts';
import { HELP_OPTION, parseCommandArgs, parsePort } from './args.ts';
import { projectServiceAccountToken } from './demo-web-identity.ts';
import { importLocalAws } from './optional-local-aws.ts';
import type { LocalAws } from '@lambda-gateway/local-aws';
import { logProcessWarnings } from './process-warnings.ts';
import { untilSignal } from './signals.ts';
import { startGateway } from './serve.ts';
import { COMMAND_HELP } from './usage.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
/** The demo's two-account AWS: both of the guide's setups. */
const DEMO_SCENARIO = join(REPO_ROOT, 'scripts/demo/scenario.yaml');
/** The IRSA route: it needs the web identity set up below, so it is not in routes/ (which `npm run dev` serves too). */
const IRSA_ROUTES = join(REPO_ROOT, 'scripts/demo/irsa-echo.yaml');
/** `/stream` (server-sent events, ResponseStream) and `/url` (a Function URL backend): they need the local AWS too. */
const STREAMING_ROUTES = join(REPO_ROOT, 'scripts/demo/streaming.yaml');
/** The user in the authentication account whose keys go into the `aws-creds` secret. */
const DEMO_ACCOUNT = '111111111111';
const DEMO_USER = 'gateway';
/** IRSA: the role annotated on the gateway's service account, and that service account (role-1.json's `sub`). */
const IRSA_ROLE_ARN = `arn:aws:iam::${DEMO_ACCOUNT}:role/lambda-auth-role`;
const IRSA_SERVICE_ACCOUNT = 'system:serviceaccount:gloo-system:http';
const INVOKE_ROLE_ARN = 'arn:aws:iam::222222222222:role/lambda-invoke-role';
/** Credentials the user's shell may hold: the demo must use only its own. */
const AMBIENT_CREDENTIAL_VARIABLES =
  /^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|PROFILE|ROLE_ARN|ROLE_SESSION_NAME|WEB_IDENTITY_TOKEN_FILE|CONTAINER_.*|SHARED_CREDENTIALS_FILE|CONFIG_FILE)$/;

/**
 * What the demo uses of `@lambda-gateway/local-aws`, narrowly typed: the scenario's full
 * schema type is too deep to instantiate through the package's declarations.
 */
interface DemoScenario {
  accounts: Record<string, { users?: Record<string, { accessKeys?: { accessKeyId: string; secretAccessKey: string }[] }> }>;
}
interface LocalAwsModule {
  loadScenario(path: string): Promise<DemoScenario>;
  startLocalAws(options: { scenario: DemoScenario; port: number }): Promise<LocalAws>;
}

/** A running demo: the local AWS, the gateway, and what to tell the user. */
export interface RunningDemo {
  awsUrl: string;
  gatewayUrl: string;
  /** The lines `npm start` prints. */
  summary: string;
  close(): Promise<void>;
}

/**
 * The local AWS with the guide's two accounts, and the gateway on `routes/`
 * plus the IRSA route, with both of the guide's credential setups: the
 * `aws-creds` secret written where `--secrets-dir` expects it (resource-based,
 * `/echo`), and a web identity token file with `AWS_ROLE_ARN`, as the EKS pod
 * identity webhook sets them (IRSA role chain, `/irsa/echo`).
 */
export async function startDemo(options: { port: number; awsPort: number }): Promise<RunningDemo> {
  const { loadScenario, startLocalAws } = await importLocalAws<LocalAwsModule>('@lambda-gateway/local-aws');
  const scenario = await loadScenario(DEMO_SCENARIO);
  const key = scenario.accounts[DEMO_ACCOUNT]?.users?.[DEMO_USER]?.accessKeys?.[0];
  if (!key) throw new Error(`${DEMO_SCENARIO}: user ${DEMO_USER} in account ${DEMO_ACCOUNT} has no access key`);

  const localAws = await startLocalAws({ scenario, port: options.awsPort });
  const secretsDir = await mkdtemp(join(tmpdir(), 'lambda-gateway-demo-'));
  await mkdir(join(secretsDir, 'aws-creds'));
  // The same three keys as the guide's `aws-creds` Secret, mounted as files.
  await writeFile(join(secretsDir, 'aws-creds', 'accessKey'), key.accessKeyId);
  await writeFile(join(secretsDir, 'aws-creds', 'secretKey'), key.secretAccessKey);
  await writeFile(join(secretsDir, 'aws-creds', 'sessionToken'), '');

  // IRSA: the kubelet's projected token and the webhook's environment variables.
  const irsaDir = await mkdtemp(join(tmpdir(), 'lambda-gateway-demo-irsa-'));
  const irsaToken = await projectServiceAccountToken(localAws, join(irsaDir, 'eks.amazonaws.com', 'serviceaccount'), IRSA_SERVICE_ACCOUNT);
  const env: Record<string, string | undefined> = Object.fromEntries(Object.entries(process.env).filter(([name]) => !AMBIENT_CREDENTIAL_VARIABLES.test(name)));
  Object.assign(env, {
    AWS_ENDPOINT_URL_LAMBDA: localAws.url,
    AWS_ENDPOINT_URL_STS: localAws.url,
    AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
    AWS_ROLE_ARN: IRSA_ROLE_ARN,
    AWS_WEB_IDENTITY_TOKEN_FILE: irsaToken.path,
    DEMO_FUNCTION_URL: localAws.functionUrl('hello-url'),
  });
  const gateway = await startGateway({
    config: [join(REPO_ROOT, 'routes'), IRSA_ROUTES, STREAMING_ROUTES],
    port: options.port,
    host: '127.0.0.1',
    secretsDir,
    env,
    // Access logs on: one JSON line per request, as serve writes them.
    logLevel: 'info',
    // A demo: error bodies name the failing role, secret or function message (serve redacts them by default).
    exposeErrorDetails: true,
    // A free port: a second demo, or a gateway already on 9901, must not stop this one.
    adminPort: 0,
  });
  const origin = gateway.url.replace('127.0.0.1', 'localhost');

  const summary = `
lambda-gateway demo
  local AWS (Lambda, STS, OIDC issuer; accounts ${Object.keys(scenario.accounts).join(' and ')}): ${localAws.url}
  gateway: ${gateway.url} (${gateway.routes} routes: routes/, scripts/demo/irsa-echo.yaml and scripts/demo/streaming.yaml)
  resource-based setup (/echo): secret aws-creds = keys of arn:aws:iam::${DEMO_ACCOUNT}:user/${DEMO_USER}, mounted at ${join(secretsDir, 'aws-creds')}/
  IRSA role chain (/irsa/echo): AWS_ROLE_ARN=${IRSA_ROLE_ARN}
    AWS_WEB_IDENTITY_TOKEN_FILE=${irsaToken.path} (service account gloo-system/http, rotated like the kubelet does)
    then sts:AssumeRole into ${INVOKE_ROLE_ARN}

Try the guide's request (function echo in account 222222222222, invoked cross-account):
  curl ${origin}/echo -d '{"key1":"value1", "key2":"value2"}' -X POST
The same function through the IRSA role chain:
  curl ${origin}/irsa/echo -d '{"key1":"value1", "key2":"value2"}' -X POST
  curl ${origin}/readyz
Response streaming (server-sent events, one every 500 ms) and a Function URL backend:
  curl -N ${origin}/stream
  curl ${origin}/url/hello
Admin port (metrics, readiness details, resolved config, credential status): ${gateway.admin?.url}
  curl ${gateway.admin?.url}/metrics
Error bodies carry full details in this demo (--expose-error-details); serve redacts them by default.

Ctrl-C stops everything.`;

  return {
    awsUrl: localAws.url,
    gatewayUrl: gateway.url,
    summary,
    async close() {
      irsaToken.stop();
      await gateway.close();
      await localAws.close();
      await rm(secretsDir, { recursive: true, force: true });
      await rm(irsaDir, { recursive: true, force: true });
    },
  };
}

/** `npm start`: startDemo on port 8080 (`--port`, `PORT`), until Ctrl-C. */
export async function runDemo(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, { port: { type: 'string', short: 'p' }, 'aws-port': { type: 'string' }, ...HELP_OPTION });
  if (values.help) {
    console.log(COMMAND_HELP.demo);
    return 0;
  }
  // As in `serve`: a process warning (the AWS SDK's Node-version notice on Node 20) is a JSON log line, not stderr text.
  logProcessWarnings(createNodeLogger({ level: 'warn' }));
  const demo = await startDemo({ port: parsePort(values.port ?? process.env.PORT, 8080), awsPort: parsePort(values['aws-port'], 0, '--aws-port') });
  console.log(demo.summary);
  await untilSignal();
  await demo.close();
  return 0;
}
