import type { LogLevel } from '../logging/index.ts';
import { serveApp, type RunningServer } from '../adapters/node/serve.ts';
import { UsageError, parseCommandArgs, parsePort } from './args.ts';
import { setUpGateway } from './gateway-setup.ts';
import { untilSignal } from './signals.ts';

/** Where `serve` listens without `--port`, `PORT` or a Gateway manifest's HTTP listener. */
const FALLBACK_PORT = 8080;

export interface StartGatewayOptions {
  config: string[];
  /** Default: the port of a Gateway manifest's HTTP listener, else 8080. */
  port?: number | undefined;
  host: string;
  secretsDir?: string | undefined;
  logLevel?: LogLevel | undefined;
  env?: Record<string, string | undefined>;
}

/** Loads config, builds the gateway and starts serving it. Used by `serve` and `demo`. */
export async function startGateway(options: StartGatewayOptions): Promise<RunningServer & { routes: number }> {
  const { config, platform, gateway } = await setUpGateway(options);
  // Obtain every backend's credentials now (STS round trips included), in the background, so the
  // first request finds them cached. Failures are logged by the providers and retried on use.
  for (const backend of gateway.backends) backend.credentials.getCredentials().catch(() => undefined);
  for (const warning of config.warnings) platform.logger.warn('config warning', { warning });
  if (config.ignored.length > 0) platform.logger.info('ignored manifests (kinds lambda-gateway does not act on)', { ignored: config.ignored });
  const server = await serveApp(gateway.app, { port: options.port ?? config.defaultPort ?? FALLBACK_PORT, host: options.host });
  platform.logger.info('gateway listening', { url: server.url, routes: gateway.table.length, backends: gateway.backends.length });
  return { ...server, routes: gateway.table.length };
}

export const LOG_LEVELS = new Set(['debug', 'info', 'warn', 'error', 'silent']);

/** `lambda-gateway serve`. */
export async function runServe(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    config: { type: 'string', multiple: true, short: 'c' },
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    'secrets-dir': { type: 'string' },
    'log-level': { type: 'string' },
  });
  if (!values.config || values.config.length === 0) throw new UsageError('serve needs --config FILE (or a directory)');
  const logLevel = values['log-level'];
  if (logLevel !== undefined && !LOG_LEVELS.has(logLevel)) throw new UsageError(`--log-level: must be one of ${[...LOG_LEVELS].join(', ')}`);
  const port = values.port ?? process.env.PORT;
  const server = await startGateway({
    config: values.config,
    port: port === undefined ? undefined : parsePort(port, FALLBACK_PORT),
    host: values.host ?? '0.0.0.0',
    secretsDir: values['secrets-dir'],
    logLevel: logLevel as LogLevel | undefined,
  });
  await untilSignal();
  await server.close();
  return 0;
}
