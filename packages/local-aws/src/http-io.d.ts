import type { IncomingMessage, ServerResponse } from 'node:http';
/** A response before it is written to the socket. */
export interface LocalResponse {
    status: number;
    headers: Record<string, string>;
    body?: string | Uint8Array;
}
/** The body, or `undefined` when it exceeded the limit (nothing past the limit is kept). */
export type BodyReadResult = Buffer | undefined;
/**
 * Reads the request body, refusing to hold more than `limitBytes`: a declared
 * Content-Length over the limit is refused without reading, and a streamed
 * body stops being collected the moment it crosses the limit.
 */
export declare function readBodyWithLimit(request: IncomingMessage, limitBytes: number): Promise<BodyReadResult>;
/** Writes a LocalResponse; `closeConnection` is for answers sent before the body was consumed. */
export declare function writeResponse(response: ServerResponse, local: LocalResponse, closeConnection: boolean): void;
