import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_ROLE_SESSION_NAME,
  environmentCredentials,
  stsLocation,
  unavailableCredentials,
  type CredentialCache,
  type CredentialProvider,
  type WebIdentityProviderFactory,
} from '../../credentials/index.ts';
import type { EnvLookup } from '../../descriptor/index.ts';
import type { Logger } from '../../logging/index.ts';
import { containerCredentials, profileCredentials, tokenFileCredentials, type SdkProviderContext } from './sdk-credentials.ts';

export interface NodeAmbientCredentials {
  /** The first configured source (see nodeAmbientCredentials); undefined when none is. */
  ambient: CredentialProvider | undefined;
  /** Web identity for any role with the IRSA token file (Gloo's `disableRoleChaining`); undefined without a token file. */
  webIdentity: WebIdentityProviderFactory | undefined;
}

/**
 * The ambient credentials on Node: the FIRST CONFIGURED of, in this order,
 *
 * 1. static keys: `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` (/ `AWS_SESSION_TOKEN`);
 * 2. web identity (IRSA): `AWS_ROLE_ARN` + `AWS_WEB_IDENTITY_TOKEN_FILE` (+ `AWS_ROLE_SESSION_NAME`);
 * 3. container credentials (EKS Pod Identity, ECS): `AWS_CONTAINER_CREDENTIALS_FULL_URI`
 *    (or `…_RELATIVE_URI`) + `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (or `…_TOKEN`);
 * 4. the shared config/credentials files: `AWS_PROFILE` (default `default`),
 *    `AWS_SHARED_CREDENTIALS_FILE`, `AWS_CONFIG_FILE` (default `~/.aws/…`).
 *
 * "Configured" means its variables (or files) are there, as in the SDK's
 * default chain; a source that is configured but fails is not skipped: its
 * error is what requests and `/readyz` report. Half a configuration (a role
 * without a token file) is reported as such rather than silently skipped.
 */
export function nodeAmbientCredentials(options: { env: EnvLookup; logger: Logger; cache: CredentialCache }): NodeAmbientCredentials {
  const { env } = options;
  const context: SdkProviderContext = { sts: stsLocation(env), logger: options.logger, cache: options.cache };
  const tokenFile = env('AWS_WEB_IDENTITY_TOKEN_FILE') || undefined;
  const defaultSessionName = env('AWS_ROLE_SESSION_NAME') || DEFAULT_ROLE_SESSION_NAME;
  const webIdentity: WebIdentityProviderFactory | undefined = tokenFile
    ? (roleArn, roleSessionName) => tokenFileCredentials(context, { roleArn, roleSessionName: roleSessionName ?? defaultSessionName, tokenFile })
    : undefined;
  return { ambient: chooseAmbient(env, context, webIdentity), webIdentity };
}

function chooseAmbient(env: EnvLookup, context: SdkProviderContext, webIdentity: WebIdentityProviderFactory | undefined): CredentialProvider | undefined {
  const fromEnvironment = environmentCredentials(env);
  if (fromEnvironment) return fromEnvironment;

  const roleArn = env('AWS_ROLE_ARN') || undefined;
  if (roleArn && webIdentity) return webIdentity(roleArn, undefined);
  if (roleArn || webIdentity) {
    const missing = roleArn ? 'AWS_WEB_IDENTITY_TOKEN_FILE' : 'AWS_ROLE_ARN';
    return unavailableCredentials(
      roleArn ? `web identity ${roleArn}` : 'web identity',
      `${missing} is not set (IRSA needs both AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE)`,
    );
  }

  const fullUri = env('AWS_CONTAINER_CREDENTIALS_FULL_URI') || undefined;
  const relativeUri = env('AWS_CONTAINER_CREDENTIALS_RELATIVE_URI') || undefined;
  if (fullUri || relativeUri) {
    return containerCredentials(context, {
      fullUri,
      relativeUri,
      tokenFile: env('AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE') || undefined,
      token: env('AWS_CONTAINER_AUTHORIZATION_TOKEN') || undefined,
    });
  }

  const home = env('HOME') || env('USERPROFILE');
  const credentialsFile = env('AWS_SHARED_CREDENTIALS_FILE') || (home && join(home, '.aws', 'credentials'));
  const configFile = env('AWS_CONFIG_FILE') || (home && join(home, '.aws', 'config'));
  const profile = env('AWS_PROFILE') || undefined;
  if (credentialsFile && configFile && (profile || existsSync(credentialsFile) || existsSync(configFile))) {
    return profileCredentials(context, { profile: profile ?? 'default', credentialsFile, configFile });
  }
  return undefined;
}
