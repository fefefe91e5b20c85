import type { BackendAuth } from '../descriptor/index.ts';
import type { Logger } from '../logging/index.ts';
import { ConfigError } from '../errors/index.ts';
import { secretCredentials } from './secret.ts';
import type { CredentialProvider, SecretSource } from '../aws/credentials.ts';
import { unavailableCredentials } from './unavailable-credentials.ts';

/** Builds a provider for `auth: assumeRole` on top of a base provider (added by the role-chaining module). */
export type AssumeRoleProviderFactory = (auth: Extract<BackendAuth, { type: 'assumeRole' }>, base: CredentialProvider) => CredentialProvider;

export interface CredentialResolverOptions {
  /**
   * The runtime's ambient credentials: on Node the first configured of
   * environment keys, web identity (IRSA), container credentials (EKS Pod
   * Identity) and the shared config files; undefined when none is configured.
   */
  ambient: CredentialProvider | undefined;
  /** Named secrets (mounted directories on Node). */
  secrets: SecretSource | undefined;
  /** Role chaining; without it an `assumeRole` backend is a configuration error. */
  assumeRole?: AssumeRoleProviderFactory;
  /** For warnings such as a secret that could not be re-read. */
  logger?: Logger;
}

/**
 * Maps a backend's `auth` to a provider, sharing one provider (and so one
 * cache) between backends with the same auth.
 */
export class CredentialResolver {
  readonly #options: CredentialResolverOptions;
  readonly #providers = new Map<string, CredentialProvider>();

  constructor(options: CredentialResolverOptions) {
    this.#options = options;
  }

  /** The provider for `auth`. Throws ConfigError when `auth` cannot be served by this runtime. */
  forAuth(auth: BackendAuth): CredentialProvider {
    const key = JSON.stringify(auth);
    let provider = this.#providers.get(key);
    if (!provider) {
      provider = this.#create(auth);
      this.#providers.set(key, provider);
    }
    return provider;
  }

  /** Every provider created so far (for readiness checks). */
  providers(): IterableIterator<CredentialProvider> {
    return this.#providers.values();
  }

  #create(auth: BackendAuth): CredentialProvider {
    switch (auth.type) {
      case 'ambient':
        return (
          this.#options.ambient ??
          unavailableCredentials(
            'ambient credentials',
            'no credentials configured (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE, AWS_CONTAINER_CREDENTIALS_FULL_URI, or AWS_PROFILE; or use auth type secret)',
          )
        );
      case 'secret':
        if (!this.#options.secrets) throw new ConfigError([`auth: secret "${auth.name}" cannot be read: this runtime has no secret source`]);
        return secretCredentials(auth.name, this.#options.secrets, Date.now, this.#options.logger);
      case 'assumeRole': {
        if (!this.#options.assumeRole) throw new ConfigError([`auth: assumeRole (${auth.roleArn}) is not supported by this runtime`]);
        const base = this.forAuth(auth.source ?? { type: 'ambient' });
        return this.#options.assumeRole(auth, base);
      }
    }
  }
}
