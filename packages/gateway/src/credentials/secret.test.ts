import { describe, expect, it } from 'vitest';
import { CredentialsUnavailableError, type SecretSource } from '../aws/credentials.ts';
import { secretCredentials } from './secret.ts';

function memorySource(secrets: Record<string, Record<string, string>>): SecretSource & { reads: number } {
  const source = {
    reads: 0,
    locate: (name: string) => `/secrets/${name}/`,
    read: async (name: string) => {
      source.reads++;
      return secrets[name];
    },
  };
  return source;
}

describe('secretCredentials', () => {
  it('reads accessKey/secretKey, treats an empty sessionToken as none, and trims newlines', async () => {
    const source = memorySource({ 'aws-creds': { accessKey: 'AKIA1\n', secretKey: 'sk\n', sessionToken: '' } });
    await expect(secretCredentials('aws-creds', source).getCredentials()).resolves.toEqual({
      accessKeyId: 'AKIA1',
      secretAccessKey: 'sk',
      sessionToken: undefined,
    });
  });

  it('accepts the snake_case spelling of Gloo Edge secrets', async () => {
    const source = memorySource({ s: { access_key: 'AKIA2', secret_key: 'sk2', session_token: 'tok' } });
    await expect(secretCredentials('s', source).getCredentials()).resolves.toEqual({ accessKeyId: 'AKIA2', secretAccessKey: 'sk2', sessionToken: 'tok' });
  });

  it('fails with CredentialsUnavailable naming the secret and where it was looked for, never a key', async () => {
    const missing = await secretCredentials('nope', memorySource({}))
      .getCredentials()
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(CredentialsUnavailableError);
    expect((missing as Error).message).toBe('credentials unavailable for secret nope: secret not found at /secrets/nope/');
    const partial = await secretCredentials('p', memorySource({ p: { accessKey: 'AKIA3' } }))
      .getCredentials()
      .catch((e: unknown) => e);
    expect((partial as Error).message).toContain('key "secretKey" is missing');
    expect((partial as Error).message).not.toContain('AKIA3');
  });

  it('caches for a minute, then re-reads (rotation); a deleted secret is a revocation', async () => {
    let now = 0;
    const secrets: Record<string, Record<string, string>> = { s: { accessKey: 'A1', secretKey: 'S1' } };
    const source = memorySource(secrets);
    const provider = secretCredentials('s', source, () => now);
    await provider.getCredentials();
    await provider.getCredentials();
    expect(source.reads).toBe(1);
    now = 61_000;
    secrets.s = { accessKey: 'A2', secretKey: 'S2' };
    expect((await provider.getCredentials()).accessKeyId).toBe('A2');
    now = 130_000;
    delete secrets.s;
    await expect(provider.getCredentials()).rejects.toThrow('secret not found at /secrets/s/');
  });

  it('on a read error serves the last keys for a bounded time, retrying every few seconds', async () => {
    let now = 0;
    let failing = false;
    let reads = 0;
    const source: SecretSource = {
      locate: (name) => `/secrets/${name}/`,
      read: async () => {
        reads++;
        if (failing) throw new Error('EIO');
        return { accessKey: 'A1', secretKey: 'S1' };
      },
    };
    const provider = secretCredentials('s', source, () => now);
    await provider.getCredentials();
    failing = true;
    now = 61_000;
    expect((await provider.getCredentials()).accessKeyId).toBe('A1');
    expect((await provider.getCredentials()).accessKeyId).toBe('A1');
    expect(reads).toBe(2); // not re-read on every request
    now = 400_000; // past the staleness bound
    await expect(provider.getCredentials()).rejects.toThrow('cannot read /secrets/s/');
  });
});
