import { type AuthFailure, AwsError, type AuthFailureKind, type ServiceName, type SignedServiceName } from './errors.ts';

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';
const EXPIRED_TOKEN = 'The security token included in the request is expired';

/** [error code, default message] per failure kind, as each service reports it. */
const CODES: Record<SignedServiceName, Record<AuthFailureKind, [string, string]>> = {
  lambda: {
    missing: ['MissingAuthenticationTokenException', 'Missing Authentication Token'],
    incomplete: ['IncompleteSignatureException', 'Authorization header is malformed'],
    'unknown-key': ['UnrecognizedClientException', INVALID_TOKEN],
    'bad-signature': ['InvalidSignatureException', SIGNATURE_MISMATCH],
    'signature-expired': ['InvalidSignatureException', 'Signature expired'],
    'token-expired': ['ExpiredTokenException', EXPIRED_TOKEN],
    'wrong-scope': ['InvalidSignatureException', 'Credential should be scoped to a valid region.'],
  },
  sts: {
    missing: ['MissingAuthenticationToken', 'Request is missing Authentication Token'],
    incomplete: ['IncompleteSignature', 'Authorization header is malformed'],
    'unknown-key': ['InvalidClientTokenId', INVALID_TOKEN],
    'bad-signature': ['SignatureDoesNotMatch', SIGNATURE_MISMATCH],
    'signature-expired': ['SignatureDoesNotMatch', 'Signature expired'],
    'token-expired': ['ExpiredToken', EXPIRED_TOKEN],
    'wrong-scope': ['SignatureDoesNotMatch', "Credential should be scoped to correct service: 'sts'."],
  },
};

/** Converts a shared authentication failure into `service`'s own 403 error. */
export function authFailureToAwsError(failure: AuthFailure, service: ServiceName): AwsError {
  // The container-credentials endpoint checks its own token and never raises SigV4 failures.
  if (service === 'container') return new AwsError(401, 'AccessDenied', failure.detail ?? 'Unauthorized');
  const [code, defaultMessage] = CODES[service][failure.kind];
  return new AwsError(403, code, failure.detail ?? defaultMessage, { frontEnd: true });
}
