import { InvokeWithResponseStreamCommand, LambdaClient, type InvokeWithResponseStreamResponseEvent } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from './index.ts';
import { fnArn, KEYS, type Credentials } from './test-support.ts';

// The wire format is checked by the real AWS SDK: its InvokeWithResponseStreamCommand
// parses the event stream (prelude CRCs, headers, event types) and the Content-Type header.

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws({ scenario: (await import('./test-support.ts')).TEST_SCENARIO });
});
afterAll(async () => {
  await aws.close();
});

function client(credentials: Credentials): LambdaClient {
  return new LambdaClient({ endpoint: aws.url, region: 'us-east-1', credentials, maxAttempts: 1 });
}

interface Collected {
  contentType: string | undefined;
  executedVersion: string | undefined;
  chunks: { at: number; bytes: Uint8Array }[];
  complete: NonNullable<InvokeWithResponseStreamResponseEvent['InvokeComplete']> | undefined;
  finishedAt: number;
}

async function streamInvoke(payload: unknown, options: { functionName?: string; credentials?: Credentials; logType?: 'Tail' } = {}): Promise<Collected> {
  const output = await client(options.credentials ?? KEYS.gateway).send(
    new InvokeWithResponseStreamCommand({
      FunctionName: options.functionName ?? fnArn('stream'),
      Payload: new TextEncoder().encode(JSON.stringify(payload)),
      ...(options.logType ? { LogType: options.logType } : {}),
    }),
  );
  const collected: Collected = {
    contentType: output.ResponseStreamContentType,
    executedVersion: output.ExecutedVersion,
    chunks: [],
    complete: undefined,
    finishedAt: 0,
  };
  for await (const event of output.EventStream ?? []) {
    if (event.PayloadChunk?.Payload) collected.chunks.push({ at: Date.now(), bytes: event.PayloadChunk.Payload });
    if (event.InvokeComplete) collected.complete = event.InvokeComplete;
  }
  collected.finishedAt = Date.now();
  return collected;
}

const text = (collected: Collected) => Buffer.concat(collected.chunks.map((chunk) => chunk.bytes)).toString();

describe('InvokeWithResponseStream (checked with @aws-sdk/client-lambda)', () => {
  it('streams each write as a PayloadChunk as it happens, then InvokeComplete', async () => {
    const started = Date.now();
    const result = await streamInvoke({ chunks: ['one ', 'two ', 'three'], delayMs: 300, contentType: 'text/plain' });
    expect(result.complete).toEqual({ LogResult: '' });
    expect(result.contentType).toBe('text/plain');
    expect(result.executedVersion).toBe('$LATEST');
    expect(text(result)).toBe('one two three');
    expect(result.chunks.length).toBe(3);
    // The first chunk arrived long before the function finished (two 300 ms waits after it).
    expect(result.chunks[0]!.at - started).toBeLessThan(result.finishedAt - started - 400);
    expect(result.complete?.ErrorCode).toBeUndefined();
  });

  it('HttpResponseStream.from writes the JSON prelude and 8 NUL bytes and sets the integration content type', async () => {
    const http = { statusCode: 201, headers: { 'x-a': 'b' }, cookies: ['c=d'] };
    const result = await streamInvoke({ http, chunks: ['body'] });
    expect(result.contentType).toBe('application/vnd.awslambda.http-integration-response');
    const bytes = Buffer.concat(result.chunks.map((chunk) => chunk.bytes));
    const prelude = JSON.stringify(http);
    expect(bytes.subarray(0, prelude.length).toString()).toBe(prelude);
    expect([...bytes.subarray(prelude.length, prelude.length + 8)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(bytes.subarray(prelude.length + 8).toString()).toBe('body');
  });

  it('binary writes arrive byte for byte (default content type application/octet-stream)', async () => {
    const result = await streamInvoke({ binaryBytes: 300_000 });
    expect(result.contentType).toBe('application/octet-stream');
    const bytes = Buffer.concat(result.chunks.map((chunk) => chunk.bytes));
    expect(bytes.length).toBe(300_000);
    const expected = Buffer.alloc(300_000);
    for (let i = 0; i < expected.length; i++) expected[i] = (i % (64 * 1024)) % 256;
    expect(bytes.equals(expected)).toBe(true);
  });

  it('an error after some writes ends with InvokeComplete carrying ErrorCode and ErrorDetails', async () => {
    const result = await streamInvoke({ chunks: ['a', 'b', 'c'], failAfter: 2 }, { logType: 'Tail' });
    expect(text(result)).toBe('ab');
    expect(result.complete).toMatchObject({ ErrorCode: 'Error', ErrorDetails: 'failed after 2 chunks' });
    expect(Buffer.from(result.complete?.LogResult ?? '', 'base64').toString()).toContain('Invoke Error');
  });

  it('a function that does not stream answers its JSON result as one chunk (application/json)', async () => {
    const result = await streamInvoke({ hello: 'world' }, { functionName: fnArn('event-echo') });
    expect(result.contentType).toBe('application/json');
    expect(result.chunks.length).toBe(1);
    expect(JSON.parse(text(result))).toEqual({ hello: 'world' });
  });

  it('authorises as Invoke: a caller without lambda:InvokeFunction gets AccessDeniedException', async () => {
    await expect(streamInvoke({}, { credentials: KEYS.noperms })).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('rejects a wrong signature', async () => {
    const wrong = { ...KEYS.gateway, secretAccessKey: 'not-the-secret-000000000000000000000000' };
    await expect(streamInvoke({}, { credentials: wrong })).rejects.toMatchObject({ name: 'InvalidSignatureException' });
  });
});
