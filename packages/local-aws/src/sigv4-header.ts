import { AuthFailure } from './errors.ts';

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

const ALGORITHM = 'AWS4-HMAC-SHA256';

/**
 * Parses the SigV4 Authorization header. Anything structurally wrong is an
 * "incomplete signature" failure, as AWS reports it, before any key lookup.
 */
export function parseAuthorizationHeader(header: string): ParsedAuthorization {
  const trimmed = header.trim();
  if (!trimmed.startsWith(`${ALGORITHM} `)) {
    throw new AuthFailure('incomplete', `Authorization header must use the ${ALGORITHM} algorithm`);
  }
  const parameters = new Map<string, string>();
  for (const part of trimmed.slice(ALGORITHM.length).split(',')) {
    const separator = part.indexOf('=');
    if (separator > 0) parameters.set(part.slice(0, separator).trim(), part.slice(separator + 1).trim());
  }
  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((name) => !parameters.get(name));
  if (missing.length) {
    throw new AuthFailure('incomplete', missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' '));
  }
  const credential = parameters.get('Credential')!.split('/');
  if (credential.length !== 5 || credential[4] !== 'aws4_request' || credential.some((piece) => piece === '')) {
    throw new AuthFailure(
      'incomplete',
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${parameters.get('Credential')}'`,
    );
  }
  const [accessKeyId, scopeDate, scopeRegion, scopeService] = credential as [string, string, string, string, string];
  const signedHeaders = parameters
    .get('SignedHeaders')!
    .split(';')
    .map((name) => name.trim().toLowerCase());
  // AWS refuses a signature that does not cover the Host header (it would be replayable to another endpoint).
  if (!signedHeaders.includes('host')) {
    throw new AuthFailure('incomplete', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  return {
    accessKeyId,
    scopeDate,
    scopeRegion,
    scopeService,
    signedHeaders,
    signature: parameters.get('Signature')!.toLowerCase(),
  };
}

/** Parses an ISO-8601 basic timestamp (`20240102T030405Z`), as X-Amz-Date carries it. */
export function parseAmzDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Formats a time as X-Amz-Date does. */
export function formatAmzDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[-:]|\.\d{3}/g, '');
}
