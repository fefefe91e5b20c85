import { parseArgs } from 'node:util';
import { startLocalAws } from './server.ts';

const USAGE = `Usage: lambda-gateway-local-aws --config SCENARIO [--port 4566] [--host 127.0.0.1] [--quiet] [--uncapped-streams]

Runs the local AWS (Lambda Invoke + STS, SigV4 verified, IAM policies, several
accounts) described by a YAML or JSON scenario file, until SIGINT or SIGTERM.

Options:
  -c, --config SCENARIO  the scenario file (required)
  -p, --port PORT        port to listen on (default 4566; 0 picks a free one)
      --host HOST        address to listen on (default 127.0.0.1)
  -q, --quiet            no JSON log line per call
      --uncapped-streams streamed responses without Lambda's bandwidth cap
                         (by default, past the first 6 MB: at most 2 MB/s)
  -h, --help             show this text`;

/** `lambda-gateway-local-aws` (also `lambda-gateway local-aws`). Returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let values: { config?: string; port?: string; host?: string; quiet?: boolean; 'uncapped-streams'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        config: { type: 'string', short: 'c' },
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        'uncapped-streams': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`local-aws: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.config) {
    console.error(`local-aws: --config SCENARIO is required (a YAML or JSON scenario file)\n\n${USAGE}`);
    return 2;
  }
  const port = values.port === undefined ? 4566 : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '4566') || port > 65535) {
    console.error(`local-aws: --port: "${values.port}" is not a port number`);
    return 2;
  }
  let localAws: Awaited<ReturnType<typeof startLocalAws>>;
  try {
    localAws = await startLocalAws({
      scenario: values.config,
      port,
      host: values.host ?? '127.0.0.1',
      ...(values['uncapped-streams'] ? { streaming: { cappedBytesPerSecond: Number.POSITIVE_INFINITY } } : {}),
      log: values.quiet ? undefined : (entry) => process.stdout.write(`${JSON.stringify({ component: 'local-aws', ...entry })}\n`),
    });
  } catch (error) {
    console.error(`local-aws: ${(error as Error).message}`);
    return 2;
  }
  console.log(`local AWS (Lambda + STS) listening on ${localAws.url}`);
  console.log(`  export AWS_ENDPOINT_URL=${localAws.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await localAws.close();
  return 0;
}
