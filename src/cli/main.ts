import { ConfigError } from '../validation/index.ts';
import { UsageError } from './args.ts';
import { runCheck } from './check.ts';
import { runDemo } from './demo.ts';
import { runLocalAws } from './local-aws.ts';
import { runServe } from './serve.ts';

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
    switch (command) {
      case 'serve':
        return await runServe(rest);
      case 'check':
        return await runCheck(rest);
      case 'local-aws':
        return await runLocalAws(rest);
      case 'demo':
        return await runDemo(rest);
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
