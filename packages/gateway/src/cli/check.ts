import type { BuiltConfig } from '../config/index.ts';
import type { SecretSource } from '../credentials/index.ts';
import type { CompiledGateway } from '../core/index.ts';
import { silentLogger } from '../logging/index.ts';
import { ConfigError } from '../validation/index.ts';
import { HELP_OPTION, UsageError, parseCommandArgs } from './args.ts';
import { setUpGateway, type GatewaySetup } from './gateway-setup.ts';
import { describeMatch, formatRouteTable } from './route-table.ts';
import { formatListeners, listenersOfRoutes } from './listener-gateways.ts';
import { COMMAND_HELP } from './usage.ts';

/** Exit code of `check` for an invalid configuration (as for `serve`). */
const INVALID = 2;

export interface CheckOptions {
  config: string[];
  secretsDir?: string | undefined;
  env?: Record<string, string | undefined>;
  output: 'text' | 'json';
  /** Accept 0 routes (`--allow-empty`). */
  allowEmpty?: boolean | undefined;
  /** Where the report goes (default stdout). */
  write?: (text: string) => void;
}

/**
 * Validates a configuration through the same loading path as `serve`, without
 * serving, and prints the resolved route table, warnings and ignored manifests.
 * Returns 0 when the configuration is valid, 2 when it is not.
 */
export async function checkConfig(options: CheckOptions): Promise<number> {
  const write = options.write ?? ((text: string) => process.stdout.write(`${text}\n`));
  let setup: GatewaySetup;
  try {
    setup = await setUpGateway({
      config: options.config,
      secretsDir: options.secretsDir,
      env: options.env ?? process.env,
      logger: silentLogger,
      allowEmpty: options.allowEmpty,
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    write(
      options.output === 'json'
        ? JSON.stringify({ ok: false, error: error.message }, null, 2)
        : `lambda-gateway check: invalid configuration: ${error.message}`,
    );
    return INVALID;
  }
  const warnings = [...setup.config.warnings, ...(await missingSecrets(setup.gateway, setup.secrets))];
  write(
    options.output === 'json'
      ? JSON.stringify(jsonReport(setup.config, setup.gateway, warnings), null, 2)
      : textReport(options.config, setup.config, setup.gateway, warnings),
  );
  return 0;
}

/** Secrets a backend needs that are neither a Secret manifest nor mounted: the backend would answer 503. */
async function missingSecrets(gateway: CompiledGateway, secrets: SecretSource): Promise<string[]> {
  const names = new Set<string>();
  for (const backend of gateway.backends) {
    const auth = backend.descriptor.auth;
    const secret = auth.type === 'secret' ? auth : auth.type === 'assumeRole' && auth.source?.type === 'secret' ? auth.source : undefined;
    if (secret) names.add(secret.name);
  }
  const missing: string[] = [];
  for (const name of names) {
    const values = await secrets.read(name).catch(() => undefined);
    if (!values)
      missing.push(`secret ${name}: no Secret manifest and nothing mounted at ${secrets.locate(name)}; its backends will answer 503 until it exists`);
  }
  return missing;
}

function jsonReport(config: BuiltConfig, gateway: CompiledGateway, warnings: string[]) {
  return {
    ok: true,
    defaultPort: config.defaultPort ?? null,
    listeners: config.listeners,
    routes: gateway.table.map((row) => ({
      ...row,
      matchText: describeMatch(row.match),
      // Which Gateway listeners serve the row's route (only with Gateway listeners in the config).
      ...(config.listeners.length > 0 ? { listeners: listenersOfRoutes(config).get(row.route) ?? [] } : {}),
    })),
    warnings,
    ignored: config.ignored,
  };
}

function textReport(paths: string[], config: BuiltConfig, gateway: CompiledGateway, warnings: string[]): string {
  const lines = [
    `lambda-gateway check: configuration OK: ${count(gateway.table.length, 'route')}, ${count(gateway.backends.length, 'backend')} (${paths.join(', ')})`,
  ];
  if (config.defaultPort !== undefined) {
    const listener = `Gateway ${config.tlsSecret === undefined ? 'HTTP' : `HTTPS (Secret ${config.tlsSecret})`} listener`;
    const offset = config.listenerPort === undefined ? '' : ` port ${config.listenerPort} + 10000, unprivileged`;
    const ports = new Set(config.listeners.map((served) => served.port)).size;
    lines.push(`default port: ${config.defaultPort} (${listener}${offset}; ${ports > 1 ? `--port not allowed: ${ports} ports served` : '--port overrides'})`);
  }
  if (config.listeners.length > 0) lines.push('', formatListeners(config));
  lines.push('', gateway.table.length > 0 ? formatRouteTable(gateway.table, listenersOfRoutes(config)) : '(no routes)');
  if (warnings.length > 0) lines.push('', `warnings (${warnings.length}):`, ...warnings.map((warning) => `  ${warning}`));
  if (config.ignored.length > 0)
    lines.push('', `ignored (${config.ignored.length}, kinds lambda-gateway does not act on):`, ...config.ignored.map((entry) => `  ${entry}`));
  return lines.join('\n');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** `lambda-gateway check --config PATH [--output text|json] [--secrets-dir DIR]`. */
export async function runCheck(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    config: { type: 'string', multiple: true, short: 'c' },
    'secrets-dir': { type: 'string' },
    output: { type: 'string', short: 'o' },
    'allow-empty': { type: 'boolean' },
    ...HELP_OPTION,
  });
  if (values.help) {
    console.log(COMMAND_HELP.check);
    return 0;
  }
  if (!values.config || values.config.length === 0) throw new UsageError('check needs --config FILE (or a directory)');
  const output = values.output ?? 'text';
  if (output !== 'text' && output !== 'json') throw new UsageError('--output: must be text or json');
  return checkConfig({ config: values.config, secretsDir: values['secrets-dir'], output, allowEmpty: values['allow-empty'] });
}
