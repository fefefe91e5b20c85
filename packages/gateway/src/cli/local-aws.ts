import { importLocalAws } from './optional-local-aws.ts';

/**
 * `lambda-gateway local-aws …`: the offline AWS of `@lambda-gateway/local-aws`
 * (a development dependency), with that package's own flags.
 */
export async function runLocalAws(argv: string[]): Promise<number> {
  const { main } = await importLocalAws<typeof import('@lambda-gateway/local-aws/cli')>('@lambda-gateway/local-aws/cli');
  return main(argv);
}
