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
  /**
   * Names the source process-wide, for caches that outlive one gateway
   * (module scope): two providers with the same identity yield the same
   * credentials. Absent when that cannot be promised (e.g. a named secret,
   * whose content depends on the secret source); such providers are then only
   * shared within one resolver. Never secret material.
   */
  readonly identity?: string | undefined;
  /**
   * The IAM role these credentials are sessions of, when known without asking
   * STS (web identity: `AWS_ROLE_ARN`). Lets role chaining skip a hop into the
   * same role and apply the one-hour chaining limit early.
   */
  readonly roleArn?: string | undefined;
}

/** How long callers are told to wait when a source does not say (see CredentialsUnavailableError.retryAfterSeconds). */
const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * Thrown when no valid credentials can be had right now, naming the source
 * (never a key or token). Plain AWS-side data: the invoke layer turns it into
 * the gateway's 503 `CredentialsUnavailable` answer with `Retry-After`.
 */
export class CredentialsUnavailableError extends Error {
  /** The source's description, e.g. `role arn:aws:iam::…`. */
  readonly source: string;
  /** Why, without the "credentials unavailable for …" prefix (lets a chained provider quote its base). */
  readonly reason: string;
  /** When trying again may help (a refresh backoff ends, a file may appear); default 5. */
  readonly retryAfterSeconds: number;

  constructor(source: string, reason: string, options: { retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(`credentials unavailable for ${source}: ${reason}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CredentialsUnavailableError';
    this.source = source;
    this.reason = reason;
    this.retryAfterSeconds = options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
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
