import { startLocalAws } from '../../../local-aws/src/index.ts';
import { UsageError, parseCommandArgs, parsePort } from './args.ts';
import { untilSignal } from './signals.ts';

/** `lambda-gateway local-aws --config SCENARIO`: the offline AWS on its own. */
export async function runLocalAws(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    config: { type: 'string', short: 'c' },
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (!values.config) throw new UsageError('local-aws needs --config SCENARIO (a YAML or JSON scenario file)');
  const localAws = await startLocalAws({
    scenario: values.config,
    port: parsePort(values.port, 4566),
    host: values.host ?? '127.0.0.1',
    log: values.quiet ? undefined : (entry) => process.stdout.write(`${JSON.stringify({ component: 'local-aws', ...entry })}\n`),
  });
  console.log(`local AWS (Lambda + STS) listening on ${localAws.url}`);
  console.log(`  export AWS_ENDPOINT_URL=${localAws.url}`);
  await untilSignal();
  await localAws.close();
  return 0;
}
