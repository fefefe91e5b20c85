import type { CredentialCache } from '../credentials/index.ts';
import { isLogLevel, LOG_LEVELS, type LogLevel, type Logger } from '../logging/index.ts';
import { createNodeLogger, logLevelFromEnv } from '../adapters/node/node-logger.ts';
import { serveApp, type RunningServer } from '../adapters/node/serve.ts';
import { HELP_OPTION, UsageError, parseCommandArgs, parsePort } from './args.ts';
import { setUpGateway } from './gateway-setup.ts';
import { logProcessWarnings } from './process-warnings.ts';
import { untilSignal } from './signals.ts';
import { ServeOperations, type OperationsOptions } from './serve-operations.ts';
import { logStartupReport } from './startup-report.ts';
import { parseOperationsFlags, OPERATIONS_FLAGS } from './serve-flags.ts';
import { COMMAND_HELP } from './usage.ts';

/** Where `serve` listens without `--port`, `PORT` or a Gateway manifest's HTTP listener. */
const FALLBACK_PORT = 8080;

export interface StartGatewayOptions extends OperationsOptions {
  config: string[];
  /** Default: the port of a Gateway manifest's HTTP listener, else 8080. */
  port?: number | undefined;
  host: string;
  secretsDir?: string | undefined;
  logLevel?: LogLevel | undefined;
  /** Default: the Node platform's (JSON lines on stdout at `logLevel`). */
  logger?: Logger | undefined;
  env?: Record<string, string | undefined>;
  /** Where expiring credentials are cached (default: the module-scope cache; tests pass their own). */
  credentialCache?: CredentialCache | undefined;
}

/** Loads config, builds the gateway and starts serving it. Used by `serve` and `demo`. */
export async function startGateway(options: StartGatewayOptions): Promise<RunningServer & { routes: number; admin: RunningServer | undefined }> {
  // Metrics, credential status, readiness, admin listener (serve-operations.ts).
  const operations = new ServeOperations(options, options.logger ?? createNodeLogger({ level: options.logLevel ?? logLevelFromEnv(process.env.LOG_LEVEL) }));
  const { config, platform, gateway, secrets } = await setUpGateway({ ...options, metrics: operations.metrics, gatewayOptions: operations.gatewayOptions });
  operations.adopt(gateway, config, options.config);
  // Obtain every backend's credentials now (STS round trips included), in the background, so the
  // first request finds them cached. Failures are logged by the providers and retried on use.
  for (const backend of gateway.backends) backend.credentials.getCredentials().catch(() => undefined);
  for (const warning of config.warnings) platform.logger.warn('config warning', { warning });
  if (config.ignored.length > 0) platform.logger.info('ignored manifests (kinds lambda-gateway does not act on)', { ignored: config.ignored });
  await logStartupReport(platform.logger, gateway, secrets, options.env ?? process.env);
  const server = await serveApp(gateway.app, { port: options.port ?? config.defaultPort ?? FALLBACK_PORT, host: options.host });
  operations.readiness.markListening();
  const admin = await operations.startAdmin().catch(async (error: unknown) => {
    await server.close(0);
    throw error;
  });
  platform.logger.info('gateway listening', {
    url: server.url,
    routes: gateway.table.length,
    backends: gateway.backends.length,
    config: operations.configHash,
    admin: admin?.url ?? 'off',
    metrics: operations.metrics !== undefined,
  });
  return {
    ...server,
    routes: gateway.table.length,
    admin,
    // Not ready from the first moment of the drain, so the endpoints controller stops sending new requests.
    close: async (graceMs?: number) => {
      operations.readiness.startDraining();
      await server.close(graceMs);
      await admin?.close();
    },
  };
}

/** `lambda-gateway serve`. */
export async function runServe(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    config: { type: 'string', multiple: true, short: 'c' },
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    'secrets-dir': { type: 'string' },
    'log-level': { type: 'string' },
    ...OPERATIONS_FLAGS,
    ...HELP_OPTION,
  });
  if (values.help) {
    console.log(COMMAND_HELP.serve);
    return 0;
  }
  if (!values.config || values.config.length === 0) throw new UsageError('serve needs --config FILE (or a directory)');
  const flagLevel = values['log-level'];
  if (flagLevel !== undefined && !isLogLevel(flagLevel)) throw new UsageError(`--log-level: must be one of ${LOG_LEVELS.join(', ')}`);
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
    ...parseOperationsFlags(values),
  });
  const signal = await untilSignal();
  logger.info('shutting down: draining requests in flight', { signal });
  await server.close();
  logger.info('stopped', { signal });
  // Lines of the last turn; whatever is still pending at exit is written synchronously then.
  logger.flush();
  return 0;
}
