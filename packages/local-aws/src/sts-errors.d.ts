import { AwsError } from './errors.ts';
/** STS error responses (query protocol), with the codes and messages the real service uses. */
/** 400 ValidationError with AWS's "N validation error(s) detected: …" wording. */
export declare function stsValidationErrors(problems: readonly string[]): AwsError;
/** 400 ValidationError with a free-form message (STS uses these for semantic checks). */
export declare const stsValidationError: (message: string) => AwsError;
/** 403 AccessDenied. */
export declare const stsAccessDenied: (callerArn: string, action: string, resourceArn: string) => AwsError;
/** 403 AccessDenied for AssumeRoleWithWebIdentity (STS names no caller: there is no signed principal). */
export declare const stsWebIdentityAccessDenied: () => AwsError;
/** 400 InvalidIdentityToken: the token is malformed, unsigned by the provider, for another audience, or from an unknown issuer. */
export declare const stsInvalidIdentityToken: (message: string) => AwsError;
/** 400 ExpiredTokenException: the web identity token's `exp` has passed (times in epoch seconds, as STS prints them). */
export declare const stsExpiredWebIdentityToken: (nowSeconds: number, expSeconds: number) => AwsError;
/** 400 for an Action STS does not have (or the local AWS does not implement). */
export declare const stsInvalidAction: (action: string) => AwsError;
/** 400 when the Action parameter is missing. */
export declare const stsMissingAction: () => AwsError;
/** 413 for a form body over the local AWS's bound. */
export declare const stsRequestTooLarge: () => AwsError;
/** 503 when a test has taken STS "down". */
export declare const stsUnavailable: () => AwsError;
/** 500 for bugs in the local AWS itself. */
export declare const stsInternalFailure: () => AwsError;
