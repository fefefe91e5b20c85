import {
  cachedProvider,
  CredentialsUnavailableError,
  webIdentityDescription,
  webIdentityKey,
  type AwsCredentials,
  type CredentialCache,
  type CredentialProvider,
  type StsLocation,
} from '../../credentials/index.ts';
import type { Logger } from '../../logging/index.ts';

/**
 * The AWS SDK's credential providers for what only Node has (files, the
 * link-local credentials endpoint), each behind the gateway's caching layer:
 * the SDK fetches, refreshingCredentials decides when (refresh ahead, single
 * flight, backoff, one log line per failure streak).
 *
 * Each SDK package (and the @smithy/@aws-sdk core it pulls in) is imported on
 * the first load of a provider that uses it, not with this module: a gateway
 * whose credentials come from elsewhere (static keys, secrets, role chaining
 * over them) never loads the SDK, several megabytes of resident memory.
 */

/** Shared by every SDK-backed provider. */
export interface SdkProviderContext {
  sts: StsLocation;
  logger: Logger;
  cache: CredentialCache;
}

/** How long static keys from the shared files are reused before the files are read again. */
const PROFILE_REREAD_MS = 60_000;
/** The container endpoint is link-local (or loopback): a slow answer means it is not there. */
const CONTAINER_TIMEOUT_MS = 2_000;

type SdkCredentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string | undefined; expiration?: Date | undefined };
type SdkProvider = () => Promise<SdkCredentials>;

/** Calls `create` once, on first use, and returns the same promise afterwards. */
function once<T>(create: () => Promise<T>): () => Promise<T> {
  let created: Promise<T> | undefined;
  return () => (created ??= create());
}

function toAwsCredentials(credentials: SdkCredentials): AwsCredentials {
  return {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken,
    expiration: credentials.expiration,
  };
}

/**
 * A readable reason from an SDK failure: an STS service error (`name` is its
 * code, `$metadata` its status), an unreadable file, or anything else.
 */
function describeSdkError(error: unknown, stsAction?: string): string {
  const failure = error as { name?: string; message?: string; code?: string; syscall?: string; path?: string; $metadata?: { httpStatusCode?: number } };
  const status = failure?.$metadata?.httpStatusCode;
  if (status && stsAction) return `STS ${stsAction} failed: ${failure.name} (HTTP ${status}): ${failure.message}`;
  if (failure?.syscall === 'open') return `cannot read ${failure.path}: ${failure.code}`;
  const message = failure?.message ?? String(error);
  return stsAction ? `STS ${stsAction} failed: ${message}` : message;
}

/** The SDK's logger interface, onto ours: its warnings only (debug output is noise here). */
function sdkLogger(logger: Logger) {
  return { debug() {}, info() {}, warn: (message: string) => logger.warn('aws sdk', { detail: String(message) }), error() {} };
}

/**
 * IRSA: `sts:AssumeRoleWithWebIdentity` into `roleArn` with the token in
 * `tokenFile`, through `fromTokenFile` of `@aws-sdk/credential-provider-web-identity`,
 * which reads the file at every call (the kubelet rewrites it), against the
 * gateway's STS endpoint and region.
 */
export function tokenFileCredentials(context: SdkProviderContext, config: { roleArn: string; roleSessionName: string; tokenFile: string }): CredentialProvider {
  const description = webIdentityDescription(config.roleArn);
  const key = webIdentityKey({ roleArn: config.roleArn, roleSessionName: config.roleSessionName, tokenSource: config.tokenFile, location: context.sts });
  const provider = once(async (): Promise<SdkProvider> => {
    const { fromTokenFile } = await import('@aws-sdk/credential-provider-web-identity');
    return fromTokenFile({
      webIdentityTokenFile: config.tokenFile,
      roleArn: config.roleArn,
      roleSessionName: config.roleSessionName,
      // One attempt: refreshingCredentials owns retries (with backoff) and keeps serving valid credentials meanwhile.
      clientConfig: { endpoint: context.sts.endpoint, region: context.sts.region, maxAttempts: 1 },
      logger: sdkLogger(context.logger),
    });
  });
  return cachedProvider(context.cache, key, {
    description,
    roleArn: config.roleArn,
    logger: context.logger,
    async load() {
      try {
        return toAwsCredentials(await (await provider())());
      } catch (error) {
        throw new CredentialsUnavailableError(description, describeSdkError(error, 'AssumeRoleWithWebIdentity'), { cause: error });
      }
    },
  });
}

/**
 * EKS Pod Identity / ECS: `fromHttp` of `@aws-sdk/credential-provider-http`
 * against `AWS_CONTAINER_CREDENTIALS_FULL_URI` (or `…_RELATIVE_URI`), with the
 * token from `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (re-read each time) or
 * `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
 */
export function containerCredentials(
  context: SdkProviderContext,
  config: { fullUri?: string | undefined; relativeUri?: string | undefined; tokenFile?: string | undefined; token?: string | undefined },
): CredentialProvider {
  const url = config.relativeUri ? `http://169.254.170.2${config.relativeUri}` : config.fullUri!;
  const description = `container credentials ${url}`;
  // The token value stays out of the key: keys are compared, not logged, but they need not hold secrets either.
  const key = JSON.stringify(['container', url, config.tokenFile ?? '', config.token ? 'token' : '']);
  return cachedProvider(context.cache, key, {
    description,
    logger: context.logger,
    async load() {
      // A new provider per load: fromHttp destroys its HTTP handler after each call.
      const { fromHttp } = await import('@aws-sdk/credential-provider-http');
      const provider = fromHttp({
        awsContainerCredentialsFullUri: config.fullUri,
        awsContainerCredentialsRelativeUri: config.relativeUri,
        awsContainerAuthorizationTokenFile: config.tokenFile,
        awsContainerAuthorizationToken: config.tokenFile ? undefined : config.token,
        maxRetries: 0,
        timeout: CONTAINER_TIMEOUT_MS,
        logger: sdkLogger(context.logger),
      });
      try {
        return toAwsCredentials(await provider());
      } catch (error) {
        throw new CredentialsUnavailableError(description, `the credentials endpoint failed: ${(error as Error).message}`, { cause: error });
      }
    },
  });
}

/**
 * A profile of the shared config/credentials files (`AWS_PROFILE`, default
 * `default`), through `fromIni` of `@aws-sdk/credential-provider-ini`: static
 * keys, `role_arn` + `source_profile`, `web_identity_token_file`… For laptops.
 */
export function profileCredentials(context: SdkProviderContext, config: { profile: string; credentialsFile: string; configFile: string }): CredentialProvider {
  const description = `profile ${config.profile}`;
  const key = JSON.stringify(['profile', config.profile, config.credentialsFile, config.configFile, context.sts.region]);
  const provider = once(async (): Promise<SdkProvider> => {
    const { fromIni } = await import('@aws-sdk/credential-provider-ini');
    return fromIni({
      profile: config.profile,
      filepath: config.credentialsFile,
      configFilepath: config.configFile,
      ignoreCache: true,
      // Region only: the same clientConfig reaches the SSO client, which must not be sent to STS's endpoint.
      clientConfig: { region: context.sts.region },
      logger: sdkLogger(context.logger),
    });
  });
  return cachedProvider(context.cache, key, {
    description,
    logger: context.logger,
    reloadUnexpiringAfterMs: PROFILE_REREAD_MS,
    async load() {
      try {
        return toAwsCredentials(await (await provider())());
      } catch (error) {
        throw new CredentialsUnavailableError(description, describeSdkError(error), { cause: error });
      }
    },
  });
}
