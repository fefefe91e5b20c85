import type { Logger } from '../logging/index.ts';
import { cachedProvider } from './cached-provider.ts';
import { moduleCredentialCache, type CredentialCache } from './credential-cache.ts';
import { DEFAULT_ROLE_SESSION_NAME, StsError, type StsClient } from '../aws/sts/client.ts';
import type { StsLocation } from '../aws/sts/location.ts';
import { CredentialsUnavailableError, type AwsCredentials, type CredentialProvider } from '../aws/credentials.ts';

/** How every web identity provider describes itself: the role, never the token. */
export const webIdentityDescription = (roleArn: string): string => `web identity ${roleArn}`;

/** The process-wide identity (and cache key) of a web identity session. */
export function webIdentityKey(parts: {
  roleArn: string;
  roleSessionName: string;
  tokenSource: string;
  location: StsLocation;
  durationSeconds?: number | undefined;
}): string {
  return JSON.stringify([
    'web-identity',
    parts.roleArn,
    parts.roleSessionName,
    parts.tokenSource,
    parts.location.endpoint,
    parts.location.region,
    parts.durationSeconds ?? 0,
  ]);
}

export interface WebIdentityCredentialsOptions {
  roleArn: string;
  /** Default `lambda-gateway`. */
  roleSessionName?: string | undefined;
  durationSeconds?: number | undefined;
  /**
   * Returns the current OIDC token. Called at every refresh and never cached:
   * the kubelet (or whatever projects it) rotates the token.
   */
  readToken: () => Promise<string> | string;
  /** Where the token comes from (a file path, a binding name), for the cache key. Not the token. */
  tokenSource: string;
  sts: StsClient;
  logger: Logger;
  cache?: CredentialCache | undefined;
  now?: () => number;
  random?: () => number;
}

/**
 * IRSA-style credentials over `fetch`: `sts:AssumeRoleWithWebIdentity` with a
 * token from `readToken`, cached and refreshed ahead of expiry. For runtimes
 * without the AWS SDK's `fromTokenFile` (workers: the token comes from a
 * binding). Node uses the SDK provider behind the same caching layer.
 */
export function webIdentityCredentials(options: WebIdentityCredentialsOptions): CredentialProvider {
  const roleSessionName = options.roleSessionName ?? DEFAULT_ROLE_SESSION_NAME;
  const description = webIdentityDescription(options.roleArn);
  const key = webIdentityKey({ ...options, roleSessionName, location: options.sts.location });
  return cachedProvider(options.cache ?? moduleCredentialCache, key, {
    description,
    roleArn: options.roleArn,
    logger: options.logger,
    now: options.now,
    random: options.random,
    async load(): Promise<AwsCredentials> {
      let token: string;
      try {
        token = (await options.readToken()).trim();
      } catch (error) {
        throw new CredentialsUnavailableError(description, `cannot read the web identity token (${options.tokenSource}): ${(error as Error).message}`, {
          cause: error,
        });
      }
      if (!token) throw new CredentialsUnavailableError(description, `the web identity token (${options.tokenSource}) is empty`);
      try {
        const session = await options.sts.assumeRoleWithWebIdentity({
          roleArn: options.roleArn,
          roleSessionName,
          webIdentityToken: token,
          durationSeconds: options.durationSeconds,
        });
        return {
          accessKeyId: session.accessKeyId,
          secretAccessKey: session.secretAccessKey,
          sessionToken: session.sessionToken,
          expiration: session.expiration,
        };
      } catch (error) {
        if (error instanceof StsError) throw new CredentialsUnavailableError(description, error.message, { cause: error });
        throw error;
      }
    },
  });
}
