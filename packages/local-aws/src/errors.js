/**
 * An error response as the real service would send it. Thrown anywhere in a
 * handler; the router renders it in the service's wire format.
 */
export class AwsError extends Error {
    status;
    code;
    headers;
    fields;
    messageKey;
    frontEnd;
    serverFault;
    constructor(status, code, message, options = {}) {
        super(message);
        this.status = status;
        this.code = code;
        this.name = 'AwsError';
        this.headers = options.headers ?? {};
        this.fields = options.fields ?? {};
        this.messageKey = options.messageKey ?? 'message';
        this.frontEnd = options.frontEnd ?? false;
        this.serverFault = options.serverFault ?? status >= 500;
    }
}
/**
 * Raised by signature verification, which is shared by every service; the
 * router turns it into the calling service's error (see auth-errors.ts).
 */
export class AuthFailure extends Error {
    kind;
    detail;
    constructor(kind, 
    /** Overrides the service's default message for this kind. */
    detail) {
        super(detail ?? kind);
        this.kind = kind;
        this.detail = detail;
        this.name = 'AuthFailure';
    }
}
