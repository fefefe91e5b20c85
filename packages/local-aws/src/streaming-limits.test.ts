import { InvokeWithResponseStreamCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from './index.ts';
import { DOCUMENTED_STREAMING_LIMITS, ResponseBandwidth, resolveStreamingLimits } from './streaming-limits.ts';
import { fnArn, KEYS, TEST_SCENARIO } from './test-support.ts';

const KIB = 1024;

describe('ResponseBandwidth (the schedule, on a fake clock)', () => {
  it('sends the burst at once, then holds each chunk for its bytes past the burst at the capped rate', () => {
    let now = 1_000;
    const bandwidth = new ResponseBandwidth({ maxResponseBytes: 10 * KIB * KIB, uncappedBytes: 100, cappedBytesPerSecond: 1000 }, () => now);
    expect(bandwidth.delayMs(60)).toBe(0);
    expect(bandwidth.delayMs(40)).toBe(0); // exactly the burst
    expect(bandwidth.delayMs(50)).toBe(50); // 50 bytes past the burst at 1000 B/s
    now += 50;
    expect(bandwidth.delayMs(100)).toBe(100);
    now += 500; // after a pause in the writes: no credit, each chunk still takes its time at the rate
    expect(bandwidth.delayMs(100)).toBe(100);
    expect(bandwidth.delayMs(1000)).toBe(1100); // queued behind the previous one
  });

  it('the cap can be turned off; limits default to the documented ones and reject nonsense', () => {
    const uncapped = new ResponseBandwidth(resolveStreamingLimits({ uncappedBytes: 1, cappedBytesPerSecond: Number.POSITIVE_INFINITY }));
    expect(uncapped.delayMs(100 * KIB * KIB)).toBe(0);
    expect(resolveStreamingLimits(undefined)).toEqual({ maxResponseBytes: 200 * KIB * KIB, uncappedBytes: 6 * KIB * KIB, cappedBytesPerSecond: 2 * KIB * KIB });
    expect(resolveStreamingLimits({})).toEqual(DOCUMENTED_STREAMING_LIMITS);
    expect(() => resolveStreamingLimits({ uncappedBytes: 0 })).toThrow(/streaming\.uncappedBytes must be a positive number/);
  });
});

// Real server, real SDK: the limits as a caller sees them, shrunk so the test runs in about a second.
const LIMITS = { uncappedBytes: 256 * KIB, cappedBytesPerSecond: 1024 * KIB, maxResponseBytes: 1280 * KIB };

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws({ scenario: TEST_SCENARIO, streaming: LIMITS });
});
afterAll(async () => {
  await aws?.close();
});

async function streamBinary(bytes: number) {
  const client = new LambdaClient({ endpoint: aws.url, region: 'us-east-1', credentials: KEYS.gateway, maxAttempts: 1 });
  const started = performance.now();
  const output = await client.send(
    new InvokeWithResponseStreamCommand({ FunctionName: fnArn('stream'), Payload: new TextEncoder().encode(JSON.stringify({ binaryBytes: bytes })) }),
  );
  let received = 0;
  let burstDoneAt: number | undefined;
  let errorCode: string | undefined;
  for await (const event of output.EventStream ?? []) {
    if (event.PayloadChunk?.Payload) {
      received += event.PayloadChunk.Payload.byteLength;
      if (received >= LIMITS.uncappedBytes) burstDoneAt ??= performance.now();
    }
    if (event.InvokeComplete) errorCode = event.InvokeComplete.ErrorCode;
  }
  client.destroy();
  return { received, errorCode, startedAt: started, burstDoneAt: burstDoneAt ?? Number.NaN, finishedAt: performance.now() };
}

describe('InvokeWithResponseStream limits (configurable; checked with @aws-sdk/client-lambda)', () => {
  it('past the uncapped burst the stream goes at most at the capped rate', async () => {
    // 256 KiB burst + 768 KiB capped at 1 MiB/s: at least 750 ms after the burst.
    const result = await streamBinary(1024 * KIB);
    expect(result.errorCode).toBeUndefined();
    expect(result.received).toBe(1024 * KIB);
    expect(result.finishedAt - result.burstDoneAt).toBeGreaterThanOrEqual(700);
    // The whole stream: not faster than the schedule (burst, then 768 KiB at 1 MiB/s).
    expect(result.finishedAt - result.startedAt).toBeGreaterThanOrEqual(700);
  });

  it('a response within the burst is not slowed down', async () => {
    const result = await streamBinary(200 * KIB);
    expect(result.received).toBe(200 * KIB);
    // Generous for a loaded machine; the capped case above needs ≥ 700 ms for less than four times the bytes.
    expect(result.finishedAt - result.startedAt).toBeLessThan(600);
  });

  it('past maxResponseBytes the stream ends with Function.ResponseSizeTooLarge, nothing beyond the limit sent', async () => {
    const started = performance.now();
    const result = await streamBinary(2048 * KIB);
    expect(result.errorCode).toBe('Function.ResponseSizeTooLarge');
    expect(result.received).toBeLessThanOrEqual(LIMITS.maxResponseBytes);
    expect(result.received).toBeGreaterThan(LIMITS.maxResponseBytes - 64 * KIB);
    // InvokeComplete comes when the limit is hit, not at the function's timeout (its writes then wait forever).
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
