import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, startLocalAws } from '../local-aws/index.ts';
import { parseCommandArgs, parsePort } from './args.ts';
import { untilSignal } from './signals.ts';
import { startGateway } from './serve.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The demo's two-account AWS: the guide's resource-based setup. */
const DEMO_SCENARIO = join(REPO_ROOT, 'scripts/demo/scenario.yaml');
/** The user in the authentication account whose keys go into the `aws-creds` secret. */
const DEMO_ACCOUNT = '111111111111';
const DEMO_USER = 'gateway';

/**
 * `npm start`: the local AWS with the guide's two accounts, the `aws-creds`
 * secret written where `--secrets-dir` expects it, and the gateway on `routes/`.
 */
export async function runDemo(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, { port: { type: 'string', short: 'p' }, 'aws-port': { type: 'string' } });
  const port = parsePort(values.port ?? process.env.PORT, 8080);
  const scenario = await loadScenario(DEMO_SCENARIO);
  const key = scenario.accounts[DEMO_ACCOUNT]?.users?.[DEMO_USER]?.accessKeys?.[0];
  if (!key) throw new Error(`${DEMO_SCENARIO}: user ${DEMO_USER} in account ${DEMO_ACCOUNT} has no access key`);

  const localAws = await startLocalAws({ scenario, port: parsePort(values['aws-port'], 0, '--aws-port') });
  const secretsDir = await mkdtemp(join(tmpdir(), 'lambda-gateway-demo-'));
  await mkdir(join(secretsDir, 'aws-creds'));
  // The same three keys as the guide's `aws-creds` Secret, mounted as files.
  await writeFile(join(secretsDir, 'aws-creds', 'accessKey'), key.accessKeyId);
  await writeFile(join(secretsDir, 'aws-creds', 'secretKey'), key.secretAccessKey);
  await writeFile(join(secretsDir, 'aws-creds', 'sessionToken'), '');

  const env = { ...process.env, AWS_ENDPOINT_URL_LAMBDA: localAws.url, AWS_ENDPOINT_URL_STS: localAws.url, AWS_REGION: process.env.AWS_REGION ?? 'us-east-1' };
  const gateway = await startGateway({ config: [join(REPO_ROOT, 'routes')], port, host: '127.0.0.1', secretsDir, env, logLevel: 'warn' });

  console.log(`
lambda-gateway demo
  local AWS (Lambda + STS, accounts ${Object.keys(scenario.accounts).join(' and ')}): ${localAws.url}
  gateway: ${gateway.url} (${gateway.routes} routes from routes/)
  secret aws-creds: keys of arn:aws:iam::${DEMO_ACCOUNT}:user/${DEMO_USER}, mounted at ${join(secretsDir, 'aws-creds')}/

Try the guide's request (function echo in account 222222222222, invoked cross-account):
  curl localhost:${port}/echo -d '{"key1":"value1", "key2":"value2"}' -X POST

Ctrl-C stops everything.`);
  await untilSignal();
  await gateway.close();
  await localAws.close();
  await rm(secretsDir, { recursive: true, force: true });
  return 0;
}
