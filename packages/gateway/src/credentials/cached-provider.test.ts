import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/index.ts';
import { cachedProvider } from './cached-provider.ts';
import { CredentialCache } from './credential-cache.ts';

describe('cachedProvider', () => {
  it('one refreshing provider per key, whose identity is the key; the first options win', async () => {
    const cache = new CredentialCache();
    let loads = 0;
    const options = (description: string) => ({
      description,
      roleArn: 'arn:aws:iam::111111111111:role/r',
      logger: silentLogger,
      load: async () => {
        loads++;
        return { accessKeyId: `AKIA${loads}`, secretAccessKey: 's', expiration: new Date(Date.now() + 3_600_000) };
      },
    });
    const first = cachedProvider(cache, 'key-a', options('first'));
    const again = cachedProvider(cache, 'key-a', options('second'));
    expect(again).toBe(first);
    expect(first).toMatchObject({ description: 'first', identity: 'key-a', roleArn: 'arn:aws:iam::111111111111:role/r' });
    await Promise.all([first.getCredentials(), again.getCredentials()]);
    expect(loads).toBe(1);
    expect(first.loads).toBe(1);
    const other = cachedProvider(cache, 'key-b', options('other'));
    expect(other).not.toBe(first);
    expect(other.identity).toBe('key-b');
    expect(cache.size).toBe(2);
  });
});
