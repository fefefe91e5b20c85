import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest, QueryParameterBag } from '@smithy/types';
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

function queryBag(rawQuery: string): QueryParameterBag {
  const bag: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    const existing = bag[key];
    if (existing === undefined) bag[key] = value;
    else bag[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return bag;
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** Lower-case hex SHA-256 of the body, as SigV4 hashes payloads. */
export function sha256Hex(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Recomputes the request's signature with the AWS SDK's own signer
 * (`@smithy/signature-v4`), over exactly the headers the client said it signed.
 * The gateway signs with aws4fetch, so agreement here means the two
 * independent implementations agree. The raw path is handed over still
 * encoded; the signer encodes it once more, as SigV4 requires for every
 * service but S3.
 */
export async function computeSignature(request: WireRequest, authorization: ParsedAuthorization, secretAccessKey: string, signingDate: Date): Promise<string> {
  const headers: Record<string, string> = {};
  for (const name of authorization.signedHeaders) {
    const value = headerValue(request.headers, name);
    // A header listed as signed but absent cannot be reproduced: leave it out and let the comparison fail.
    if (value !== undefined) headers[name] = value;
  }
  const toSign: HttpRequest = {
    method: request.method,
    protocol: 'http:',
    hostname: headerValue(request.headers, 'host') ?? 'localhost',
    path: request.rawPath,
    query: queryBag(request.rawQuery),
    headers,
    body: request.body,
  };
  const signer = new SignatureV4({
    service: authorization.scopeService,
    region: authorization.scopeRegion,
    credentials: { accessKeyId: authorization.accessKeyId, secretAccessKey },
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: true,
    // The client decides whether x-amz-content-sha256 is signed; never add it ourselves.
    applyChecksum: false,
  });
  const signed = await signer.sign(toSign, {
    signingDate,
    signingRegion: authorization.scopeRegion,
    signingService: authorization.scopeService,
    // Lets headers the SDK would never sign itself (e.g. user-agent) count when a client did sign them.
    signableHeaders: new Set(authorization.signedHeaders),
  });
  const header = String(signed.headers['authorization'] ?? '');
  return /Signature=([0-9a-f]+)/.exec(header)?.[1] ?? '';
}

/** Constant-time comparison of two hex signatures. */
export function signaturesMatch(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(provided, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
