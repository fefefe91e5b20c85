import { describe, expect, it } from 'vitest';
import { CredentialCache, identityOf } from './credential-cache.ts';
import type { CredentialProvider } from '../aws/credentials.ts';

const provider = (description: string, identity?: string): CredentialProvider => ({
  description,
  identity,
  getCredentials: () => Promise.resolve({ accessKeyId: 'AKIAUNIT', secretAccessKey: 'unit' }),
});

describe('CredentialCache', () => {
  it('creates once per key and shares the provider', () => {
    const cache = new CredentialCache();
    let created = 0;
    const make = () => {
      created++;
      return provider('p');
    };
    const first = cache.getOrCreate('k', make);
    expect(cache.getOrCreate('k', make)).toBe(first);
    expect(created).toBe(1);
  });

  it('is bounded: the least recently requested entry goes first', () => {
    const cache = new CredentialCache(3);
    for (const key of ['a', 'b', 'c']) cache.getOrCreate(key, () => provider(key));
    cache.getOrCreate('a', () => provider('a2'));
    cache.getOrCreate('d', () => provider('d'));
    expect(cache.size).toBe(3);
    expect(cache.getOrCreate('a', () => provider('new')).description).toBe('a');
    expect(cache.getOrCreate('b', () => provider('new b')).description).toBe('new b');
    for (let index = 0; index < 1000; index++) cache.getOrCreate(`many-${index}`, () => provider('x'));
    expect(cache.size).toBe(3);
  });
});

describe('identityOf', () => {
  it('uses the provider identity, else one unique to the object', () => {
    expect(identityOf(provider('p', 'environment:AKIA1'))).toBe('environment:AKIA1');
    const anonymous = provider('secret x');
    expect(identityOf(anonymous)).toBe(identityOf(anonymous));
    expect(identityOf(anonymous)).not.toBe(identityOf(provider('secret x')));
  });
});
