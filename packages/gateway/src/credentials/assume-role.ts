import type { EnvLookup } from '../aws/env.ts';
import type { SigV4Crypto } from '../aws/sigv4.ts';
import type { HttpTransport } from '../aws/http.ts';
import type { Logger } from '../logging/index.ts';
import { ConfigError } from '../errors/index.ts';
import { cachedProvider } from './cached-provider.ts';
import { identityOf, moduleCredentialCache, type CredentialCache } from './credential-cache.ts';
import type { AssumeRoleProviderFactory } from './resolver.ts';
import { createStsClient, DEFAULT_ROLE_SESSION_NAME, StsError, type StsClient } from '../aws/sts/client.ts';
import { stsLocation } from '../aws/sts/location.ts';
import { CredentialsUnavailableError, type AwsCredentials, type CredentialProvider } from '../aws/credentials.ts';
import { unavailableCredentials } from './unavailable-credentials.ts';

/** STS caps sessions obtained with role-session credentials (role chaining) at one hour. */
const ROLE_CHAINING_MAX_SECONDS = 3600;

/** Web identity credentials for a role, with the runtime's token (IRSA's token file on Node). */
export type WebIdentityProviderFactory = (roleArn: string, roleSessionName: string | undefined) => CredentialProvider;

export interface AssumeRoleOptions {
  /** For the STS endpoint and region (see stsLocation). */
  env: EnvLookup;
  logger: Logger;
  /** Default: the Web `fetch`. */
  transport?: HttpTransport | undefined;
  crypto?: SigV4Crypto | undefined;
  /** Default: the module-scope cache, shared by every gateway in the process. */
  cache?: CredentialCache | undefined;
  /**
   * Present when the runtime has a web identity token: Gloo's
   * `disableRoleChaining` assumes the backend's role with it directly.
   */
  webIdentity?: WebIdentityProviderFactory | undefined;
  /** Default: an STS client for `env`'s endpoint. */
  sts?: StsClient | undefined;
  now?: () => number;
  random?: () => number;
}

/**
 * Role chaining for `auth: {type: assumeRole}`: `sts:AssumeRole` into
 * `roleArn`, signed with the base credentials, cached per (base identity,
 * role ARN, external id, session name) and refreshed ahead of expiry (see
 * refreshingCredentials). Gloo Edge's semantics are kept: with
 * `disableRoleChaining` the role is assumed with the web identity token
 * itself, and a `roleArn` equal to the web identity's own role (`AWS_ROLE_ARN`)
 * is that single web identity call, not a second hop.
 */
export function assumeRoleProviderFactory(options: AssumeRoleOptions): AssumeRoleProviderFactory {
  const sts = options.sts ?? createStsClient({ location: stsLocation(options.env), transport: options.transport, crypto: options.crypto });
  const cache = options.cache ?? moduleCredentialCache;

  return (auth, base) => {
    if (auth.disableRoleChaining) {
      // AssumeRoleWithWebIdentity has no ExternalId, and the web identity session's
      // lifetime is the runtime's (IRSA), so these fields would be dropped: refuse them.
      refuseIgnoredFields(auth, ['externalId', 'durationSeconds'], 'with disableRoleChaining the role is assumed with the web identity token');
      if (!options.webIdentity) {
        return unavailableCredentials(
          `role ${auth.roleArn}`,
          'disableRoleChaining assumes the role with the web identity token, and none is configured (AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE)',
        );
      }
      return options.webIdentity(auth.roleArn, auth.roleSessionName);
    }
    if (base.roleArn !== undefined && base.roleArn === auth.roleArn) {
      refuseIgnoredFields(
        auth,
        ['externalId', 'durationSeconds', 'roleSessionName'],
        `${auth.roleArn} is the web identity role itself (AWS_ROLE_ARN), assumed once by the ambient chain`,
      );
      return base;
    }
    if (base.roleArn !== undefined && auth.durationSeconds !== undefined && auth.durationSeconds > ROLE_CHAINING_MAX_SECONDS) {
      throw new ConfigError([
        `auth.durationSeconds: ${auth.durationSeconds} is over STS's one-hour limit for role chaining (${auth.roleArn} is assumed with ${base.description})`,
      ]);
    }
    const roleSessionName = auth.roleSessionName ?? DEFAULT_ROLE_SESSION_NAME;
    const key = JSON.stringify([
      'assume-role',
      identityOf(base),
      auth.roleArn,
      auth.externalId ?? '',
      roleSessionName,
      auth.durationSeconds ?? 0,
      sts.location.endpoint,
      sts.location.region,
    ]);
    const description = `role ${auth.roleArn} via ${base.description}`;
    return cachedProvider(cache, key, {
      description,
      roleArn: auth.roleArn,
      logger: options.logger,
      now: options.now,
      random: options.random,
      async load(): Promise<AwsCredentials> {
        let baseCredentials: AwsCredentials;
        try {
          baseCredentials = await base.getCredentials();
        } catch (error) {
          const reason = error instanceof CredentialsUnavailableError ? error.reason : (error as Error).message;
          throw new CredentialsUnavailableError(description, `base credentials unavailable: ${reason}`, { cause: error });
        }
        try {
          const session = await sts.assumeRole(
            { roleArn: auth.roleArn, roleSessionName, externalId: auth.externalId, durationSeconds: auth.durationSeconds },
            baseCredentials,
          );
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
  };
}

/** Config error for `auth` fields that a given way of assuming the role cannot honour (never drop them silently). */
function refuseIgnoredFields(
  auth: { roleArn: string; externalId?: string | undefined; durationSeconds?: number | undefined; roleSessionName?: string | undefined },
  fields: Array<'externalId' | 'durationSeconds' | 'roleSessionName'>,
  why: string,
): void {
  const set = fields.filter((field) => auth[field] !== undefined);
  if (set.length > 0) throw new ConfigError(set.map((field) => `auth.${field}: cannot be used here: ${why}`));
}
