import { ConfigError } from '../validation/index.ts';
import { UsageError } from './args.ts';
import { COMMAND_HELP, isDocumentedCommand, USAGE, usageFor } from './usage.ts';

/**
 * CLI entry. Returns the exit code; long-running commands resolve only when
 * they stop (SIGINT/SIGTERM). Everything it prints itself (help, usage,
 * configuration errors before serving starts) is text; the gateway's logs are
 * JSON lines.
 */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    // Each command's module is loaded only when it runs: `serve` then never loads the
    // local AWS (jose, the SDK's SigV4 verifier) that only `demo` and `local-aws` need,
    // which keeps the long-running gateway's resident memory down.
    switch (command) {
      case 'serve':
        return await (await import('./serve.ts')).runServe(rest);
      case 'check':
        return await (await import('./check.ts')).runCheck(rest);
      case 'local-aws':
        // Its flags, --help included, are the local AWS's own.
        return await (await import('./local-aws.ts')).runLocalAws(rest);
      case 'demo':
        return await (await import('./demo.ts')).runDemo(rest);
      case 'help':
        return await runHelp(rest);
      case '--help':
      case '-h':
        console.log(USAGE);
        return 0;
      case '--version':
        console.log(await (await import('./version.ts')).gatewayVersion());
        return 0;
      case undefined:
        console.log(USAGE);
        return 2;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`lambda-gateway: ${error.message}\n\n${usageFor(command)}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      console.error(`lambda-gateway: invalid configuration: ${error.message}`);
      return 2;
    }
    console.error(`lambda-gateway: ${(error as Error).message ?? String(error)}`);
    return 1;
  }
}

/** `lambda-gateway help [COMMAND]`. */
async function runHelp(argv: string[]): Promise<number> {
  const [topic, ...extra] = argv;
  if (extra.length > 0) throw new UsageError(`help takes one command, not "${argv.join(' ')}"`);
  if (topic === undefined || topic === '--help' || topic === '-h') {
    console.log(topic === undefined ? USAGE : COMMAND_HELP.help);
    return 0;
  }
  if (topic === 'local-aws') return (await import('./local-aws.ts')).runLocalAws(['--help']);
  if (!isDocumentedCommand(topic)) throw new UsageError(`help: unknown command "${topic}"`);
  console.log(COMMAND_HELP[topic]);
  return 0;
}
