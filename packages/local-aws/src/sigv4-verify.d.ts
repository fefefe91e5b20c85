import type { IncomingHttpHeaders } from 'node:http';
import type { ParsedAuthorization } from './sigv4-header.ts';
/** A request exactly as it arrived on the wire. */
export interface WireRequest {
    method: string;
    /** Path as received, still percent-encoded (never decoded before signing checks). */
    rawPath: string;
    /** Query string as received, without the leading `?`. */
    rawQuery: string;
    headers: IncomingHttpHeaders;
    body: Uint8Array;
}
/** Lower-case hex SHA-256 of the body, as SigV4 hashes payloads. */
export declare function sha256Hex(body: Uint8Array): string;
/**
 * Recomputes the request's signature with the AWS SDK's own signer
 * (`@smithy/signature-v4`), over exactly the headers the client said it signed.
 * The gateway signs with aws4fetch, so agreement here means the two
 * independent implementations agree. The raw path is handed over still
 * encoded; the signer encodes it once more, as SigV4 requires for every
 * service but S3.
 */
export declare function computeSignature(request: WireRequest, authorization: ParsedAuthorization, secretAccessKey: string, signingDate: Date): Promise<string>;
/** Constant-time comparison of two hex signatures. */
export declare function signaturesMatch(expected: string, provided: string): boolean;
