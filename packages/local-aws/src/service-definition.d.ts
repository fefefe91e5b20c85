import type { AwsError, ServiceName } from './errors.ts';
import type { LocalResponse } from './http-io.ts';
import type { RequestContext } from './request-context.ts';
/**
 * A service the local AWS serves on its single origin. New services (an
 * ECS/EKS container-credentials endpoint, Lambda response streaming, …) are
 * added by writing one of these and listing it in server.ts.
 */
export interface ServiceDefinition {
    name: ServiceName;
    /** Claims a request from its method and raw path. First match wins. */
    matches(method: string, rawPath: string, headers: Record<string, string | string[] | undefined>): boolean;
    handle(context: RequestContext): Promise<LocalResponse>;
    /** Renders an error in the service's wire format. */
    renderError(error: AwsError, requestId: string): LocalResponse;
    /** The error the service returns while switched off. */
    unavailableError(): AwsError;
    /** The error for unexpected failures inside the local AWS. */
    internalError(): AwsError;
}
