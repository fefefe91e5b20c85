import { AuthFailure, AwsError, type ServiceName } from './errors.ts';
/** Converts a shared authentication failure into `service`'s own 403 error. */
export declare function authFailureToAwsError(failure: AuthFailure, service: ServiceName): AwsError;
