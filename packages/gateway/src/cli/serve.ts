import type { CredentialCache } from '../credentials/index.ts';
import { isLogLevel, LOG_LEVELS, type LogLevel, type Logger } from '../logging/index.ts';
import { createNodeLogger, logLevelFromEnv } from '../adapters/node/node-logger.ts';
import { serveApp, type RunningServer } from '../adapters/node/serve.ts';
import type { ServeTls } from './serve-tls.ts';
import { FALLBACK_PORT, planServers, servedShape } from './serve-ports.ts';
import { RequestGuard } from '../adapters/node/request-guard.ts';
import { defaultServerLimits } from '../adapters/node/server-limits.ts';
import { HELP_OPTION, UsageError, parseCommandArgs, parsePort } from './args.ts';
import { setUpGateway } from './gateway-setup.ts';
import { logProcessWarnings } from './process-warnings.ts';
import { exitOnNextSignal, untilSignal } from './signals.ts';
import { ServeOperations, type OperationsOptions } from './serve-operations.ts';
import { logStartupReport } from './startup-report.ts';
import { parseOperationsFlags, OPERATIONS_FLAGS } from './serve-flags.ts';
import { parseServerFlags, SERVER_FLAG_OPTIONS } from './server-flags.ts';
import type { ServerLimits } from '../adapters/node/server-limits.ts';
import { COMMAND_HELP } from './usage.ts';
import { createServeReloader, type LiveGateway } from './serve-reload.ts';
import type { ReloadResult } from './config-reloader.ts';

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
  /** Default true: reload when a `--config` file or directory changes (SIGHUP reloads either way). */
  watch?: boolean | undefined;
  /** How long file events are let settle before a reload (default 300 ms). */
  reloadDebounceMs?: number | undefined;
  /** Connection, header, body-rate and in-flight limits (default: defaultServerLimits()). */
  limits?: Partial<ServerLimits> | undefined;
  /** Start with 0 routes (`--allow-empty`). */
  allowEmpty?: boolean | undefined;
  /** HTTPS with these PEM files (`--tls-cert`/`--tls-key`); default: a Gateway manifest's HTTPS listener, else plain HTTP. */
  tls?: ServeTls | undefined;
}

export interface RunningGateway extends RunningServer {
  /** Every server (one per served port; the first is `url`/`port`). */
  servers: RunningServer[];
  routes: number;
  admin: RunningServer | undefined;
  /** Reloads the configuration now (what SIGHUP does). */
  reload(trigger?: string): Promise<ReloadResult>;
}

/** Loads config, builds the gateway and starts serving it. Used by `serve` and `demo`. */
export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createNodeLogger({ level: options.logLevel ?? logLevelFromEnv(process.env.LOG_LEVEL) });
  // Metrics, credential status, readiness, admin listener (serve-operations.ts).
  const operations = new ServeOperations(options, logger);
  const setupOptions = { ...options, logger, metrics: operations.metrics, gatewayOptions: operations.gatewayOptions };
  const setup = await setUpGateway(setupOptions);
  const { config, platform, gateway, secrets } = setup;
  operations.adopt(gateway, config, options.config);
  // Obtain every backend's credentials now (STS round trips included), in the background, so the
  // first request finds them cached. Failures are logged by the providers and retried on use.
  for (const backend of gateway.backends) backend.credentials.getCredentials().catch(() => undefined);
  for (const warning of config.warnings) platform.logger.warn('config warning', { warning });
  if (config.ignored.length > 0) platform.logger.info('ignored manifests (kinds lambda-gateway does not act on)', { ignored: config.ignored });
  await logStartupReport(platform.logger, gateway, secrets, options.env ?? process.env);
  // Requests go to the gateway of the moment: a reload swaps `live.gateway`, requests in flight finish on theirs.
  const live: LiveGateway = { gateway, setup };
  // One server per served port (serve-ports.ts), sharing one guard: one in-flight limit and one drain for the process.
  const limits = { ...defaultServerLimits(), ...options.limits };
  // The guard never sheds the probes, wherever --healthz-path / --readyz-path put them.
  const guard = new RequestGuard(limits, options.healthPaths);
  const servers: RunningServer[] = [];
  try {
    for (const planned of planServers(options, live, platform.logger)) {
      servers.push(await serveApp({ fetch: planned.fetch }, { port: planned.port, host: options.host, limits, tls: planned.tls, guard }));
    }
  } catch (error) {
    await Promise.all(servers.map((started) => started.close(0)));
    throw error;
  }
  const server = combine(servers);
  const reloader = createServeReloader({
    paths: options.config,
    live,
    // The same loading path and options, and the same connection pool to Lambda.
    load: () => setUpGateway({ ...setupOptions, transport: platform.transport }),
    listenPort: (next) => servedShape(options, next),
    operations,
    logger,
    debounceMs: options.reloadDebounceMs,
  });
  if (options.watch !== false) await reloader.watch();
  operations.readiness.markListening();
  const admin = await operations.startAdmin().catch(async (error: unknown) => {
    await server.close(0);
    throw error;
  });
  platform.logger.info('gateway listening', {
    url: server.url,
    ...(servers.length > 1 ? { urls: servers.map((started) => started.url) } : {}),
    routes: gateway.table.length,
    backends: gateway.backends.length,
    config: operations.configHash,
    admin: admin?.url ?? 'off',
    metrics: operations.metrics !== undefined,
  });
  return {
    ...server,
    servers,
    routes: gateway.table.length,
    admin,
    reload: (trigger = 'api') => reloader.reload(trigger),
    // Not ready from the first moment of the drain, so the endpoints controller stops sending new requests.
    close: async (graceMs?: number) => {
      reloader.close();
      operations.readiness.startDraining();
      await server.close(graceMs);
      await admin?.close();
    },
    // The SIGTERM sequence (adapters/node/drain.ts), with the admin port's readiness failing at once too.
    drain: async (drainOptions) => {
      reloader.close();
      operations.readiness.startDraining();
      const result = await server.drain(drainOptions);
      await admin?.close();
      return result;
    },
  };
}

/** The servers as one: the first one's url and port; close and drain all of them together. */
function combine(servers: RunningServer[]): RunningServer {
  const first = servers[0]!;
  return {
    url: first.url,
    port: first.port,
    close: async (graceMs) => {
      await Promise.all(servers.map((server) => server.close(graceMs)));
    },
    drain: async (options) => {
      // Phases are told once (for the logs), from the first server's drain.
      const results = await Promise.all(servers.map((server, index) => server.drain(index === 0 ? options : { ...options, onPhase: undefined })));
      return { cut: results.reduce((sum, result) => sum + result.cut, 0) };
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
    'no-watch': { type: 'boolean' },
    'allow-empty': { type: 'boolean' },
    ...SERVER_FLAG_OPTIONS,
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
  const serverFlags = parseServerFlags(values);
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
  // Listening for SIGTERM from the start: one that arrives while starting (a rollout of a pod that is
  // still starting) then stops the gateway once it is up instead of killing the process unlogged.
  const signalled = untilSignal();
  const server = await startGateway({
    config: values.config,
    port: parsedPort,
    host: values.host ?? '0.0.0.0',
    secretsDir: values['secrets-dir'],
    logger,
    ...parseOperationsFlags(values),
    watch: !values['no-watch'],
    limits: serverFlags.limits,
    allowEmpty: values['allow-empty'],
    tls: tlsCert === undefined || tlsKey === undefined ? undefined : { certFile: tlsCert, keyFile: tlsKey },
  });
  // SIGHUP reloads (its default would kill the process); only while serving.
  const onHangUp = () => void server.reload('SIGHUP');
  process.on('SIGHUP', onHangUp);
  const signal = await signalled;
  process.off('SIGHUP', onHangUp);
  // Drain (adapters/node/drain.ts); a second SIGTERM or SIGINT exits at once.
  exitOnNextSignal((again) => {
    logger.warn('second signal: exiting without finishing the drain', { signal: again });
    logger.flush();
  });
  logger.info('shutting down: draining requests in flight', { signal });
  const { cut } = await server.drain({
    ...serverFlags.drain,
    onPhase: (phase, details) =>
      logger.info(
        phase === 'draining'
          ? 'draining: readiness fails, connections close after their response'
          : 'closing: no new connections, finishing requests in flight',
        { signal, ...details },
      ),
  });
  if (cut > 0) logger.warn('shutdown timeout: requests in flight were cut', { cut });
  else logger.info('drained: every request in flight finished');
  logger.info('stopped', { signal });
  // Lines of the last turn; whatever is still pending at exit is written synchronously then.
  logger.flush();
  return 0;
}
