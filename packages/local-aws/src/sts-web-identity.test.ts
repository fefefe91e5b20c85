import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/nested-clients/sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadScenario, startLocalAws, type LocalAws } from './index.ts';
import { assumeRole, fnArn, GUIDE_SCENARIO, invoke, rejectionOf, TEST_SCENARIO, xmlText } from './test-support.ts';

let aws: LocalAws;
let now = Date.now();
beforeAll(async () => {
  aws = await startLocalAws({ scenario: TEST_SCENARIO, clock: () => now });
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => {
  now = Date.now();
  aws.resetCalls();
});

const AUTH_ROLE = 'arn:aws:iam::111111111111:role/lambda-auth-role';
const INVOKE_ROLE = 'arn:aws:iam::222222222222:role/lambda-invoke-role';
const GATEWAY_SA = 'system:serviceaccount:gloo-system:http';

/** An unsigned form POST, as the SDK sends AssumeRoleWithWebIdentity. */
async function webIdentityCall(params: Record<string, string>) {
  const response = await fetch(`${aws.url}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams({ Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15', RoleSessionName: 'irsa', ...params }).toString(),
  });
  const xml = await response.text();
  return { status: response.status, xml, code: xmlText(xml, 'Code'), message: xmlText(xml, 'Message') };
}

describe('AssumeRoleWithWebIdentity (IRSA, role-1.json)', () => {
  it('issues a lambda-auth-role session for the guide service account, unsigned, with the OIDC fields', async () => {
    const token = await aws.mintWebIdentityToken({ sub: GATEWAY_SA });
    const result = await webIdentityCall({ RoleArn: AUTH_ROLE, WebIdentityToken: token });
    expect(result.status).toBe(200);
    expect(result.xml).toMatch(
      /^<AssumeRoleWithWebIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><AssumeRoleWithWebIdentityResult><Credentials>/,
    );
    expect(xmlText(result.xml, 'AccessKeyId')).toMatch(/^ASIA/);
    expect(xmlText(result.xml, 'Arn')).toBe('arn:aws:sts::111111111111:assumed-role/lambda-auth-role/irsa');
    expect(xmlText(result.xml, 'SubjectFromWebIdentityToken')).toBe(GATEWAY_SA);
    expect(xmlText(result.xml, 'Provider')).toBe('arn:aws:iam::111111111111:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE');
    expect(xmlText(result.xml, 'Audience')).toBe('sts.amazonaws.com');
    expect(aws.calls('sts:AssumeRoleWithWebIdentity')).toBe(1);
    expect(result.xml).not.toContain(token);
  });

  it('the session chains into role-2.json and invokes in the Lambda account', async () => {
    const token = await aws.mintWebIdentityToken({ sub: GATEWAY_SA });
    const xml = (await webIdentityCall({ RoleArn: AUTH_ROLE, WebIdentityToken: token })).xml;
    const authSession = {
      accessKeyId: xmlText(xml, 'AccessKeyId')!,
      secretAccessKey: xmlText(xml, 'SecretAccessKey')!,
      sessionToken: xmlText(xml, 'SessionToken')!,
    };
    const invokeSession = await assumeRole(aws.url, authSession, INVOKE_ROLE);
    expect(invokeSession.arn).toBe('arn:aws:sts::222222222222:assumed-role/lambda-invoke-role/test-session');
    expect((await invoke(aws.url, invokeSession, fnArn('private'))).status).toBe(200);
  });

  it('works with the AWS SDK STS client (what fromTokenFile uses)', async () => {
    const client = new STSClient({ endpoint: aws.url, region: 'us-east-1', maxAttempts: 1 });
    const token = await aws.mintWebIdentityToken({ sub: GATEWAY_SA });
    const output = await client.send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: AUTH_ROLE, RoleSessionName: 'sdk', WebIdentityToken: token, DurationSeconds: 900 }),
    );
    expect(output.AssumedRoleUser?.Arn).toBe('arn:aws:sts::111111111111:assumed-role/lambda-auth-role/sdk');
    expect(output.Credentials!.Expiration!.getTime() - Date.now()).toBeLessThanOrEqual(900_000);
    const expired = await aws.mintWebIdentityToken({ sub: GATEWAY_SA, expiresInSeconds: -10 });
    const error = await rejectionOf(
      client.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: AUTH_ROLE, RoleSessionName: 'sdk', WebIdentityToken: expired })),
    );
    expect(error).toMatchObject({ name: 'ExpiredTokenException', $metadata: { httpStatusCode: 400 } });
  });

  it('another service account (sub) is refused by the trust condition: AccessDenied', async () => {
    const token = await aws.mintWebIdentityToken({ sub: 'system:serviceaccount:default:intruder' });
    const result = await webIdentityCall({ RoleArn: AUTH_ROLE, WebIdentityToken: token });
    expect(result).toMatchObject({ status: 403, code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' });
  });

  it('a role whose trust policy has no Federated statement, or no such role: AccessDenied', async () => {
    const token = await aws.mintWebIdentityToken({ sub: GATEWAY_SA });
    expect(await webIdentityCall({ RoleArn: 'arn:aws:iam::111111111111:role/local-role', WebIdentityToken: token })).toMatchObject({
      status: 403,
      code: 'AccessDenied',
    });
    expect(await webIdentityCall({ RoleArn: 'arn:aws:iam::111111111111:role/nope', WebIdentityToken: token })).toMatchObject({
      status: 403,
      code: 'AccessDenied',
    });
  });

  it('a role in an account without the OIDC provider (role-2.json, Lambda account): InvalidIdentityToken', async () => {
    const token = await aws.mintWebIdentityToken({ sub: GATEWAY_SA });
    expect(await webIdentityCall({ RoleArn: INVOKE_ROLE, WebIdentityToken: token })).toMatchObject({
      status: 400,
      code: 'InvalidIdentityToken',
      message: 'No OpenIDConnect provider found in your account for https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE',
    });
  });

  it('an expired token: 400 ExpiredTokenException with both times', async () => {
    const token = await aws.mintWebIdentityToken({ sub: GATEWAY_SA, expiresInSeconds: 60 });
    now += 61_000;
    const result = await webIdentityCall({ RoleArn: AUTH_ROLE, WebIdentityToken: token });
    expect(result.status).toBe(400);
    expect(result.code).toBe('ExpiredTokenException');
    expect(result.message).toMatch(/^Token expired: current date\/time \d+ must be before the expiration date\/time \d+$/);
  });

  it('a token not yet valid (nbf in the future): InvalidIdentityToken', async () => {
    const token = await aws.mintWebIdentityToken({ sub: GATEWAY_SA });
    now -= 120_000;
    expect(await webIdentityCall({ RoleArn: AUTH_ROLE, WebIdentityToken: token })).toMatchObject({ status: 400, code: 'InvalidIdentityToken' });
  });

  it('a token signed by another key: InvalidIdentityToken', async () => {
    const other = await startLocalAws({ scenario: TEST_SCENARIO });
    try {
      const forged = await other.mintWebIdentityToken({ sub: GATEWAY_SA });
      expect(await webIdentityCall({ RoleArn: AUTH_ROLE, WebIdentityToken: forged })).toMatchObject({ status: 400, code: 'InvalidIdentityToken' });
    } finally {
      await other.close();
    }
  });

  it('a tampered payload (sub changed, signature kept): InvalidIdentityToken', async () => {
    const [header, payload, signature] = (await aws.mintWebIdentityToken({ sub: 'system:serviceaccount:default:intruder' })).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: GATEWAY_SA })).toString('base64url');
    expect(await webIdentityCall({ RoleArn: AUTH_ROLE, WebIdentityToken: `${header}.${forged}.${signature}` })).toMatchObject({
      status: 400,
      code: 'InvalidIdentityToken',
    });
  });

  it('not a JWT, or missing: InvalidIdentityToken / ValidationError', async () => {
    expect(await webIdentityCall({ RoleArn: AUTH_ROLE, WebIdentityToken: 'not-a-jwt' })).toMatchObject({ status: 400, code: 'InvalidIdentityToken' });
    expect(await webIdentityCall({ RoleArn: AUTH_ROLE })).toMatchObject({ status: 400, code: 'ValidationError' });
  });

  it('an issuer with no OIDC provider in the role account: InvalidIdentityToken naming the issuer', async () => {
    const foreign = await aws.mintWebIdentityToken({ sub: GATEWAY_SA, issuer: 'https://oidc.eks.us-east-1.amazonaws.com/id/OUTSIDER' });
    const result = await webIdentityCall({ RoleArn: AUTH_ROLE, WebIdentityToken: foreign });
    expect(result).toMatchObject({
      status: 400,
      code: 'InvalidIdentityToken',
      message: 'No OpenIDConnect provider found in your account for https://oidc.eks.us-east-1.amazonaws.com/id/OUTSIDER',
    });
  });

  it('the audience must be one of the provider client ids, and :aud conditions apply', async () => {
    const wrongAud = await aws.mintWebIdentityToken({ sub: GATEWAY_SA, audience: 'someone-else' });
    expect(await webIdentityCall({ RoleArn: AUTH_ROLE, WebIdentityToken: wrongAud })).toMatchObject({
      status: 400,
      code: 'InvalidIdentityToken',
      message: 'Incorrect token audience',
    });
    const custom = 'https://oidc.example.com/custom';
    const role = 'arn:aws:iam::111111111111:role/custom-audience-role';
    const good = await aws.mintWebIdentityToken({ sub: 'anyone', issuer: custom, audience: ['other', 'my-client'] });
    expect((await webIdentityCall({ RoleArn: role, WebIdentityToken: good })).status).toBe(200);
    const stsAud = await aws.mintWebIdentityToken({ sub: 'anyone', issuer: custom, audience: 'sts.amazonaws.com' });
    expect(await webIdentityCall({ RoleArn: role, WebIdentityToken: stsAud })).toMatchObject({ status: 400, code: 'InvalidIdentityToken' });
  });

  it('DurationSeconds is checked against MaxSessionDuration; credentialLifetimeSeconds overrides the lifetime', async () => {
    const token = await aws.mintWebIdentityToken({ sub: GATEWAY_SA });
    expect(await webIdentityCall({ RoleArn: AUTH_ROLE, WebIdentityToken: token, DurationSeconds: '7200' })).toMatchObject({
      status: 400,
      code: 'ValidationError',
    });
    const scenario = await loadScenario(TEST_SCENARIO);
    const short = await startLocalAws({ scenario: { ...scenario, sts: { credentialLifetimeSeconds: 5 } } });
    try {
      const shortToken = await short.mintWebIdentityToken({ sub: GATEWAY_SA });
      const response = await fetch(`${short.url}/`, {
        method: 'POST',
        body: new URLSearchParams({
          Action: 'AssumeRoleWithWebIdentity',
          Version: '2011-06-15',
          RoleArn: AUTH_ROLE,
          RoleSessionName: 'short',
          WebIdentityToken: shortToken,
        }),
      });
      const xml = await response.text();
      expect(response.status, xml).toBe(200);
      const expiresIn = Date.parse(xmlText(xml, 'Expiration')!) - Date.now();
      expect(expiresIn).toBeGreaterThan(3_000);
      expect(expiresIn).toBeLessThanOrEqual(5_000);
    } finally {
      await short.close();
    }
  });

  it('session policies and ProviderId are refused rather than ignored', async () => {
    const token = await aws.mintWebIdentityToken({ sub: GATEWAY_SA });
    expect(await webIdentityCall({ RoleArn: AUTH_ROLE, WebIdentityToken: token, Policy: '{}' })).toMatchObject({ status: 400, code: 'ValidationError' });
    expect(await webIdentityCall({ RoleArn: AUTH_ROLE, WebIdentityToken: token, ProviderId: 'www.amazon.com' })).toMatchObject({
      status: 400,
      code: 'ValidationError',
    });
  });
});

describe('the guide scenario: role-1.json with the cluster OIDC provider', () => {
  it('the guide service account gets a lambda-auth-role session; role-2.json lets it chain', async () => {
    const guide = await startLocalAws({ scenario: GUIDE_SCENARIO });
    try {
      const token = await guide.mintWebIdentityToken({ sub: GATEWAY_SA });
      const response = await fetch(`${guide.url}/`, {
        method: 'POST',
        body: new URLSearchParams({
          Action: 'AssumeRoleWithWebIdentity',
          Version: '2011-06-15',
          RoleArn: AUTH_ROLE,
          RoleSessionName: 'guide',
          WebIdentityToken: token,
        }),
      });
      const xml = await response.text();
      expect(response.status).toBe(200);
      const session = {
        accessKeyId: xmlText(xml, 'AccessKeyId')!,
        secretAccessKey: xmlText(xml, 'SecretAccessKey')!,
        sessionToken: xmlText(xml, 'SessionToken')!,
      };
      const invokeSession = await assumeRole(guide.url, session, INVOKE_ROLE);
      expect((await invoke(guide.url, invokeSession, fnArn('echo'), '{"key1":"value1"}')).status).toBe(200);
    } finally {
      await guide.close();
    }
  });
});
