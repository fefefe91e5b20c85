import type { EnvLookup } from '../aws/env.ts';
import { CredentialsUnavailableError, type AwsCredentials, type CredentialProvider } from '../aws/credentials.ts';

/**
 * Static keys from `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` (and
 * `AWS_SESSION_TOKEN`). Returns undefined when they are not set, so the ambient
 * chain can move on to the next source.
 */
export function environmentCredentials(env: EnvLookup): CredentialProvider | undefined {
  const accessKeyId = env('AWS_ACCESS_KEY_ID');
  const secretAccessKey = env('AWS_SECRET_ACCESS_KEY');
  if (!accessKeyId && !secretAccessKey) return undefined;
  const description = 'environment (AWS_ACCESS_KEY_ID)';
  if (!accessKeyId || !secretAccessKey) {
    const missing = accessKeyId ? 'AWS_SECRET_ACCESS_KEY' : 'AWS_ACCESS_KEY_ID';
    return {
      description,
      getCredentials: () => Promise.reject(new CredentialsUnavailableError(description, `${missing} is not set`)),
    };
  }
  const sessionToken = env('AWS_SESSION_TOKEN') || undefined;
  const credentials: AwsCredentials = { accessKeyId, secretAccessKey, sessionToken };
  const resolved = Promise.resolve(credentials);
  // An access key id names one key pair everywhere: a safe process-wide identity (it is not secret).
  return { description, identity: `environment:${accessKeyId}`, getCredentials: () => resolved };
}
