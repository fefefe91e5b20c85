import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/index.ts';
import { parseOrThrow } from '../validation/index.ts';
import { resolveBackend } from './resolve.ts';
import { BackendDescriptorSchema } from './schema.ts';

const env =
  (values: Record<string, string> = {}) =>
  (name: string) =>
    values[name];
const resolve = (input: Record<string, unknown>, vars: Record<string, string> = {}) =>
  resolveBackend(parseOrThrow(BackendDescriptorSchema, input, { prefix: 'backends.u' }), env(vars), 'backends.u');
const problems = (input: Record<string, unknown>): string => {
  try {
    resolve(input);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('functionURL backends (config time)', () => {
  it('takes the region from a *.lambda-url.<region>.on.aws host; AWS_IAM by default', () => {
    const resolved = resolve({ functionURL: 'https://abcdef0123456789.lambda-url.eu-west-1.on.aws/' });
    expect(resolved.functionUrl).toEqual({ base: 'https://abcdef0123456789.lambda-url.eu-west-1.on.aws', authType: 'AWS_IAM', region: 'eu-west-1' });
    expect(resolved.streaming).toBeUndefined();
  });

  it('any http(s) URL, region from `region` or the environment; a base path is kept', () => {
    expect(resolve({ functionURL: 'http://127.0.0.1:9/lambda-url/x/', region: 'us-east-1', urlAuthType: 'NONE' }).functionUrl).toEqual({
      base: 'http://127.0.0.1:9/lambda-url/x',
      authType: 'NONE',
      region: 'us-east-1',
    });
    expect(resolve({ functionURL: 'http://127.0.0.1:9/' }, { AWS_REGION: 'us-west-2' }).functionUrl?.region).toBe('us-west-2');
  });

  it('ResponseStream gets the streaming bounds', () => {
    const resolved = resolve({ functionURL: 'http://127.0.0.1:9/', region: 'us-east-1', invocationMode: 'ResponseStream', streaming: { maxBytes: 10 } });
    expect(resolved.streaming?.maxBytes).toBe(10);
  });

  it('refuses what a Function URL cannot mean, naming the field', () => {
    expect(problems({ functionURL: 'https://a.lambda-url.us-east-1.on.aws/', functionName: 'echo' })).toContain(
      'backends.u.functionName: cannot be combined with functionURL',
    );
    expect(problems({ functionURL: 'https://a.lambda-url.us-east-1.on.aws/', payloadMode: 'apigateway-v2' })).toContain('backends.u.payloadMode');
    expect(problems({ functionURL: 'https://a.lambda-url.us-east-1.on.aws/', invocationMode: 'Async' })).toContain('backends.u.invocationMode');
    expect(problems({ functionURL: 'https://a.lambda-url.us-east-1.on.aws/', region: 'eu-west-1' })).toContain('disagrees with the region in functionURL');
    expect(problems({ functionURL: 'http://127.0.0.1:9/' })).toContain('backends.u.region: required');
    expect(problems({ functionName: 'echo', region: 'us-east-1', urlAuthType: 'NONE' })).toContain('backends.u.urlAuthType: only applies with functionURL');
    expect(problems({ region: 'us-east-1' })).toContain('backends.u.functionName: required (or functionURL');
  });

  it('the schema refuses a non-http URL and a query', () => {
    expect(() => resolve({ functionURL: 'ftp://x/' })).toThrow(/must be an http\(s\) URL/);
    expect(() => resolve({ functionURL: 'https://x/?a=1' })).toThrow(/must not have a query/);
  });
});
