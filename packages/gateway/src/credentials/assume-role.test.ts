import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/index.ts';
import { startLocalAws, type LocalAws } from '@lambda-gateway/local-aws';
import { fnArn, invoke, KEYS, TEST_SCENARIO } from '../../../local-aws/src/test-support.ts';
import { ConfigError } from '../errors/index.ts';
import { assumeRoleProviderFactory } from './assume-role.ts';
import { CredentialCache } from './credential-cache.ts';
import { CredentialsUnavailableError, type AwsCredentials, type CredentialProvider } from '../aws/credentials.ts';

const AUTH_ROLE = 'arn:aws:iam::111111111111:role/lambda-auth-role';
const INVOKE_ROLE = 'arn:aws:iam::222222222222:role/lambda-invoke-role';
const EXTERNAL_ID_ROLE = 'arn:aws:iam::222222222222:role/external-id-role';

let aws: LocalAws;
let cache: CredentialCache;
beforeAll(async () => {
  aws = await startLocalAws({ scenario: TEST_SCENARIO });
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => {
  cache = new CredentialCache();
  aws.resetCalls();
});

const staticProvider = (keys: AwsCredentials, identity: string, roleArn?: string): CredentialProvider => ({
  description: `keys ${identity}`,
  identity,
  roleArn,
  getCredentials: () => Promise.resolve(keys),
});

const factory = (extra: Parameters<typeof assumeRoleProviderFactory>[0]['webIdentity'] = undefined) =>
  assumeRoleProviderFactory({ env: (name) => ({ AWS_ENDPOINT_URL: aws.url, AWS_REGION: 'us-east-1' })[name], logger: silentLogger, cache, webIdentity: extra });

describe('assumeRoleProviderFactory', () => {
  it('chains user keys -> lambda-auth-role -> lambda-invoke-role, which may invoke in the Lambda account', async () => {
    const assume = factory();
    const authRole = assume({ type: 'assumeRole', roleArn: AUTH_ROLE }, staticProvider(KEYS.ci, 'ci'));
    const invokeRole = assume({ type: 'assumeRole', roleArn: INVOKE_ROLE, roleSessionName: 'chain-test' }, authRole);
    expect(invokeRole.description).toBe(`role ${INVOKE_ROLE} via role ${AUTH_ROLE} via keys ci`);
    const credentials = await invokeRole.getCredentials();
    expect((await invoke(aws.url, { ...credentials, sessionToken: credentials.sessionToken! }, fnArn('private'))).status).toBe(200);
    expect(aws.invocations('private').at(-1)?.callerArn).toBe('arn:aws:sts::222222222222:assumed-role/lambda-invoke-role/chain-test');
    await invokeRole.getCredentials();
    expect(aws.calls('sts:AssumeRole')).toBe(2);
  });

  it('one cache entry per (base identity, role, external id, session name)', () => {
    const assume = factory();
    const base = staticProvider(KEYS.assumer, 'assumer');
    const a = assume({ type: 'assumeRole', roleArn: EXTERNAL_ID_ROLE, externalId: 'the-right-external-id' }, base);
    expect(assume({ type: 'assumeRole', roleArn: EXTERNAL_ID_ROLE, externalId: 'the-right-external-id' }, staticProvider(KEYS.assumer, 'assumer'))).toBe(a);
    expect(assume({ type: 'assumeRole', roleArn: EXTERNAL_ID_ROLE, externalId: 'other-id' }, base)).not.toBe(a);
    expect(assume({ type: 'assumeRole', roleArn: EXTERNAL_ID_ROLE, externalId: 'the-right-external-id', roleSessionName: 'other' }, base)).not.toBe(a);
    expect(assume({ type: 'assumeRole', roleArn: EXTERNAL_ID_ROLE, externalId: 'the-right-external-id' }, staticProvider(KEYS.gateway, 'gateway'))).not.toBe(a);
    expect(cache.size).toBe(4);
  });

  it('a wrong external id: 503 naming the role, the STS code and the caller', async () => {
    const provider = factory()({ type: 'assumeRole', roleArn: EXTERNAL_ID_ROLE, externalId: 'wrong-id' }, staticProvider(KEYS.assumer, 'assumer'));
    const error = (await provider.getCredentials().catch((e: unknown) => e)) as CredentialsUnavailableError;
    expect(error).toBeInstanceOf(CredentialsUnavailableError);
    expect(error.message).toContain(`credentials unavailable for role ${EXTERNAL_ID_ROLE} via keys assumer: STS AssumeRole failed: AccessDenied (HTTP 403)`);
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(error.retryAfterSeconds)).toBe(true);
  });

  it('a failing base is named, with its own reason', async () => {
    const failing: CredentialProvider = {
      description: `web identity ${AUTH_ROLE}`,
      getCredentials: () =>
        Promise.reject(
          new CredentialsUnavailableError(`web identity ${AUTH_ROLE}`, 'STS AssumeRoleWithWebIdentity failed: ExpiredTokenException (HTTP 400): Token expired'),
        ),
    };
    const error = (await factory()({ type: 'assumeRole', roleArn: INVOKE_ROLE }, failing)
      .getCredentials()
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      `credentials unavailable for role ${INVOKE_ROLE} via web identity ${AUTH_ROLE}: base credentials unavailable: STS AssumeRoleWithWebIdentity failed: ExpiredTokenException (HTTP 400): Token expired`,
    );
  });

  it('Gloo semantics: roleArn equal to the web identity role is that provider; disableRoleChaining uses the token directly', () => {
    const webIdentityBase = staticProvider(KEYS.ci, 'web', AUTH_ROLE);
    const assumedDirectly: CredentialProvider[] = [];
    const assume = factory((roleArn) => {
      const provider = staticProvider(KEYS.ci, `web ${roleArn}`, roleArn);
      assumedDirectly.push(provider);
      return provider;
    });
    expect(assume({ type: 'assumeRole', roleArn: AUTH_ROLE }, webIdentityBase)).toBe(webIdentityBase);
    const direct = assume({ type: 'assumeRole', roleArn: INVOKE_ROLE, disableRoleChaining: true }, webIdentityBase);
    expect(assumedDirectly).toEqual([direct]);
    expect(direct.roleArn).toBe(INVOKE_ROLE);
  });

  it('refuses auth fields that the Gloo shortcuts could not honour, instead of dropping them', () => {
    const webIdentityBase = staticProvider(KEYS.ci, 'web', AUTH_ROLE);
    const assume = factory((roleArn) => staticProvider(KEYS.ci, `web ${roleArn}`, roleArn));
    expect(() => assume({ type: 'assumeRole', roleArn: INVOKE_ROLE, disableRoleChaining: true, externalId: 'ext-1' }, webIdentityBase)).toThrow(
      'auth.externalId: cannot be used here: with disableRoleChaining the role is assumed with the web identity token',
    );
    expect(() => assume({ type: 'assumeRole', roleArn: AUTH_ROLE, roleSessionName: 'mine' }, webIdentityBase)).toThrow(
      `auth.roleSessionName: cannot be used here: ${AUTH_ROLE} is the web identity role itself (AWS_ROLE_ARN)`,
    );
  });

  it('disableRoleChaining without a web identity token: unavailable, saying why', async () => {
    const provider = factory()({ type: 'assumeRole', roleArn: INVOKE_ROLE, disableRoleChaining: true }, staticProvider(KEYS.ci, 'ci'));
    await expect(provider.getCredentials()).rejects.toThrow(/disableRoleChaining assumes the role with the web identity token, and none is configured/);
  });

  it('durationSeconds over an hour when chaining from a role session is a configuration error', () => {
    expect(() => factory()({ type: 'assumeRole', roleArn: INVOKE_ROLE, durationSeconds: 7200 }, staticProvider(KEYS.ci, 'web', AUTH_ROLE))).toThrow(
      ConfigError,
    );
    expect(() => factory()({ type: 'assumeRole', roleArn: INVOKE_ROLE, durationSeconds: 7200 }, staticProvider(KEYS.ci, 'user keys'))).not.toThrow();
  });
});
