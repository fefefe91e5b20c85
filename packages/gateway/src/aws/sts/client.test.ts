import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpTransport } from '../http.ts';
import { startLocalAws, type LocalAws } from '@lambda-gateway/local-aws';
import { KEYS, TEST_SCENARIO } from '../../../../local-aws/src/test-support.ts';
import { createStsClient, StsError } from './client.ts';
import { stsLocation } from './location.ts';

const AUTH_ROLE = 'arn:aws:iam::111111111111:role/lambda-auth-role';
const INVOKE_ROLE = 'arn:aws:iam::222222222222:role/lambda-invoke-role';
const EXTERNAL_ID_ROLE = 'arn:aws:iam::222222222222:role/external-id-role';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws({ scenario: TEST_SCENARIO });
});
afterAll(async () => {
  await aws.close();
});

const client = () => createStsClient({ location: { endpoint: aws.url, region: 'us-east-1' } });

describe('stsLocation', () => {
  it('AWS_ENDPOINT_URL_STS, else AWS_ENDPOINT_URL, else the regional endpoint; AWS_REGION, else AWS_DEFAULT_REGION, else us-east-1', () => {
    const env = (values: Record<string, string>) => (name: string) => values[name];
    expect(stsLocation(env({}))).toEqual({ endpoint: 'https://sts.us-east-1.amazonaws.com', region: 'us-east-1' });
    expect(stsLocation(env({ AWS_DEFAULT_REGION: 'eu-west-1' }))).toEqual({ endpoint: 'https://sts.eu-west-1.amazonaws.com', region: 'eu-west-1' });
    expect(stsLocation(env({ AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'eu-west-1', AWS_ENDPOINT_URL: 'http://x:1/' }))).toEqual({
      endpoint: 'http://x:1',
      region: 'us-west-2',
    });
    expect(stsLocation(env({ AWS_ENDPOINT_URL: 'http://x:1', AWS_ENDPOINT_URL_STS: 'http://sts:2' })).endpoint).toBe('http://sts:2');
  });
});

describe('createStsClient', () => {
  it('AssumeRole signed with aws4fetch (service sts), chained into the Lambda account', async () => {
    const auth = await client().assumeRole({ roleArn: AUTH_ROLE, roleSessionName: 'unit' }, KEYS.ci);
    expect(auth.accessKeyId).toMatch(/^ASIA/);
    expect(auth.assumedRoleArn).toBe('arn:aws:sts::111111111111:assumed-role/lambda-auth-role/unit');
    const chained = await client().assumeRole({ roleArn: INVOKE_ROLE, roleSessionName: 'unit', durationSeconds: 900 }, auth);
    expect(chained.assumedRoleArn).toBe('arn:aws:sts::222222222222:assumed-role/lambda-invoke-role/unit');
    expect(chained.expiration.getTime() - Date.now()).toBeLessThanOrEqual(900_000);
  });

  it('ExternalId is sent; a wrong one is AccessDenied with the code, status and the role in the message', async () => {
    await expect(
      client().assumeRole({ roleArn: EXTERNAL_ID_ROLE, roleSessionName: 'unit', externalId: 'the-right-external-id' }, KEYS.assumer),
    ).resolves.toBeDefined();
    const error = await client()
      .assumeRole({ roleArn: EXTERNAL_ID_ROLE, roleSessionName: 'unit', externalId: 'wrong-id' }, KEYS.assumer)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StsError);
    expect(error).toMatchObject({ action: 'AssumeRole', code: 'AccessDenied', status: 403 });
    expect((error as Error).message).toMatch(
      /^STS AssumeRole failed: AccessDenied \(HTTP 403\): User: arn:aws:iam::111111111111:user\/assumer is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role\/external-id-role \(request id [0-9a-f-]{36}\)$/,
    );
  });

  it('AssumeRoleWithWebIdentity is unsigned; errors carry the code and never the token', async () => {
    const token = await aws.mintWebIdentityToken({ sub: 'system:serviceaccount:gloo-system:http' });
    const session = await client().assumeRoleWithWebIdentity({ roleArn: AUTH_ROLE, roleSessionName: 'irsa', webIdentityToken: token });
    expect(session.assumedRoleArn).toBe('arn:aws:sts::111111111111:assumed-role/lambda-auth-role/irsa');
    const expired = await aws.mintWebIdentityToken({ sub: 'system:serviceaccount:gloo-system:http', expiresInSeconds: -1 });
    const error = (await client()
      .assumeRoleWithWebIdentity({ roleArn: AUTH_ROLE, roleSessionName: 'irsa', webIdentityToken: expired })
      .catch((e: unknown) => e)) as StsError;
    expect(error).toMatchObject({ code: 'ExpiredTokenException', status: 400 });
    expect(error.message).not.toContain(expired);
  });

  it('network failure and timeout become StsError NetworkError / Timeout', async () => {
    const unreachable = createStsClient({ location: { endpoint: 'http://127.0.0.1:1', region: 'us-east-1' } });
    await expect(unreachable.assumeRole({ roleArn: AUTH_ROLE, roleSessionName: 'unit' }, KEYS.ci)).rejects.toMatchObject({ code: 'NetworkError', status: 0 });
    const hanging: HttpTransport = {
      send: ({ signal }) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
    };
    const slow = createStsClient({ location: { endpoint: aws.url, region: 'us-east-1' }, transport: hanging, timeoutMs: 50 });
    await expect(slow.assumeRole({ roleArn: AUTH_ROLE, roleSessionName: 'unit' }, KEYS.ci)).rejects.toMatchObject({ code: 'Timeout' });
  });

  it('a 503 from STS keeps its code (ServiceUnavailable)', async () => {
    aws.setServiceAvailable('sts', false);
    try {
      await expect(client().assumeRole({ roleArn: AUTH_ROLE, roleSessionName: 'unit' }, KEYS.ci)).rejects.toMatchObject({
        code: 'ServiceUnavailable',
        status: 503,
      });
    } finally {
      aws.setServiceAvailable('sts', true);
    }
  });
});
