import { AssumeRoleCommand, STSClient } from '@aws-sdk/nested-clients/sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from './index.ts';
import { assumeRole, fnArn, GUIDE_SCENARIO, invoke, KEYS, rejectionOf, stsCall, TEST_SCENARIO, xmlText, type Credentials } from './test-support.ts';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws({ scenario: TEST_SCENARIO });
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => {
  aws.setServiceAvailable('sts', true);
  aws.resetCalls();
});

const AUTH_ROLE = 'arn:aws:iam::111111111111:role/lambda-auth-role';
const INVOKE_ROLE = 'arn:aws:iam::222222222222:role/lambda-invoke-role';

async function assumeRoleRaw(credentials: Credentials, params: Record<string, string>) {
  const response = await stsCall(aws.url, credentials, { Action: 'AssumeRole', RoleSessionName: 'sess', ...params });
  const xml = await response.text();
  return { status: response.status, xml, code: xmlText(xml, 'Code'), message: xmlText(xml, 'Message') };
}

describe('AssumeRole responses', () => {
  it('returns ASIA credentials, a 40-char secret, a token, an expiration and the session identity', async () => {
    const before = Date.now();
    const { status, xml } = await assumeRoleRaw(KEYS.ci, { RoleArn: AUTH_ROLE, RoleSessionName: 'gloo' });
    expect(status).toBe(200);
    expect(xml).toMatch(/^<AssumeRoleResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><AssumeRoleResult><Credentials>/);
    expect(xmlText(xml, 'AccessKeyId')).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(xmlText(xml, 'SecretAccessKey')).toHaveLength(40);
    expect(xmlText(xml, 'SessionToken')!.length).toBeGreaterThan(100);
    const expiresIn = Date.parse(xmlText(xml, 'Expiration')!) - before;
    expect(expiresIn).toBeGreaterThan(3590_000);
    expect(expiresIn).toBeLessThanOrEqual(3605_000);
    expect(xmlText(xml, 'Arn')).toBe('arn:aws:sts::111111111111:assumed-role/lambda-auth-role/gloo');
    expect(xmlText(xml, 'AssumedRoleId')).toMatch(/^AROA[A-Z2-7]{17}:gloo$/);
    expect(xmlText(xml, 'RequestId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(aws.calls('sts:AssumeRole')).toBe(1);
  });

  it('works with the AWS SDK STS client, DurationSeconds honoured', async () => {
    const client = new STSClient({ endpoint: aws.url, region: 'us-east-1', credentials: KEYS.ci, maxAttempts: 1 });
    const output = await client.send(new AssumeRoleCommand({ RoleArn: AUTH_ROLE, RoleSessionName: 'sdk', DurationSeconds: 900 }));
    expect(output.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(output.Credentials!.Expiration!.getTime() - Date.now()).toBeLessThanOrEqual(900_000);
    expect(output.AssumedRoleUser?.Arn).toBe('arn:aws:sts::111111111111:assumed-role/lambda-auth-role/sdk');
  });

  it('the SDK surfaces AccessDenied', async () => {
    const client = new STSClient({ endpoint: aws.url, region: 'us-east-1', credentials: KEYS.noperms, maxAttempts: 1 });
    const error = await rejectionOf(client.send(new AssumeRoleCommand({ RoleArn: AUTH_ROLE, RoleSessionName: 'sdk' })));
    expect(error).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
  });
});

describe('trust policies', () => {
  it('a user not in the trust policy is denied with AWS message', async () => {
    const result = await assumeRoleRaw(KEYS.noperms, { RoleArn: AUTH_ROLE });
    expect(result.status).toBe(403);
    expect(result.code).toBe('AccessDenied');
    expect(result.message).toBe(`User: arn:aws:iam::111111111111:user/noperms is not authorized to perform: sts:AssumeRole on resource: ${AUTH_ROLE}`);
    expect(result.xml).toContain('<Type>Sender</Type>');
  });

  it('an unknown role is AccessDenied too (no existence leak)', async () => {
    const result = await assumeRoleRaw(KEYS.assumer, { RoleArn: 'arn:aws:iam::222222222222:role/does-not-exist' });
    expect(result.status).toBe(403);
    expect(result.code).toBe('AccessDenied');
  });

  it('same account, trust names the exact user: no identity policy needed', async () => {
    expect((await assumeRoleRaw(KEYS.ci, { RoleArn: 'arn:aws:iam::111111111111:role/local-role' })).status).toBe(200);
  });

  it('same account, trust names the account root: identity policy required', async () => {
    const denied = await assumeRoleRaw(KEYS.ci, { RoleArn: 'arn:aws:iam::111111111111:role/root-trust-role' });
    expect(denied.code).toBe('AccessDenied');
    expect((await assumeRoleRaw(KEYS.assumer, { RoleArn: 'arn:aws:iam::111111111111:role/root-trust-role' })).status).toBe(200);
  });

  it('cross account, trust names the user but the user identity policy lacks sts:AssumeRole => denied', async () => {
    const denied = await assumeRoleRaw(KEYS.gateway, { RoleArn: 'arn:aws:iam::222222222222:role/partner-role' });
    expect(denied.status).toBe(403);
    expect(denied.code).toBe('AccessDenied');
    expect((await assumeRoleRaw(KEYS.assumer, { RoleArn: 'arn:aws:iam::222222222222:role/partner-role' })).status).toBe(200);
  });

  it('cross account, identity allows but trust does not name the caller => denied', async () => {
    const denied = await assumeRoleRaw(KEYS.assumer, { RoleArn: INVOKE_ROLE });
    expect(denied.code).toBe('AccessDenied');
  });

  it('ExternalId right / wrong / missing', async () => {
    const role = { RoleArn: 'arn:aws:iam::222222222222:role/external-id-role' };
    expect((await assumeRoleRaw(KEYS.assumer, { ...role, ExternalId: 'the-right-external-id' })).status).toBe(200);
    expect((await assumeRoleRaw(KEYS.assumer, { ...role, ExternalId: 'the-wrong-external-id' })).code).toBe('AccessDenied');
    expect((await assumeRoleRaw(KEYS.assumer, role)).code).toBe('AccessDenied');
  });
});

describe('role chaining (the guide IRSA set-up: lambda-auth-role -> role-2.json)', () => {
  it('a lambda-auth-role session may assume lambda-invoke-role and invoke in the Lambda account', async () => {
    const auth = await assumeRole(aws.url, KEYS.ci, AUTH_ROLE);
    const invokeRole = await assumeRole(aws.url, auth, INVOKE_ROLE);
    expect(invokeRole.arn).toBe('arn:aws:sts::222222222222:assumed-role/lambda-invoke-role/test-session');
    const response = await invoke(aws.url, invokeRole, fnArn('private'));
    expect(response.status).toBe(200);
    // The bare name resolves in the role's account (222), where `private` lives.
    expect((await invoke(aws.url, invokeRole, 'private')).status).toBe(200);
  });

  it('a session of a role without sts:AssumeRole in its identity policy is denied cross-account', async () => {
    const session = await assumeRole(aws.url, KEYS.ci, 'arn:aws:iam::111111111111:role/auth-role-without-sts');
    expect((await assumeRoleRaw(session, { RoleArn: INVOKE_ROLE })).code).toBe('AccessDenied');
  });

  it('DurationSeconds over 3600 when chaining => ValidationError, even below the role maximum', async () => {
    const auth = await assumeRole(aws.url, KEYS.ci, AUTH_ROLE);
    const chained = await assumeRoleRaw(auth, { RoleArn: INVOKE_ROLE, DurationSeconds: '3601' });
    expect(chained.status).toBe(400);
    expect(chained.code).toBe('ValidationError');
    expect(chained.message).toBe('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
    expect((await assumeRoleRaw(auth, { RoleArn: INVOKE_ROLE, DurationSeconds: '3600' })).status).toBe(200);
  });

  it('a user may ask for more than an hour, up to the role maximum', async () => {
    const role = { RoleArn: 'arn:aws:iam::222222222222:role/partner-role' };
    expect((await assumeRoleRaw(KEYS.assumer, { ...role, DurationSeconds: '7200' })).status).toBe(200);
    const tooLong = await assumeRoleRaw(KEYS.assumer, { ...role, DurationSeconds: '7201' });
    expect(tooLong.code).toBe('ValidationError');
    expect(tooLong.message).toBe('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  });
});

describe('AssumeRole parameter validation', () => {
  const role = { RoleArn: 'arn:aws:iam::111111111111:role/local-role' };
  it.each([
    ['a', 'roleSessionName'],
    ['x'.repeat(65), 'roleSessionName'],
    ['has space', 'roleSessionName'],
  ])('RoleSessionName %j => ValidationError', async (name, field) => {
    const result = await assumeRoleRaw(KEYS.ci, { ...role, RoleSessionName: name });
    expect(result.status).toBe(400);
    expect(result.code).toBe('ValidationError');
    expect(result.message).toContain(`at '${field}'`);
  });

  it('accepts every allowed session-name character', async () => {
    expect((await assumeRoleRaw(KEYS.ci, { ...role, RoleSessionName: 'a_b+c=d,e.f@g-h' })).status).toBe(200);
  });

  it.each(['899', '43201', 'abc'])('DurationSeconds %s => ValidationError', async (duration) => {
    const result = await assumeRoleRaw(KEYS.ci, { ...role, DurationSeconds: duration });
    expect(result.code).toBe('ValidationError');
    expect(result.message).toContain("at 'durationSeconds'");
  });

  it('ExternalId shorter than 2 => ValidationError', async () => {
    expect((await assumeRoleRaw(KEYS.ci, { ...role, ExternalId: 'x' })).code).toBe('ValidationError');
  });

  it('missing RoleArn => ValidationError "must not be null"', async () => {
    const response = await stsCall(aws.url, KEYS.ci, { Action: 'AssumeRole', RoleSessionName: 'abc' });
    const xml = await response.text();
    expect(response.status).toBe(400);
    expect(xmlText(xml, 'Message')).toContain("Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
  });

  it('session policies are refused rather than silently ignored', async () => {
    const result = await assumeRoleRaw(KEYS.ci, { ...role, Policy: '{"Version":"2012-10-17","Statement":[]}' });
    expect(result.status).toBe(400);
  });
});

describe('GetCallerIdentity and the query protocol', () => {
  it('reports an IAM user', async () => {
    const response = await stsCall(aws.url, KEYS.gateway, { Action: 'GetCallerIdentity' });
    const xml = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml');
    expect(xmlText(xml, 'Arn')).toBe('arn:aws:iam::111111111111:user/gateway');
    expect(xmlText(xml, 'Account')).toBe('111111111111');
    expect(xmlText(xml, 'UserId')).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(aws.calls('sts:GetCallerIdentity')).toBe(1);
  });

  it('reports a role session, and a role session can call STS', async () => {
    const session = await assumeRole(aws.url, KEYS.ci, AUTH_ROLE, { RoleSessionName: 'who' });
    const xml = await (await stsCall(aws.url, session, { Action: 'GetCallerIdentity' })).text();
    expect(xmlText(xml, 'Arn')).toBe('arn:aws:sts::111111111111:assumed-role/lambda-auth-role/who');
    expect(xmlText(xml, 'UserId')).toMatch(/^AROA[A-Z2-7]{17}:who$/);
  });

  it('accepts GET with the parameters in the query string', async () => {
    const { AwsClient } = await import('aws4fetch');
    const client = new AwsClient({ ...KEYS.gateway, service: 'sts', region: 'us-east-1', retries: 0 });
    const response = await client.fetch(`${aws.url}/?Action=GetCallerIdentity&Version=2011-06-15`, { method: 'GET' });
    expect(response.status).toBe(200);
  });

  it('an unknown action => 400 InvalidAction', async () => {
    const response = await stsCall(aws.url, KEYS.gateway, { Action: 'GetSessionToken' });
    expect(response.status).toBe(400);
    expect(xmlText(await response.text(), 'Code')).toBe('InvalidAction');
  });

  it('STS down => 503 ServiceUnavailable (Receiver) and still counted', async () => {
    aws.setServiceAvailable('sts', false);
    const response = await stsCall(aws.url, KEYS.gateway, { Action: 'AssumeRole', RoleArn: AUTH_ROLE, RoleSessionName: 'x1' });
    const xml = await response.text();
    expect(response.status).toBe(503);
    expect(xmlText(xml, 'Code')).toBe('ServiceUnavailable');
    expect(xmlText(xml, 'Type')).toBe('Receiver');
    expect(aws.calls('sts:AssumeRole')).toBe(1);
  });
});

describe('the guide scenario (role-1.json / role-2.json verbatim)', () => {
  let guide: LocalAws;
  beforeAll(async () => {
    guide = await startLocalAws({ scenario: GUIDE_SCENARIO });
  });
  afterAll(async () => {
    await guide.close();
  });
  const guideGateway = { accessKeyId: 'AKIAGUIDEGATEWAY0001', secretAccessKey: 'guide/gateway/secret/key/000000000000000' };

  it('resource-based set-up: the guide curl body comes back from echo', async () => {
    const response = await invoke(guide.url, guideGateway, fnArn('echo', '$LATEST'), '{"key1":"value1", "key2":"value2"}');
    expect(await response.text()).toBe(
      '{"statusCode":200,"body":"Response from AWS Lambda. Here\'s the request you just sent me: {\\"key1\\":\\"value1\\",\\"key2\\":\\"value2\\"}"}',
    );
  });

  it('role-1.json trusts only EC2 and the OIDC provider: an IAM user cannot assume lambda-auth-role', async () => {
    const response = await stsCall(guide.url, guideGateway, { Action: 'AssumeRole', RoleArn: AUTH_ROLE, RoleSessionName: 'x1' });
    expect(response.status).toBe(403);
  });

  it('role-2.json trusts lambda-auth-role only: the gateway user cannot assume lambda-invoke-role', async () => {
    const response = await stsCall(guide.url, guideGateway, { Action: 'AssumeRole', RoleArn: INVOKE_ROLE, RoleSessionName: 'x1' });
    expect(response.status).toBe(403);
  });
});
