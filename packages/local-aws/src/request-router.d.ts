import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalAwsState } from './local-aws-state.ts';
import type { ServiceDefinition } from './service-definition.ts';
export type RequestLogger = (entry: Record<string, unknown>) => void;
/**
 * Dispatches each request to the first service that claims it, turns thrown
 * errors into that service's wire format, and emits one log entry per request.
 * Unexpected exceptions become the service's 500 and are logged with detail.
 */
export declare function createRequestListener(state: LocalAwsState, services: readonly ServiceDefinition[], log: RequestLogger | undefined): (request: IncomingMessage, response: ServerResponse) => void;
