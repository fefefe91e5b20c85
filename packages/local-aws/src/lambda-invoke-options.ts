import type { IncomingHttpHeaders } from 'node:http';
import { ASYNC_PAYLOAD_LIMIT_BYTES, invalidParameterValue, SYNC_PAYLOAD_LIMIT_BYTES } from './lambda-errors.ts';

/** Invoke's request headers, validated. */
export interface InvokeOptions {
  invocationType: 'RequestResponse' | 'Event' | 'DryRun';
  logType: 'None' | 'Tail';
  /** The decoded X-Amz-Client-Context JSON, if sent. */
  clientContext: unknown;
}

/** X-Amz-Client-Context is capped at 3583 bytes of base64 text. */
const MAX_CLIENT_CONTEXT_BYTES = 3583;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * How much body to accept before answering 413: Event requests have the 1 MB
 * asynchronous limit. Decided from the header alone, before reading anything.
 */
export function payloadLimitFor(headers: IncomingHttpHeaders): number {
  return header(headers, 'x-amz-invocation-type') === 'Event' ? ASYNC_PAYLOAD_LIMIT_BYTES : SYNC_PAYLOAD_LIMIT_BYTES;
}

function decodeClientContext(encoded: string): unknown {
  if (Buffer.byteLength(encoded) > MAX_CLIENT_CONTEXT_BYTES) {
    throw invalidParameterValue(`Client context must be smaller than ${MAX_CLIENT_CONTEXT_BYTES} bytes.`);
  }
  const invalid = invalidParameterValue('Client context must be a valid Base64-encoded JSON object.');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) throw invalid;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
    if (decoded === null || typeof decoded !== 'object' || Array.isArray(decoded)) throw invalid;
    return decoded;
  } catch {
    throw invalid;
  }
}

/** Validates the Invoke headers (400 InvalidParameterValueException on bad values). */
export function parseInvokeOptions(headers: IncomingHttpHeaders): InvokeOptions {
  const invocationType = header(headers, 'x-amz-invocation-type') ?? 'RequestResponse';
  if (invocationType !== 'RequestResponse' && invocationType !== 'Event' && invocationType !== 'DryRun') {
    throw invalidParameterValue(`Invalid InvocationType '${invocationType}': must be one of RequestResponse, Event, DryRun`);
  }
  const logType = header(headers, 'x-amz-log-type') ?? 'None';
  if (logType !== 'None' && logType !== 'Tail') {
    throw invalidParameterValue(`Invalid LogType '${logType}': must be one of None, Tail`);
  }
  const encodedContext = header(headers, 'x-amz-client-context');
  const clientContext = encodedContext === undefined ? undefined : decodeClientContext(encodedContext);
  return { invocationType, logType, clientContext };
}
