import { CredentialsUnavailableError, type CredentialProvider } from '../aws/credentials.ts';

/**
 * A provider that always fails with `reason`: for sources that are
 * configured wrongly or not at all. The gateway still starts (other backends
 * may be fine); requests to the affected backends get 503 and `/readyz` lists them.
 */
export function unavailableCredentials(description: string, reason: string): CredentialProvider {
  return { description, getCredentials: () => Promise.reject(new CredentialsUnavailableError(description, reason)) };
}
