import { describe, expect, it } from 'vitest';
import { ConfigError, createGateway, lambda } from 'lambda-gateway';
import type { BackendDescriptorInput } from 'lambda-gateway';
// Config-file parsing is internal (the CLI's path): reached by relative path.
import { buildRoutes, parseConfigText } from '../../packages/gateway/src/config/index.ts';

/** The problems of a ConfigError thrown by `fn`, each without its location prefix. */
function reasons(fn: () => unknown, prefix: string): string[] {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((problem) => {
      expect(problem.startsWith(prefix)).toBe(true);
      return problem.slice(prefix.length);
    });
  }
  throw new Error('expected a ConfigError');
}

const BAD_DESCRIPTORS: Array<[string, Record<string, unknown>]> = [
  ['account id', { functionName: 'echo', accountId: '2222' }],
  ['function name', { functionName: 'bad name' }],
  ['payload mode', { functionName: 'echo', payloadMode: 'soap' }],
  ['unknown field', { functionName: 'echo', timeout: 3 }],
  ['auth', { functionName: 'echo', auth: { type: 'assumeRole', roleArn: 'arn:aws:iam::1:role/x' } }],
  ['ARN vs accountId', { functionName: 'arn:aws:lambda:us-east-1:111111111111:function:echo', accountId: '222222222222' }],
];

describe('descriptor validation is the same for config files, createGateway and lambda()', () => {
  it.each(BAD_DESCRIPTORS)('%s: same reasons, located where each input is', (_what, descriptor) => {
    // A config file goes through buildRoutes (schema) and then createGateway (resolution), as in `serve`.
    const fromFile = reasons(
      () =>
        createGateway({
          routes: buildRoutes(parseConfigText(JSON.stringify({ backends: { echo: descriptor }, routes: [{ backend: 'echo' }] }), 'c.json')).routes,
        }),
      'backends.echo',
    );
    const fromRoutes = reasons(() => createGateway({ routes: [{ backend: descriptor as BackendDescriptorInput }] }), 'routes[0].backend');
    const fromLambda = reasons(() => lambda(descriptor as BackendDescriptorInput), 'lambda()');
    expect(fromFile.length).toBeGreaterThan(0);
    expect(fromRoutes).toEqual(fromFile);
    expect(fromLambda).toEqual(fromFile);
  });
});
