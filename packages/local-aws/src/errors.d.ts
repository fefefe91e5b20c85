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
export declare class AwsError extends Error {
    readonly status: number;
    readonly code: string;
    readonly headers: Record<string, string>;
    readonly fields: Record<string, unknown>;
    readonly messageKey: 'message' | 'Message';
    readonly frontEnd: boolean;
    readonly serverFault: boolean;
    constructor(status: number, code: string, message: string, options?: AwsErrorOptions);
}
/** Authentication failures, named by cause; each service has its own code for each. */
export type AuthFailureKind = 'missing' | 'incomplete' | 'unknown-key' | 'bad-signature' | 'signature-expired' | 'token-expired' | 'wrong-scope';
/**
 * Raised by signature verification, which is shared by every service; the
 * router turns it into the calling service's error (see auth-errors.ts).
 */
export declare class AuthFailure extends Error {
    readonly kind: AuthFailureKind;
    /** Overrides the service's default message for this kind. */
    readonly detail?: string | undefined;
    constructor(kind: AuthFailureKind, 
    /** Overrides the service's default message for this kind. */
    detail?: string | undefined);
}
