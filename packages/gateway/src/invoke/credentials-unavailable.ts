import type { CredentialsUnavailableError } from '../aws/credentials.ts';
import { GatewayError } from '../errors/index.ts';

/**
 * The gateway's answer when a backend's credentials cannot be had right now:
 * 503 `CredentialsUnavailable` with `Retry-After`, the message and
 * `details.source` naming the source (never a key or token). The one place
 * the AWS-side error becomes an HTTP one.
 */
export function credentialsUnavailable(error: CredentialsUnavailableError): GatewayError {
  return new GatewayError(503, 'CredentialsUnavailable', error.message, {
    headers: { 'retry-after': String(error.retryAfterSeconds) },
    details: { source: error.source },
    cause: error,
  });
}
