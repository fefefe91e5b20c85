import type { AwsError } from './errors.ts';
import type { LocalResponse } from './http-io.ts';
import type { ServiceDefinition } from './service-definition.ts';
/** Lambda's rest-json error: x-amzn-ErrorType header plus `{Type, message|Message, …}`. */
export declare function renderLambdaError(error: AwsError, requestId: string): LocalResponse;
/** Lambda's REST API (Invoke only). */
export declare const lambdaService: ServiceDefinition;
