import type { ServiceDefinition } from './service-definition.ts';
/**
 * Path of the container-credentials endpoint on the local AWS's origin, as on
 * the EKS Pod Identity agent (`http://169.254.170.23/v1/credentials`). Point
 * `AWS_CONTAINER_CREDENTIALS_FULL_URI` at `<local AWS url>/v1/credentials`:
 * the SDK accepts plain http on loopback addresses.
 */
export declare const CONTAINER_CREDENTIALS_PATH = "/v1/credentials";
/**
 * EKS Pod Identity / ECS container credentials: `GET /v1/credentials` with the
 * pod's token in `Authorization` returns `{AccessKeyId, SecretAccessKey, Token,
 * AccountId, Expiration}` for a session of the scenario's `containerCredentials.roleArn`.
 * Counted as `container:GetCredentials`.
 */
export declare const containerCredentialsService: ServiceDefinition;
