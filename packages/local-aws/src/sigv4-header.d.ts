/** The pieces of an `Authorization: AWS4-HMAC-SHA256 …` header. */
export interface ParsedAuthorization {
    accessKeyId: string;
    /** YYYYMMDD from the credential scope. */
    scopeDate: string;
    scopeRegion: string;
    scopeService: string;
    /** Lower-case header names, in the order the client listed them. */
    signedHeaders: string[];
    /** Lower-case hex. */
    signature: string;
}
/**
 * Parses the SigV4 Authorization header. Anything structurally wrong is an
 * "incomplete signature" failure, as AWS reports it, before any key lookup.
 */
export declare function parseAuthorizationHeader(header: string): ParsedAuthorization;
/** Parses an ISO-8601 basic timestamp (`20240102T030405Z`), as X-Amz-Date carries it. */
export declare function parseAmzDate(value: string): Date | undefined;
/** Formats a time as X-Amz-Date does. */
export declare function formatAmzDate(epochMs: number): string;
