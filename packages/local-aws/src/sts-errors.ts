import { AwsError } from './errors.ts';

/** STS error responses (query protocol), with the codes and messages the real service uses. */

/** 400 ValidationError with AWS's "N validation error(s) detected: …" wording. */
export function stsValidationErrors(problems: readonly string[]): AwsError {
  const count = problems.length;
  return new AwsError(400, 'ValidationError', `${count} validation error${count === 1 ? '' : 's'} detected: ${problems.join('; ')}`);
}

/** 400 ValidationError with a free-form message (STS uses these for semantic checks). */
export const stsValidationError = (message: string): AwsError => new AwsError(400, 'ValidationError', message);

/** 403 AccessDenied. */
export const stsAccessDenied = (callerArn: string, action: string, resourceArn: string): AwsError =>
  new AwsError(403, 'AccessDenied', `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resourceArn}`);

/** 403 AccessDenied for AssumeRoleWithWebIdentity (STS names no caller: there is no signed principal). */
export const stsWebIdentityAccessDenied = (): AwsError => new AwsError(403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity');

/** 400 InvalidIdentityToken: the token is malformed, unsigned by the provider, for another audience, or from an unknown issuer. */
export const stsInvalidIdentityToken = (message: string): AwsError => new AwsError(400, 'InvalidIdentityToken', message);

/** 400 ExpiredTokenException: the web identity token's `exp` has passed (times in epoch seconds, as STS prints them). */
export const stsExpiredWebIdentityToken = (nowSeconds: number, expSeconds: number): AwsError =>
  new AwsError(400, 'ExpiredTokenException', `Token expired: current date/time ${nowSeconds} must be before the expiration date/time ${expSeconds}`);

/** 400 for an Action STS does not have (or the local AWS does not implement). */
export const stsInvalidAction = (action: string): AwsError => new AwsError(400, 'InvalidAction', `Could not find operation ${action} for version 2011-06-15`);

/** 400 when the Action parameter is missing. */
export const stsMissingAction = (): AwsError => new AwsError(400, 'MissingAction', 'Missing Action');

/** 413 for a form body over the local AWS's bound. */
export const stsRequestTooLarge = (): AwsError => new AwsError(413, 'RequestEntityTooLarge', 'Request body exceeds the maximum size accepted by STS');

/** 503 when a test has taken STS "down". */
export const stsUnavailable = (): AwsError => new AwsError(503, 'ServiceUnavailable', 'Service is unable to handle request.', { serverFault: true });

/** 500 for bugs in the local AWS itself. */
export const stsInternalFailure = (): AwsError => new AwsError(500, 'InternalFailure', 'An internal error occurred in the local AWS.', { serverFault: true });
