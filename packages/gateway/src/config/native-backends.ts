import type { EnvLookup } from '../aws/env.ts';
import { BackendDescriptorSchema, resolveBackend, type BackendDescriptor } from '../descriptor/index.ts';
import { ConfigError, parseOrThrow } from '../validation/index.ts';
import { NameSchema } from './native-schema.ts';

/**
 * Validates a native document's `backends` map: every own key, including ones
 * named like prototype members (`constructor`, `toString`), is an ordinary
 * backend name. With `env`, each backend is also resolved (region from the ARN
 * or the environment, account agreeing with the ARN) so that those errors name
 * the file too; compileGateway resolves them again on the same rules.
 */
export function validateBackends(map: Record<string, unknown>, source: string, env: EnvLookup | undefined): Array<[string, BackendDescriptor]> {
  return Object.keys(map).map((name) => {
    const where = `backends.${name}`;
    parseOrThrow(NameSchema, name, { source, prefix: `${where} (name)` });
    const descriptor = parseOrThrow(BackendDescriptorSchema, map[name], { source, prefix: where });
    if (env) {
      try {
        resolveBackend(descriptor, env, where);
      } catch (error) {
        if (error instanceof ConfigError && error.source === undefined) throw new ConfigError(error.problems, source);
        throw error;
      }
    }
    return [name, descriptor];
  });
}
