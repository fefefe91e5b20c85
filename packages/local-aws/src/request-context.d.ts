import type { IncomingMessage } from 'node:http';
import type { AwsError, ServiceName } from './errors.ts';
import { type BodyReadResult } from './http-io.ts';
import type { LocalAwsState } from './local-aws-state.ts';
import type { WireRequest } from './sigv4-verify.ts';
/**
 * One request on its way through a service handler: the raw wire data
 * (never normalised, because signatures cover it), the shared state, and
 * fields the handler adds to the request's log entry.
 */
export declare class RequestContext {
    readonly service: ServiceName;
    readonly request: IncomingMessage;
    readonly state: LocalAwsState;
    private readonly unavailableError;
    readonly requestId: `${string}-${string}-${string}-${string}-${string}`;
    readonly receivedAt: number;
    readonly rawPath: string;
    readonly rawQuery: string;
    readonly logFields: Record<string, unknown>;
    /** Set when the body was refused for size, so the connection is closed after answering. */
    bodyRefused: boolean;
    private body;
    constructor(service: ServiceName, request: IncomingMessage, state: LocalAwsState, unavailableError: () => AwsError);
    /**
     * Names the operation once it is known: counts it as `service:Action` and
     * fails with the service's 503 while a test has the service switched off.
     */
    beginAction(action: string): void;
    /** Reads the body once (later calls get the same result); undefined when over `limitBytes`. */
    readBody(limitBytes: number): Promise<BodyReadResult>;
    /** The request as signature verification needs it. */
    wire(body: Uint8Array): WireRequest;
    /** Query parameters, decoded. */
    query(): URLSearchParams;
}
