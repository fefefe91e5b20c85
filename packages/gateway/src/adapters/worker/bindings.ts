import type { EnvLookup } from '../../descriptor/index.ts';

/** A worker's `env`: vars and secrets are strings; other bindings (KV, services…) are objects. */
export type WorkerBindings = Readonly<Record<string, unknown>>;

/**
 * The worker's counterpart of `process.env`: string bindings only (vars and
 * secrets). An empty string counts as unset, as it does for the AWS SDKs, so
 * `.dev.vars` lines left blank do not shadow defaults.
 */
export function bindingLookup(env: WorkerBindings): EnvLookup {
  return (name) => {
    const value = env[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
}
