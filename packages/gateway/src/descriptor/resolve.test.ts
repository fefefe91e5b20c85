import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../validation/index.ts';
import { parseOrThrow } from '../validation/index.ts';
import { BackendDescriptorSchema, buildFunctionArn, lambdaEndpoint, parseFunctionName, resolveBackend } from './index.ts';

const noEnv = () => undefined;
const parse = (input: unknown) => parseOrThrow(BackendDescriptorSchema, input, { prefix: 'backends.echo' });

describe('BackendDescriptorSchema', () => {
  it('applies the documented defaults', () => {
    const descriptor = parse({ functionName: 'echo', region: 'us-east-1' });
    expect(descriptor).toEqual({
      functionName: 'echo',
      region: 'us-east-1',
      invocationMode: 'Sync',
      payloadMode: 'passthrough',
      functionErrorMode: 'map',
      timeoutMs: 30000,
      auth: { type: 'ambient' },
    });
  });

  it.each([
    [{ functionName: 'echo', accountId: '12345' }, 'backends.echo.accountId: must be a 12-digit AWS account id'],
    [{ functionName: 'bad name!' }, 'backends.echo.functionName: must be a function name'],
    [{ functionName: 'echo', qualifier: 'a.b' }, 'backends.echo.qualifier: must be $LATEST'],
    [{ functionName: 'echo', invocationMode: 'Event' }, 'backends.echo.invocationMode: must be Sync or Async'],
    [{ functionName: 'echo', payloadMode: 'v3' }, 'backends.echo.payloadMode: must be one of passthrough'],
    [{ functionName: 'echo', timeoutMs: 0 }, 'backends.echo.timeoutMs'],
    [{ functionName: 'echo', endpointURL: 'ftp://x' }, 'backends.echo.endpointURL: must be an http(s) URL'],
    [{ functionName: 'echo', auth: { type: 'secret', name: 'Bad_Name' } }, 'backends.echo.auth.name: must be a Kubernetes Secret name'],
    [{ functionName: 'echo', auth: { type: 'assumeRole', roleArn: 'arn:aws:iam::1:role/x' } }, 'backends.echo.auth.roleArn: must be an IAM role ARN'],
    [{ functionName: 'echo', auth: { type: 'password' } }, 'backends.echo.auth.type'],
  ])('rejects %j naming the field', (input, message) => {
    expect(() => parse(input)).toThrow(ConfigError);
    expect(() => parse(input)).toThrow(message);
  });

  it('rejects unknown fields instead of dropping them', () => {
    expect(() => parse({ functionName: 'echo', fnuctionName: 'x' })).toThrow(/backends\.echo\.fnuctionName/);
    expect(() => parse({ functionName: 'echo', auth: { type: 'secret', name: 'a', extra: 1 } })).toThrow(/backends\.echo\.auth\.extra/);
  });

  it('infers the output type from the schema', () => {
    const output: v.InferOutput<typeof BackendDescriptorSchema> = parse({ functionName: 'echo' });
    expect(output.invocationMode).toBe('Sync');
  });
});

describe('parseFunctionName', () => {
  it.each([
    ['echo', { name: 'echo' }],
    ['echo:live', { name: 'echo', qualifier: 'live' }],
    ['echo:$LATEST', { name: 'echo', qualifier: '$LATEST' }],
    ['222222222222:function:echo', { name: 'echo', accountId: '222222222222' }],
    ['222222222222:function:echo:3', { name: 'echo', accountId: '222222222222', qualifier: '3' }],
    ['arn:aws:lambda:eu-west-1:222222222222:function:echo', { name: 'echo', accountId: '222222222222', region: 'eu-west-1' }],
    ['arn:aws:lambda:eu-west-1:222222222222:function:echo:live', { name: 'echo', accountId: '222222222222', region: 'eu-west-1', qualifier: 'live' }],
  ])('parses %s', (input, expected) => {
    expect(parseFunctionName(input)).toEqual(expected);
  });

  it.each(['', 'a b', 'arn:aws:lambda:us-east-1:123:function:echo', 'x'.repeat(65), 'arn:aws:s3:::bucket'])('refuses %j', (input) => {
    expect(parseFunctionName(input)).toBeUndefined();
  });
});

describe('resolveBackend', () => {
  it('builds the full ARN from a bare name and an account, and percent-encodes it in the path', () => {
    const resolved = resolveBackend(parse({ functionName: 'echo', accountId: '222222222222', region: 'us-west-2' }), noEnv);
    expect(resolved.functionId).toBe('arn:aws:lambda:us-west-2:222222222222:function:echo');
    expect(resolved.invokeUrl).toBe(
      'https://lambda.us-west-2.amazonaws.com/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-west-2%3A222222222222%3Afunction%3Aecho/invocations',
    );
    expect(resolved.invocationType).toBe('RequestResponse');
  });

  it('puts the qualifier in ?Qualifier= (from the field or from name:qualifier)', () => {
    expect(resolveBackend(parse({ functionName: 'echo', accountId: '222222222222', region: 'us-east-1', qualifier: '$LATEST' }), noEnv).invokeUrl).toMatch(
      /\/invocations\?Qualifier=%24LATEST$/,
    );
    const fromName = resolveBackend(parse({ functionName: 'echo:live', accountId: '222222222222', region: 'us-east-1' }), noEnv);
    expect(fromName.qualifier).toBe('live');
    expect(fromName.functionId).toBe('arn:aws:lambda:us-east-1:222222222222:function:echo');
    expect(fromName.invokeUrl).toMatch(/\?Qualifier=live$/);
  });

  it('takes region and account from an ARN', () => {
    const resolved = resolveBackend(parse({ functionName: 'arn:aws:lambda:eu-west-1:222222222222:function:echo:2' }), noEnv);
    expect(resolved).toMatchObject({
      region: 'eu-west-1',
      accountId: '222222222222',
      qualifier: '2',
      functionId: 'arn:aws:lambda:eu-west-1:222222222222:function:echo',
    });
  });

  it('keeps a bare name without an account as is (Lambda resolves it in the caller account)', () => {
    const resolved = resolveBackend(parse({ functionName: 'echo', region: 'us-east-1' }), noEnv);
    expect(resolved.functionId).toBe('echo');
    expect(resolved.accountId).toBeUndefined();
  });

  it('maps Async to the Event invocation type', () => {
    expect(resolveBackend(parse({ functionName: 'echo', region: 'us-east-1', invocationMode: 'Async' }), noEnv).invocationType).toBe('Event');
  });

  it('refuses conflicts instead of picking one', () => {
    expect(() =>
      resolveBackend(parse({ functionName: 'arn:aws:lambda:eu-west-1:222222222222:function:echo', region: 'us-east-1' }), noEnv, 'backends.echo'),
    ).toThrow('backends.echo.region: "us-east-1" disagrees with the region in functionName (eu-west-1)');
    expect(() => resolveBackend(parse({ functionName: '222222222222:function:echo', accountId: '333333333333', region: 'us-east-1' }), noEnv, 'b')).toThrow(
      'b.accountId: "333333333333" disagrees',
    );
    expect(() => resolveBackend(parse({ functionName: 'echo:1', qualifier: '2', region: 'us-east-1' }), noEnv, 'b')).toThrow('b.qualifier: "2" disagrees');
  });

  it('needs a region from somewhere', () => {
    expect(() => resolveBackend(parse({ functionName: 'echo' }), noEnv, 'b')).toThrow('b.region: required');
    expect(resolveBackend(parse({ functionName: 'echo' }), (name) => (name === 'AWS_REGION' ? 'ap-south-1' : undefined)).region).toBe('ap-south-1');
  });
});

describe('lambdaEndpoint', () => {
  const env = (vars: Record<string, string>) => (name: string) => vars[name];
  it('prefers the descriptor, then AWS_ENDPOINT_URL_LAMBDA, then AWS_ENDPOINT_URL, then the regional endpoint', () => {
    const all = env({ AWS_ENDPOINT_URL_LAMBDA: 'http://lambda.local', AWS_ENDPOINT_URL: 'http://all.local' });
    expect(lambdaEndpoint('us-east-1', 'http://descriptor.local/', all)).toBe('http://descriptor.local');
    expect(lambdaEndpoint('us-east-1', undefined, all)).toBe('http://lambda.local');
    expect(lambdaEndpoint('us-east-1', undefined, env({ AWS_ENDPOINT_URL: 'http://all.local' }))).toBe('http://all.local');
    expect(lambdaEndpoint('eu-central-1', undefined, noEnv)).toBe('https://lambda.eu-central-1.amazonaws.com');
  });
});

describe('buildFunctionArn', () => {
  it('follows the Lambda ARN format', () => {
    expect(buildFunctionArn('us-east-1', '123456789012', 'f')).toBe('arn:aws:lambda:us-east-1:123456789012:function:f');
  });
});
