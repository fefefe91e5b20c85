import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';

/**
 * The benchmark upstream's SigV4 check: recomputes the signature with the AWS
 * SDK's signer (an implementation independent of aws4fetch) over the headers
 * the client says it signed. Used only for the smoke request each contender
 * sends before the load; under load it is switched off so that the upstream's
 * cost stays negligible and equal for everyone.
 */
export async function verifySigV4(
  request: { method: string; rawPath: string; headers: IncomingHttpHeaders; body: Uint8Array },
  secrets: Record<string, string>,
): Promise<'ok' | 'unsigned' | 'bad'> {
  const authorization = header(request.headers, 'authorization');
  if (!authorization) return 'unsigned';
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(
    authorization,
  );
  const amzDate = header(request.headers, 'x-amz-date');
  if (!match || !amzDate) return 'bad';
  const [, accessKeyId = '', , region = '', service = '', signedHeaderList = '', signature = ''] = match;
  const secretAccessKey = secrets[accessKeyId];
  if (!secretAccessKey) return 'bad';
  const signedHeaders = signedHeaderList.split(';');
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = header(request.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  const [path = '/', query = ''] = request.rawPath.split('?', 2);
  const toSign: HttpRequest = {
    method: request.method,
    protocol: 'http:',
    hostname: header(request.headers, 'host') ?? 'localhost',
    path,
    query: Object.fromEntries(new URLSearchParams(query)),
    headers,
    body: request.body,
  };
  const signer = new SignatureV4({
    service,
    region,
    credentials: { accessKeyId, secretAccessKey },
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: true,
    applyChecksum: false,
  });
  const signingDate = new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  const signed = await signer.sign(toSign, { signingDate, signableHeaders: new Set(signedHeaders) });
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers['authorization'] ?? ''))?.[1] ?? '';
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b) ? 'ok' : 'bad';
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}
