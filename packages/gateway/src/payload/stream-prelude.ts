import { GatewayError } from '../errors/index.ts';

/** The content type of a stream that starts with an HTTP prelude (`awslambda.HttpResponseStream.from`). */
export const HTTP_INTEGRATION_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response';

/** A prelude longer than this is not a prelude: the function forgot the 8 NUL bytes. */
export const MAX_PRELUDE_BYTES = 64 * 1024;
const DELIMITER_LENGTH = 8;

/** Headers the gateway owns for a streamed response (framing is chunked). */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

export interface StreamPrelude {
  status: number;
  headers: Headers;
}

/** Index of the first run of 8 NUL bytes, or -1. */
export function findPreludeEnd(bytes: Uint8Array): number {
  let run = 0;
  for (let i = 0; i < bytes.length; i++) {
    run = bytes[i] === 0 ? run + 1 : 0;
    if (run === DELIMITER_LENGTH) return i - DELIMITER_LENGTH + 1;
  }
  return -1;
}

const invalid = (why: string) => new GatewayError(502, 'InvalidFunctionResponse', `the function's streaming HTTP prelude is invalid: ${why}`);

/**
 * The JSON prelude `{statusCode, headers, cookies}` mapped as Function URLs do:
 * status (default 200), each header, one Set-Cookie per cookie; the gateway
 * keeps the framing headers for itself.
 */
export function parsePrelude(json: Uint8Array): StreamPrelude {
  let value: unknown;
  try {
    value = json.byteLength === 0 ? {} : JSON.parse(new TextDecoder().decode(json));
  } catch {
    throw invalid('not JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid('not a JSON object');
  const { statusCode = 200, headers = {}, cookies = [] } = value as Record<string, unknown>;
  if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 200 || statusCode > 599)
    throw invalid('statusCode must be an integer 200-599');
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) throw invalid('headers must be an object');
  if (!Array.isArray(cookies)) throw invalid('cookies must be an array');
  const out = new Headers();
  for (const [name, raw] of Object.entries(headers)) {
    if (FRAMING_HEADERS.has(name.toLowerCase())) continue;
    try {
      out.append(name, String(raw));
    } catch {
      throw invalid(`header ${JSON.stringify(name)} is not a valid HTTP header`);
    }
  }
  for (const cookie of cookies) out.append('set-cookie', String(cookie));
  return { status: statusCode, headers: out };
}
