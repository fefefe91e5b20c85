import { GatewayError } from '../errors/index.ts';

/** A set of AWS credentials. `expiration` is absent for long-lived keys. */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
  readonly expiration?: Date | undefined;
}

/**
 * Source of credentials for signing. Implementations cache and refresh on their
 * own; `getCredentials` must be cheap when cached (it is on the request path).
 *
 * Providers are composable: role chaining wraps a base provider, the ambient
 * chain tries several in order, and a caching layer adds refresh-ahead and
 * single flight around any provider whose credentials expire.
 */
export interface CredentialProvider {
  /**
   * What these credentials are, for logs and error messages: e.g. `environment
   * (AWS_ACCESS_KEY_ID)`, `secret aws-creds`, `role arn:aws:iam::…`. Never secret material.
   */
  readonly description: string;
  /** Valid credentials, or a thrown CredentialsUnavailableError. */
  getCredentials(): Promise<AwsCredentials>;
}

/**
 * Thrown when no valid credentials can be had right now. Maps to 503 with
 * `Retry-After`, naming the source (never a key or token).
 */
export class CredentialsUnavailableError extends GatewayError {
  constructor(source: string, reason: string, options: { retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(503, 'CredentialsUnavailable', `credentials unavailable for ${source}: ${reason}`, {
      headers: { 'retry-after': String(options.retryAfterSeconds ?? 5) },
      details: { source },
      cause: options.cause,
    });
    this.name = 'CredentialsUnavailableError';
  }
}

/**
 * Reads named secrets (a Kubernetes Secret mounted as a directory on Node, a
 * binding in a worker). Returns undefined when the secret does not exist.
 */
export interface SecretSource {
  read(name: string): Promise<Record<string, string> | undefined>;
  /** Where the secret would be, for messages (e.g. `/etc/lambda-gateway/secrets/aws-creds/`). */
  locate(name: string): string;
}
