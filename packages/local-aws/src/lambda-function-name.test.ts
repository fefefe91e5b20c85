import { describe, expect, it } from 'vitest';
import { parseFunctionReference } from './lambda-function-name.ts';

describe('parseFunctionReference', () => {
  it.each([
    ['echo', { name: 'echo' }],
    ['echo:live', { name: 'echo', qualifier: 'live' }],
    ['echo:$LATEST', { name: 'echo', qualifier: '$LATEST' }],
    ['123456789012:function:echo', { accountId: '123456789012', name: 'echo' }],
    ['123456789012:function:echo:7', { accountId: '123456789012', name: 'echo', qualifier: '7' }],
    ['arn:aws:lambda:us-west-2:123456789012:function:echo', { region: 'us-west-2', accountId: '123456789012', name: 'echo' }],
    ['arn:aws:lambda:us-west-2:123456789012:function:my_fn-2:prod', { region: 'us-west-2', accountId: '123456789012', name: 'my_fn-2', qualifier: 'prod' }],
  ])('%s', (raw, expected) => {
    expect(parseFunctionReference(raw)).toEqual(expected);
  });

  it.each([
    '',
    'has space',
    'echo:',
    'echo:a:b',
    'arn:aws:lambda:us-west-2:123:function:echo',
    'arn:aws:s3:::bucket',
    'arn:aws:lambda:us-west-2:123456789012:layer:x',
    'a'.repeat(65),
    `arn:aws:lambda:us-west-2:123456789012:function:${'a'.repeat(64)}:${'q'.repeat(60)}`,
  ])('rejects %j', (raw) => {
    expect(parseFunctionReference(raw)).toBeUndefined();
  });
});
