import type { SecretSource } from '../../credentials/index.ts';
import type { EnvLookup } from '../../descriptor/index.ts';

/** The keys of a named secret and the binding suffix each one is read from. */
const KEYS = [
  ['accessKey', 'ACCESS_KEY'],
  ['secretKey', 'SECRET_KEY'],
  ['sessionToken', 'SESSION_TOKEN'],
] as const;

/**
 * The binding-name prefix of secret `name`: `SECRET_` + the name upper-cased
 * with `-` and `.` as `_`. Secret names are Kubernetes names (lower-case,
 * digits, `-`, `.`), binding names must be identifiers.
 *
 * @example secretBindingPrefix('aws-creds') === 'SECRET_AWS_CREDS_'
 */
export function secretBindingPrefix(name: string): string {
  return `SECRET_${name.toUpperCase().replace(/[-.]/g, '_')}_`;
}

/**
 * The bindings that hold secret `name`: `SECRET_<NAME>_ACCESS_KEY`,
 * `SECRET_<NAME>_SECRET_KEY` and optional `SECRET_<NAME>_SESSION_TOKEN`.
 * (Handy to fill `.dev.vars` or `wrangler secret put`.)
 */
export function secretBindings(name: string, values: { accessKey: string; secretKey: string; sessionToken?: string | undefined }): Record<string, string> {
  const prefix = secretBindingPrefix(name);
  const out: Record<string, string> = {};
  for (const [key, suffix] of KEYS) {
    const value = values[key];
    if (value) out[`${prefix}${suffix}`] = value;
  }
  return out;
}

/**
 * Named secrets (`auth: { type: secret, name }`) from worker bindings, since a
 * worker has no mounted files. A secret exists when any of its bindings is set;
 * secretCredentials then reports a missing key by name.
 */
export function bindingSecretSource(env: EnvLookup): SecretSource {
  return {
    locate: (name) => `bindings ${secretBindingPrefix(name)}ACCESS_KEY / ${secretBindingPrefix(name)}SECRET_KEY`,
    read(name) {
      const prefix = secretBindingPrefix(name);
      const values: Record<string, string> = {};
      for (const [key, suffix] of KEYS) {
        const value = env(`${prefix}${suffix}`);
        if (value !== undefined) values[key] = value;
      }
      return Promise.resolve(Object.keys(values).length > 0 ? values : undefined);
    },
  };
}
