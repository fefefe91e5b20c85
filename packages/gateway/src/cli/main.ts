import { ConfigError } from '../validation/index.ts';
import { UsageError } from './args.ts';

const USAGE = `Usage: lambda-gateway <command> [options]

Commands:
  serve --config PATH [--config PATH…] [--port PORT] [--host 0.0.0.0] [--secrets-dir DIR] [--log-level info]
        Serve the gateway. PATH is a YAML/JSON file or a directory of them: native config
        and Kubernetes manifests (kgateway Backend, HTTPRoute, Gloo Edge Upstream and
        VirtualService, Secret, Gateway), with \${NAME} expanded from the environment.
        Without --port: PORT, else a Gateway manifest's HTTP listener port, else 8080.
  check --config PATH [--config PATH…] [--output text|json] [--secrets-dir DIR]
        Validate the configuration without serving and print the resolved route table
        (match, backend, function ARN, qualifier, invocation, payload mode, auth),
        warnings and ignored manifests. Exit code 0 when valid, 2 when not.
  local-aws --config SCENARIO [--port 4566] [--host 127.0.0.1]
        Run the local AWS (Lambda Invoke + STS) described by a scenario file.
  demo  [--port 8080]
        Start the local AWS with two accounts and the gateway on routes/ (what \`npm start\` runs).
  help  Show this text.

Exit codes: 0 ok, 1 runtime failure, 2 bad usage or bad configuration.`;

/**
 * CLI entry. Returns the exit code; long-running commands resolve only when
 * they stop (SIGINT/SIGTERM).
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
        return await (await import('./local-aws.ts')).runLocalAws(rest);
      case 'demo':
        return await (await import('./demo.ts')).runDemo(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`lambda-gateway: ${error.message}\n\n${USAGE}`);
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
