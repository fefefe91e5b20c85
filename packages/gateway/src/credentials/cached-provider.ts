import type { CredentialCache } from './credential-cache.ts';
import { refreshingCredentials, type RefreshingCredentialProvider, type RefreshingCredentialsOptions } from './refreshing-credentials.ts';

/**
 * The one way an expiring credential source is shared: the refreshing
 * provider cached under `key`, or a new `refreshingCredentials(options)`
 * stored there. `key` is also the provider's process-wide `identity`, so a
 * role chained on top of it is cached by the same name (see identityOf).
 * Build `key` from everything the credentials depend on and nothing secret.
 */
export function cachedProvider(cache: CredentialCache, key: string, options: Omit<RefreshingCredentialsOptions, 'identity'>): RefreshingCredentialProvider {
  return cache.getOrCreate(key, () => refreshingCredentials({ ...options, identity: key }));
}
