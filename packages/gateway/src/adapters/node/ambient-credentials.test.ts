import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialCache } from '../../credentials/index.ts';
import { silentLogger } from '../../logging/index.ts';
import { nodeAmbientCredentials } from './ambient-credentials.ts';

let home: string;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'lambda-gateway-home-'));
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

const ROLE = 'arn:aws:iam::111111111111:role/lambda-auth-role';
const chain = (values: Record<string, string>) => nodeAmbientCredentials({ env: (name) => values[name], logger: silentLogger, cache: new CredentialCache() });

describe('nodeAmbientCredentials: the first configured source, in the issue order', () => {
  it('1. static keys win over everything else', () => {
    const { ambient } = chain({
      AWS_ACCESS_KEY_ID: 'AKIAENV',
      AWS_SECRET_ACCESS_KEY: 's',
      AWS_ROLE_ARN: ROLE,
      AWS_WEB_IDENTITY_TOKEN_FILE: '/t',
      AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.1/x',
    });
    expect(ambient?.description).toBe('environment (AWS_ACCESS_KEY_ID)');
  });

  it('2. web identity (IRSA) before container credentials; its factory also serves disableRoleChaining', () => {
    const { ambient, webIdentity } = chain({ AWS_ROLE_ARN: ROLE, AWS_WEB_IDENTITY_TOKEN_FILE: '/t', AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.1/x' });
    expect(ambient?.description).toBe(`web identity ${ROLE}`);
    expect(ambient?.roleArn).toBe(ROLE);
    expect(webIdentity?.('arn:aws:iam::222222222222:role/direct', undefined).description).toBe('web identity arn:aws:iam::222222222222:role/direct');
  });

  it('half an IRSA configuration is reported, not skipped', async () => {
    await expect(chain({ AWS_WEB_IDENTITY_TOKEN_FILE: '/t' }).ambient!.getCredentials()).rejects.toThrow('AWS_ROLE_ARN is not set');
  });

  it('3. container credentials (EKS Pod Identity, ECS relative URI)', () => {
    expect(chain({ AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://169.254.170.23/v1/credentials' }).ambient?.description).toBe(
      'container credentials http://169.254.170.23/v1/credentials',
    );
    expect(chain({ AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/creds' }).ambient?.description).toBe('container credentials http://169.254.170.2/v2/creds');
  });

  it('4. a profile of the shared files (AWS_PROFILE or files present), read through fromIni', async () => {
    await writeFile(
      join(home, 'credentials'),
      '[default]\naws_access_key_id = AKIAPROFILEDEFAULT01\naws_secret_access_key = d\n[dev]\naws_access_key_id = AKIAPROFILEDEV000001\naws_secret_access_key = x\n',
    );
    const files = { AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'), AWS_CONFIG_FILE: join(home, 'config') };
    const dev = chain({ ...files, AWS_PROFILE: 'dev' }).ambient!;
    expect(dev.description).toBe('profile dev');
    expect((await dev.getCredentials()).accessKeyId).toBe('AKIAPROFILEDEV000001');
    expect((await chain(files).ambient!.getCredentials()).accessKeyId).toBe('AKIAPROFILEDEFAULT01');
    await expect(chain({ ...files, AWS_PROFILE: 'missing' }).ambient!.getCredentials()).rejects.toThrow(/credentials unavailable for profile missing/);
  });

  it('nothing configured: undefined (the resolver then says how to configure credentials)', () => {
    expect(chain({ HOME: join(home, 'nowhere') })).toEqual({ ambient: undefined, webIdentity: undefined });
  });
});
