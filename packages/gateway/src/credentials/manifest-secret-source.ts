import type { SecretSource } from '../aws/credentials.ts';

/**
 * Secrets from `Secret` manifests in the config, in front of another source
 * (the mounted secrets directory): a manifest Secret wins over a mounted
 * secret of the same name, any other name is read from `fallback`.
 */
export function manifestSecretSource(secrets: Record<string, Record<string, string>>, fallback: SecretSource): SecretSource {
  const has = (name: string) => Object.hasOwn(secrets, name);
  return {
    locate: (name) => (has(name) ? `Secret manifest ${name}` : fallback.locate(name)),
    read: (name) => (has(name) ? Promise.resolve({ ...secrets[name] }) : fallback.read(name)),
  };
}
