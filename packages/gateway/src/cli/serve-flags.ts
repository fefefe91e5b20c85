import { parsePort, UsageError } from './args.ts';
import type { OperationsOptions } from './serve-operations.ts';
import { DEFAULT_ADMIN_PORT } from './admin-listener.ts';

/** serve's operating flags (parseArgs options), documented in usage.ts. */
export const OPERATIONS_FLAGS = {
  'admin-port': { type: 'string' },
  'admin-host': { type: 'string' },
  'no-admin': { type: 'boolean' },
  'no-metrics': { type: 'boolean' },
  'expose-error-details': { type: 'boolean' },
  'require-all-backends': { type: 'boolean' },
  'healthz-path': { type: 'string' },
  'readyz-path': { type: 'string' },
} as const;

type FlagValues = { [K in keyof typeof OPERATIONS_FLAGS]?: (typeof OPERATIONS_FLAGS)[K]['type'] extends 'boolean' ? boolean : string };

/** The flags as OperationsOptions; a probe path of `none` leaves that path to the routes. */
export function parseOperationsFlags(values: FlagValues): OperationsOptions {
  if (values['no-admin'] && values['admin-port'] !== undefined) throw new UsageError('--no-admin and --admin-port exclude each other');
  return {
    adminPort: values['no-admin'] ? false : parsePort(values['admin-port'], DEFAULT_ADMIN_PORT, '--admin-port'),
    adminHost: values['admin-host'],
    metrics: !values['no-metrics'],
    exposeErrorDetails: values['expose-error-details'] === true,
    requireAllBackends: values['require-all-backends'] === true,
    healthPaths: { healthz: probePath(values['healthz-path'], '--healthz-path'), readyz: probePath(values['readyz-path'], '--readyz-path') },
  };
}

function probePath(value: string | undefined, flag: string): string | false | undefined {
  if (value === undefined) return undefined;
  if (value === 'none') return false;
  if (!value.startsWith('/')) throw new UsageError(`${flag}: "${value}" must start with / (or be none)`);
  return value;
}
