export { CredentialsUnavailableError } from './types.ts';
export type { AwsCredentials, CredentialProvider, SecretSource } from './types.ts';
export { environmentCredentials } from './environment.ts';
export { secretCredentials } from './secret.ts';
export { CredentialResolver } from './resolver.ts';
export type { AssumeRoleProviderFactory, CredentialResolverOptions } from './resolver.ts';
