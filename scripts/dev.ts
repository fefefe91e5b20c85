/**
 * `npm run dev`: the gateway as a worker in miniflare on :8787 (PORT or --port
 * changes it), with the routes from routes/ bundled and, unless .dev.vars holds
 * credentials, the local AWS started and wired in. Ctrl-C stops everything.
 *
 *   npm run dev [-- --port 8787] [--config routes/] [--local-aws]
 */
import { parseArgs } from 'node:util';
import { ConfigError } from 'lambda-gateway';
import { startDevServer } from '../packages/worker-dev/src/dev-server.ts';

/** Resolves on the first Ctrl-C (SIGINT) or SIGTERM; a second one, while closing, ends the process as usual. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { port: { type: 'string', short: 'p' }, config: { type: 'string', multiple: true, short: 'c' }, 'local-aws': { type: 'boolean' } },
    strict: true,
  });
  if (values.port !== undefined && !/^\d+$/.test(values.port)) throw new Error(`--port: "${values.port}" is not a port number`);
  const dev = await startDevServer({
    port: values.port === undefined ? undefined : Number(values.port),
    config: values.config,
    localAws: values['local-aws'] ? true : undefined,
  });
  const irsa = dev.configSources.some((source) => source.endsWith('irsa-echo.yaml'));
  const aws = dev.localAws
    ? [
        `local AWS (Lambda, STS, OIDC issuer; demo accounts 111111111111 and 222222222222): ${dev.localAws.url}`,
        '  resource-based setup (/echo): secret aws-creds = bindings SECRET_AWS_CREDS_* (keys of arn:aws:iam::111111111111:user/gateway)',
        ...(irsa
          ? [
              '  IRSA role chain (/irsa/echo): AWS_ROLE_ARN=arn:aws:iam::111111111111:role/lambda-auth-role, the token in the AWS_WEB_IDENTITY_TOKEN binding,',
              '    then sts:AssumeRole into arn:aws:iam::222222222222:role/lambda-invoke-role',
            ]
          : []),
      ].join('\n  ')
    : 'AWS: real (credentials from .dev.vars)';
  console.log(`
lambda-gateway dev (worker in miniflare, settings from wrangler.toml)
  worker: ${dev.url} (bundle ${dev.bundle}; config ${dev.configSources.join(', ')})
  ${aws}
  bindings: ${dev.bindingNames.join(', ')}

Try the guide's request:
  curl localhost:${dev.port}/echo -d '{"key1":"value1", "key2":"value2"}' -X POST${irsa ? `\nThe same function through the IRSA role chain:\n  curl localhost:${dev.port}/irsa/echo -d '{"key1":"value1", "key2":"value2"}' -X POST` : ''}

Ctrl-C stops everything.`);
  await untilStopped();
  await dev.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(`lambda-gateway dev: invalid configuration: ${error.message}`);
      process.exitCode = 2;
    } else {
      console.error(`lambda-gateway dev: ${(error as Error).message ?? String(error)}`);
      process.exitCode = 1;
    }
  },
);
