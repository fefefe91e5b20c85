import {
  DEFAULT_ROLE_SESSION_NAME,
  environmentCredentials,
  unavailableCredentials,
  webIdentityCredentials,
  type CredentialCache,
  type CredentialProvider,
  type StsClient,
  type WebIdentityProviderFactory,
} from '../../credentials/index.ts';
import type { EnvLookup } from '../../descriptor/index.ts';
import type { Logger } from '../../logging/index.ts';
import { ConfigError } from '../../validation/index.ts';

/** The binding that holds the web identity token itself (a worker cannot read `AWS_WEB_IDENTITY_TOKEN_FILE`). */
export const WEB_IDENTITY_TOKEN_BINDING = 'AWS_WEB_IDENTITY_TOKEN';

/**
 * Credential sources of the Node runtime that need a filesystem or a
 * node-local agent. A worker has neither, so each one set is a start-up error
 * saying what to use instead, rather than a silent fallback to no credentials.
 */
const UNSUPPORTED: ReadonlyArray<readonly [variable: string, reason: string]> = [
  [
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    `web identity token files cannot be read in a worker (no filesystem): put the token itself in the ${WEB_IDENTITY_TOKEN_BINDING} binding, with AWS_ROLE_ARN`,
  ],
  [
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    'EKS Pod Identity / container credentials need the node-local agent and a token file, which a worker cannot reach: use static keys (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY) or a web identity token binding',
  ],
  [
    'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    'ECS container credentials need the task metadata endpoint, which a worker cannot reach: use static keys or a web identity token binding',
  ],
  [
    'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
    'EKS Pod Identity token files cannot be read in a worker (no filesystem): use static keys or a web identity token binding',
  ],
  ['AWS_SHARED_CREDENTIALS_FILE', 'shared credentials files cannot be read in a worker (no filesystem): use static keys or secret bindings'],
  ['AWS_CONFIG_FILE', 'AWS config files cannot be read in a worker (no filesystem): use static keys or secret bindings'],
  ['AWS_PROFILE', 'profiles live in ~/.aws files, which a worker cannot read: use static keys or secret bindings'],
];

export interface WorkerAmbientCredentials {
  /** What `auth: ambient` signs with. */
  ambient: CredentialProvider;
  /** Web identity sessions for any role, with the token binding (Gloo's `disableRoleChaining` needs it); undefined without a token. */
  webIdentity: WebIdentityProviderFactory | undefined;
}

/**
 * The worker's ambient chain, in the AWS SDK's order: static keys from
 * bindings (`AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`),
 * then web identity (`AWS_ROLE_ARN` + the token in the `AWS_WEB_IDENTITY_TOKEN`
 * binding: `AssumeRoleWithWebIdentity` over `fetch`, cached and refreshed in
 * module scope). Throws ConfigError at start-up for sources a worker cannot use
 * and for half-configured web identity.
 */
export function workerAmbientCredentials(options: { env: EnvLookup; logger: Logger; cache: CredentialCache; sts: StsClient }): WorkerAmbientCredentials {
  const { env } = options;
  const problems = UNSUPPORTED.filter(([variable]) => env(variable) !== undefined).map(([variable, reason]) => `${variable}: ${reason}`);
  const token = env(WEB_IDENTITY_TOKEN_BINDING);
  const roleArn = env('AWS_ROLE_ARN');
  if (token !== undefined && roleArn === undefined)
    problems.push(`${WEB_IDENTITY_TOKEN_BINDING} is set but AWS_ROLE_ARN is not: web identity needs the role to assume`);
  if (roleArn !== undefined && token === undefined && env('AWS_WEB_IDENTITY_TOKEN_FILE') === undefined) {
    problems.push(`AWS_ROLE_ARN is set but ${WEB_IDENTITY_TOKEN_BINDING} is not: web identity needs the token in a binding`);
  }
  if (problems.length > 0) throw new ConfigError(problems, 'worker credentials');

  const defaultSessionName = env('AWS_ROLE_SESSION_NAME') ?? DEFAULT_ROLE_SESSION_NAME;
  const webIdentity: WebIdentityProviderFactory | undefined =
    token === undefined
      ? undefined
      : (role, roleSessionName) =>
          webIdentityCredentials({
            roleArn: role,
            roleSessionName: roleSessionName ?? defaultSessionName,
            // The binding is fixed for the isolate's life; a new token comes with a new deployment.
            readToken: () => token,
            tokenSource: `binding ${WEB_IDENTITY_TOKEN_BINDING}`,
            sts: options.sts,
            logger: options.logger,
            cache: options.cache,
          });

  const ambient =
    environmentCredentials(env) ??
    (webIdentity && roleArn ? webIdentity(roleArn, undefined) : undefined) ??
    unavailableCredentials(
      'ambient credentials',
      `no credentials configured (set the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY bindings, or AWS_ROLE_ARN and ${WEB_IDENTITY_TOKEN_BINDING}; or use auth type secret with SECRET_<NAME>_* bindings)`,
    );
  return { ambient, webIdentity };
}
