import type { AwsError } from './errors.ts';
import type { LocalResponse } from './http-io.ts';
import type { ServiceDefinition } from './service-definition.ts';
/** STS's query-protocol XML error. */
export declare function renderStsError(error: AwsError, requestId: string): LocalResponse;
/** STS on `/` of the shared origin. */
export declare const stsService: ServiceDefinition;
