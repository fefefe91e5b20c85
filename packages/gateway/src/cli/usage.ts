/** The CLI's help texts: the overview, and each command's options (`lambda-gateway <command> --help`). */

/** Commands whose help is here; `local-aws` prints its own (@lambda-gateway/local-aws). */
export type DocumentedCommand = 'serve' | 'check' | 'demo' | 'help';

const EXIT_CODES = 'Exit codes: 0 ok, 1 runtime failure, 2 bad usage or bad configuration.';

export const USAGE = `Usage: lambda-gateway <command> [options]

Commands:
  serve --config PATH [--config PATH…] [--port PORT] [--host 0.0.0.0] [--secrets-dir DIR] [--log-level info]
        [--admin-port 9901] [--no-metrics] [--expose-error-details] [--tls-cert FILE --tls-key FILE] (more: serve --help)
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
  demo  [--port 8080] [--aws-port PORT]
        Start the local AWS with two accounts and the gateway on routes/ (what \`npm start\` runs).
  help  [COMMAND]
        Show this text, or a command's options.

lambda-gateway <command> --help shows a command's options; lambda-gateway --version its version.

${EXIT_CODES}`;

export const COMMAND_HELP: Record<DocumentedCommand, string> = {
  serve: `Usage: lambda-gateway serve --config PATH [--config PATH…] [options]

Serves the gateway until SIGINT or SIGTERM. PATH is a YAML/JSON file or a
directory of them: native config and Kubernetes manifests (kgateway Backend,
HTTPRoute, Gloo Edge Upstream and VirtualService, Secret, Gateway), with
\${NAME} expanded from the environment. Logs are JSON lines on stdout.

Options:
  -c, --config PATH        configuration file or directory (required; repeatable)
  -p, --port PORT          port to listen on (default: PORT, else a Gateway manifest's
                           HTTP listener port, else 8080; 0 picks a free one). Gateway
                           listeners on several ports: each is served, --port refused
      --host HOST          address to listen on (default 0.0.0.0)
      --secrets-dir DIR    mounted secrets (default: LAMBDA_GATEWAY_SECRETS_DIR, else
                           /etc/lambda-gateway/secrets)
      --log-level LEVEL    debug, info, warn, error or silent (default: LOG_LEVEL, else info)
      --admin-port PORT    admin listener: /metrics, /readyz and /healthz with details,
                           /config, /status/credentials (default 9901; 0 picks a free one)
      --admin-host HOST    admin listener address (default 127.0.0.1)
      --no-admin           no admin listener
      --no-metrics         keep no Prometheus metrics (/metrics answers 404)
      --expose-error-details
                           error bodies with details (roles, sources, AWS and function
                           messages) for every backend: development only
      --require-all-backends
                           not ready while any backend's credentials fail (default: ready
                           once listening; such a backend's routes answer 503)
      --healthz-path PATH  traffic port liveness path (default /healthz; none: leave it to routes)
      --readyz-path PATH   traffic port readiness path (default /readyz; none: leave it to routes)
      --allow-empty        start with 0 routes (else an invalid configuration, exit 2)
      --drain-delay D      keep serving after SIGTERM, readiness failing (default 5s)
      --shutdown-timeout D everything ends within this after SIGTERM (default 25s)
      --headers-timeout D  request headers complete within (default 10s)
      --request-timeout D  whole request within (default 300s)
      --min-body-rate N    minimum body bytes/s (default 1024) after --body-rate-grace (default 10s)
      --keep-alive-timeout D  idle keep-alive connections close after (default 65s)
      --max-requests-per-connection N  (default 1000; 0: no limit)
      --max-connections N  open connections; more get a 503 (default 10000)
      --max-header-size S  request headers size (default 16KiB; Envoy's is 60KiB)
      --max-headers N      request header count (default 100)
      --max-in-flight N    requests handled at once; more get a 503 (default: from memory)
      --tls-cert FILE      serve HTTPS (HTTP/2 by ALPN, HTTP/1.1 accepted) with this PEM
      --tls-key FILE       certificate chain and key; both re-read when the files change
                           (default: a Gateway manifest's lone HTTPS listener's TLS Secret)
  -h, --help               show this text

Durations: 500ms, 5s, 1m or seconds. Sizes: 16KiB, 1MiB or bytes.

${EXIT_CODES}`,

  check: `Usage: lambda-gateway check --config PATH [--config PATH…] [options]

Validates the configuration through the same loading path as serve, without
serving, and prints the resolved route table (match, backend, function ARN,
qualifier, invocation, payload mode, auth), warnings and ignored manifests.

Options:
  -c, --config PATH        configuration file or directory (required; repeatable)
  -o, --output FORMAT      text (default) or json
      --secrets-dir DIR    mounted secrets, to report the ones missing (default:
                           LAMBDA_GATEWAY_SECRETS_DIR, else /etc/lambda-gateway/secrets)
      --allow-empty        accept a configuration with 0 routes
  -h, --help               show this text

Exit codes: 0 valid, 1 runtime failure, 2 bad usage or invalid configuration.`,

  demo: `Usage: lambda-gateway demo [options]

Starts the local AWS with two accounts and the gateway on routes/ (what
\`npm start\` runs), with both of the guide's credential setups, until Ctrl-C.
Needs the development dependency @lambda-gateway/local-aws.

Options:
  -p, --port PORT          gateway port (default: PORT, else 8080)
      --aws-port PORT      local AWS port (default: a free one)
  -h, --help               show this text

${EXIT_CODES}`,

  help: `Usage: lambda-gateway help [COMMAND]

Shows the commands, or the options of COMMAND (serve, check, local-aws, demo, help).`,
};

export function isDocumentedCommand(name: string | undefined): name is DocumentedCommand {
  return name !== undefined && Object.hasOwn(COMMAND_HELP, name);
}

/** The help to print after a usage error in `command`: that command's, else the overview. */
export function usageFor(command: string | undefined): string {
  return isDocumentedCommand(command) ? COMMAND_HELP[command] : USAGE;
}
