/** The services that authenticate with SigV4 (each has its own codes for signature failures). */
export type SignedServiceName = 'lambda' | 'sts';

/** The services this local AWS speaks: the SigV4 ones and the container-credentials endpoint. */
export type ServiceName = SignedServiceName | 'container';

export interface AwsErrorOptions {
  /** Extra response headers (e.g. Retry-After). */
  headers?: Record<string, string>;
  /** Extra JSON body fields for rest-json services (e.g. `Reason`). */
  fields?: Record<string, unknown>;
  /** Lambda uses `message` in most bodies and `Message` in some; the gateway must cope with both. */
  messageKey?: 'message' | 'Message';
  /**
   * Errors raised by AWS's request front end (authentication) carry a
   * `:http://internal.amazon.com/coral/…` suffix in x-amzn-ErrorType and no
   * `Type` field; clients must strip the suffix.
   */
  frontEnd?: boolean;
  /** 5xx faults are `Service` (JSON) / `Receiver` (XML); everything else is the caller's fault. */
  serverFault?: boolean;
}

/**
 * An error response as the real service would send it. Thrown anywhere in a
 * handler; the router renders it in the service's wire format.
 */
export class AwsError extends Error {
  readonly headers: Record<string, string>;
  readonly fields: Record<string, unknown>;
  readonly messageKey: 'message' | 'Message';
  readonly frontEnd: boolean;
  readonly serverFault: boolean;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options: AwsErrorOptions = {},
  ) {
    super(message);
    this.name = 'AwsError';
    this.headers = options.headers ?? {};
    this.fields = options.fields ?? {};
    this.messageKey = options.messageKey ?? 'message';
    this.frontEnd = options.frontEnd ?? false;
    this.serverFault = options.serverFault ?? status >= 500;
  }
}

/** Authentication failures, named by cause; each service has its own code for each. */
export type AuthFailureKind = 'missing' | 'incomplete' | 'unknown-key' | 'bad-signature' | 'signature-expired' | 'token-expired' | 'wrong-scope';

/**
 * Raised by signature verification, which is shared by every service; the
 * router turns it into the calling service's error (see auth-errors.ts).
 */
export class AuthFailure extends Error {
  constructor(
    readonly kind: AuthFailureKind,
    /** Overrides the service's default message for this kind. */
    readonly detail?: string,
  ) {
    super(detail ?? kind);
    this.name = 'AuthFailure';
  }
}
