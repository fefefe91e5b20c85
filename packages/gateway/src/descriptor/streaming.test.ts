import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/index.ts';
import { parseOrThrow } from '../validation/index.ts';
import { resolveBackend } from './resolve.ts';
import { BackendDescriptorSchema } from './schema.ts';

const env = () => undefined;
const resolveInput = (input: Record<string, unknown>) =>
  resolveBackend(
    parseOrThrow(BackendDescriptorSchema, { region: 'us-east-1', accountId: '222222222222', functionName: 'stream', ...input }),
    env,
    'backends.s',
  );

describe('invocationMode: ResponseStream', () => {
  it('calls InvokeWithResponseStream with the encoded ARN and Qualifier, with the documented defaults', () => {
    const resolved = resolveInput({ invocationMode: 'ResponseStream', qualifier: 'live' });
    expect(resolved.streaming).toEqual({
      url: 'https://lambda.us-east-1.amazonaws.com/2021-11-15/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A222222222222%3Afunction%3Astream/response-streaming-invocations?Qualifier=live',
      firstByteTimeoutMs: 30_000,
      idleTimeoutMs: 60_000,
      maxDurationMs: 900_000,
      maxBytes: 200 * 1024 * 1024,
    });
  });

  it.each(['envoy', 'apigateway-v1'])('is refused with payloadMode %s, naming the field', (payloadMode) => {
    expect(() => resolveInput({ invocationMode: 'ResponseStream', payloadMode })).toThrow(ConfigError);
    expect(() => resolveInput({ invocationMode: 'ResponseStream', payloadMode })).toThrow(
      /backends\.s\.invocationMode: ResponseStream cannot be used with payloadMode/,
    );
  });

  it('refuses streaming settings on a buffered backend and limits above 200 MB', () => {
    expect(() => resolveInput({ streaming: { maxBytes: 10 } })).toThrow(/backends\.s\.streaming: only applies with invocationMode: ResponseStream/);
    expect(() => resolveInput({ invocationMode: 'ResponseStream', streaming: { maxBytes: 300 * 1024 * 1024 } })).toThrow(/streaming\.maxBytes/);
  });
});
