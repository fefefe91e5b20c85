import type { IncomingHttpHeaders } from 'node:http';
/** Invoke's request headers, validated. */
export interface InvokeOptions {
    invocationType: 'RequestResponse' | 'Event' | 'DryRun';
    logType: 'None' | 'Tail';
    /** The decoded X-Amz-Client-Context JSON, if sent. */
    clientContext: unknown;
}
/**
 * How much body to accept before answering 413: Event requests have the 1 MB
 * asynchronous limit. Decided from the header alone, before reading anything.
 */
export declare function payloadLimitFor(headers: IncomingHttpHeaders): number;
/** Validates the Invoke headers (400 InvalidParameterValueException on bad values). */
export declare function parseInvokeOptions(headers: IncomingHttpHeaders): InvokeOptions;
