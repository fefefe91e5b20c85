import { isLogLevel, LOG_LEVELS, type LogLevel, type Logger } from '../logging/index.ts';
import { createNodeLogger, logLevelFromEnv } from '../adapters/node/node-logger.ts';
import { serveApp, type RunningServer } from '../adapters/node/serve.ts';
import { tlsOptionsFor, type ServeTls } from './serve-tls.ts';
import { HELP_OPTION, UsageError, parseCommandArgs, parsePort } from './args.ts';
import { setUpGateway } from './gateway-setup.ts';
import { logProcessWarnings } from './process-warnings.ts';
import { untilSignal } from './signals.ts';
import { COMMAND_HELP } from './usage.ts';

/** Where `serve` listens without `--port`, `PORT` or a Gateway manifest's HTTP listener. */
const FALLBACK_PORT = 8080;

export interface StartGatewayOptions {
  config: string[];
  /** Default: the port of a Gateway manifest's HTTP listener, else 8080. */
  port?: number | undefined;
  host: string;
  secretsDir?: string | undefined;
  logLevel?: LogLevel | undefined;
  /** Default: the Node platform's (JSON lines on stdout at `logLevel`). */
  logger?: Logger | undefined;
  env?: Record<string, string | undefined>;
  /** HTTPS with these PEM files (`--tls-cert`/`--tls-key`); default: a Gateway manifest's HTTPS listener, else plain HTTP. */
  tls?: ServeTls | undefined;
}

/** Loads config, builds the gateway and starts serving it. Used by `serve` and `demo`. */
export async function startGateway(options: StartGatewayOptions): Promise<RunningServer & { routes: number }> {
  const { config, platform, gateway } = await setUpGateway(options);
  // Obtain every backend's credentials now (STS round trips included), in the background, so the
  // first request finds them cached. Failures are logged by the providers and retried on use.
  for (const backend of gateway.backends) backend.credentials.getCredentials().catch(() => undefined);
  for (const warning of config.warnings) platform.logger.warn('config warning', { warning });
  if (config.ignored.length > 0) platform.logger.info('ignored manifests (kinds lambda-gateway does not act on)', { ignored: config.ignored });
  const tls = tlsOptionsFor(options.tls, config, options.secretsDir, platform.logger, options.env);
  const server = await serveApp(gateway.app, { port: options.port ?? config.defaultPort ?? FALLBACK_PORT, host: options.host, tls });
  platform.logger.info('gateway listening', { url: server.url, routes: gateway.table.length, backends: gateway.backends.length });
  return { ...server, routes: gateway.table.length };
}

/** `lambda-gateway serve`. */
export async function runServe(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    config: { type: 'string', multiple: true, short: 'c' },
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    'secrets-dir': { type: 'string' },
    'log-level': { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    ...HELP_OPTION,
  });
  if (values.help) {
    console.log(COMMAND_HELP.serve);
    return 0;
  }
  if (!values.config || values.config.length === 0) throw new UsageError('serve needs --config FILE (or a directory)');
  const flagLevel = values['log-level'];
  if (flagLevel !== undefined && !isLogLevel(flagLevel)) throw new UsageError(`--log-level: must be one of ${LOG_LEVELS.join(', ')}`);
  const tlsCert = values['tls-cert'];
  const tlsKey = values['tls-key'];
  if ((tlsCert === undefined) !== (tlsKey === undefined))
    throw new UsageError('--tls-cert and --tls-key go together (PEM certificate chain and its private key)');
  const port = values.port ?? process.env.PORT;
  const parsedPort = port === undefined ? undefined : parsePort(port, FALLBACK_PORT);
  // An unknown LOG_LEVEL is a configuration error (exit 2), as in the worker.
  const logger = createNodeLogger({ level: flagLevel ?? logLevelFromEnv(process.env.LOG_LEVEL) });
  // Before anything loads the AWS SDK, whose warning on Node 20 would go to stderr.
  logProcessWarnings(logger);
  const server = await startGateway({
    config: values.config,
    port: parsedPort,
    host: values.host ?? '0.0.0.0',
    secretsDir: values['secrets-dir'],
    logger,
    tls: tlsCert === undefined || tlsKey === undefined ? undefined : { certFile: tlsCert, keyFile: tlsKey },
  });
  await untilSignal();
  await server.close();
  // Lines of the last turn; whatever is still pending at exit is written synchronously then.
  logger.flush();
  return 0;
}
