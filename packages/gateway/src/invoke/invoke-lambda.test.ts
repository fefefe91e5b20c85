import { describe, expect, it } from 'vitest';
import { CredentialsUnavailableError } from '../aws/credentials.ts';
import { GatewayError } from '../errors/index.ts';
import { BackendDescriptorSchema, resolveBackend } from '../descriptor/index.ts';
import { parseOrThrow } from '../validation/index.ts';
import { invokeLambda } from './invoke-lambda.ts';
import type { HttpTransport, OutboundRequest } from '../aws/http.ts';

const backend = (timeoutMs = 5_000) =>
  resolveBackend(
    parseOrThrow(BackendDescriptorSchema, { functionName: 'f', region: 'us-east-1', accountId: '123456789012', endpointURL: 'http://127.0.0.1:9', timeoutMs }),
    () => undefined,
  );
const credentials = { description: 'test', getCredentials: () => Promise.resolve({ accessKeyId: 'AKID', secretAccessKey: 'secret' }) };

/** Resolves once `condition` holds (polled), so tests do not depend on how long signing takes. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
}

/** A transport that never answers, and records the request (and whether its signal fired). */
function hangingTransport(): HttpTransport & { sent: OutboundRequest[] } {
  const sent: OutboundRequest[] = [];
  return {
    sent,
    send: (request) => {
      sent.push(request);
      return new Promise((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true }));
    },
  };
}

const okTransport: HttpTransport = {
  send: async () => ({ status: 200, headers: new Headers({ 'x-amzn-requestid': 'r-1' }), bytes: async () => new TextEncoder().encode('{}') }),
};

describe('invokeLambda: deadlines and the client going away', () => {
  it('504 BackendTimeout after timeoutMs, and the transport is aborted', async () => {
    const transport = hangingTransport();
    const error = await invokeLambda(backend(50), new Uint8Array(0), { credentials, transport }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 504, code: 'BackendTimeout' });
    expect(transport.sent[0]?.signal.aborted).toBe(true);
  });

  it('499 when the client signal aborts', async () => {
    const transport = hangingTransport();
    const client = new AbortController();
    const pending = invokeLambda(backend(), new Uint8Array(0), { credentials, transport, signal: client.signal }).catch((e: unknown) => e);
    await until(() => transport.sent.length > 0);
    client.abort();
    expect(await pending).toMatchObject({ status: 499 });
    expect(transport.sent[0]?.signal.aborted).toBe(true);
  });

  it('499 when a clientGone subscription fires, and unsubscribes when done', async () => {
    const transport = hangingTransport();
    let gone: (() => void) | undefined;
    let unsubscribed = 0;
    const pending = invokeLambda(backend(), new Uint8Array(0), {
      credentials,
      transport,
      clientGone: (onGone) => {
        gone = onGone;
        return () => unsubscribed++;
      },
    }).catch((e: unknown) => e);
    await until(() => transport.sent.length > 0);
    gone?.();
    expect(await pending).toMatchObject({ status: 499 });
    expect(transport.sent[0]?.signal.aborted).toBe(true);
    expect(unsubscribed).toBe(1);
  });

  it('on success: no abort, the subscription is released', async () => {
    let unsubscribed = 0;
    const result = await invokeLambda(backend(), new TextEncoder().encode('{}'), {
      credentials,
      transport: okTransport,
      clientGone: () => () => unsubscribed++,
    });
    expect(result).toMatchObject({ status: 200, lambdaRequestId: 'r-1' });
    expect(unsubscribed).toBe(1);
  });

  it('takes its AbortController from the given source and returns it only when it was not aborted', async () => {
    const released: AbortController[] = [];
    const abortControllers = { acquire: () => new AbortController(), release: (controller: AbortController) => released.push(controller) };
    await invokeLambda(backend(), new TextEncoder().encode('{}'), { credentials, transport: okTransport, abortControllers });
    expect(released).toHaveLength(1);
    const error = await invokeLambda(backend(20), new Uint8Array(0), { credentials, transport: hangingTransport(), abortControllers }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 504 });
    expect(released).toHaveLength(1);
  });

  it('builds the Invoke headers from scratch: only content-type, invocation type and SigV4 headers', async () => {
    const transport = hangingTransport();
    void invokeLambda(backend(1_000), new TextEncoder().encode('{}'), { credentials, transport }).catch(() => undefined);
    await until(() => transport.sent.length > 0);
    expect([...transport.sent[0]!.headers.keys()].sort()).toEqual(['authorization', 'content-type', 'x-amz-date', 'x-amz-invocation-type']);
  });
});

describe('invokeLambda: credentials', () => {
  it('503 CredentialsUnavailable with Retry-After naming the source (never a key), before anything is sent', async () => {
    const cause = new Error('STS AssumeRole failed: AccessDenied (HTTP 403): no');
    const unavailable = {
      description: 'role arn:aws:iam::222222222222:role/r',
      getCredentials: () =>
        Promise.reject(new CredentialsUnavailableError('role arn:aws:iam::222222222222:role/r', cause.message, { retryAfterSeconds: 7, cause })),
    };
    const transport = hangingTransport();
    const error = (await invokeLambda(backend(), new Uint8Array(0), { credentials: unavailable, transport }).catch((e: unknown) => e)) as GatewayError;
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({
      status: 503,
      code: 'CredentialsUnavailable',
      message: 'credentials unavailable for role arn:aws:iam::222222222222:role/r: STS AssumeRole failed: AccessDenied (HTTP 403): no',
      headers: { 'retry-after': '7' },
      details: { source: 'role arn:aws:iam::222222222222:role/r' },
    });
    expect((error.cause as CredentialsUnavailableError).cause).toBe(cause);
    expect(transport.sent).toHaveLength(0);
  });

  it('Retry-After defaults to 5 seconds; other provider failures pass through unchanged', async () => {
    const noRetryHint = { description: 'd', getCredentials: () => Promise.reject(new CredentialsUnavailableError('d', 'not configured')) };
    expect(await invokeLambda(backend(), new Uint8Array(0), { credentials: noRetryHint, transport: okTransport }).catch((e: unknown) => e)).toMatchObject({
      status: 503,
      headers: { 'retry-after': '5' },
    });
    const bug = new TypeError('provider bug');
    const broken = { description: 'd', getCredentials: () => Promise.reject(bug) };
    expect(await invokeLambda(backend(), new Uint8Array(0), { credentials: broken, transport: okTransport }).catch((e: unknown) => e)).toBe(bug);
  });
});
