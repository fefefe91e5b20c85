import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { AwsClient } from 'aws4fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from './index.ts';
import { amzDate, assumeRole, fnArn, invoke, invokeUrl, KEYS, rejectionOf, stsCall, TEST_SCENARIO, xmlText } from './test-support.ts';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws({ scenario: TEST_SCENARIO });
});
afterAll(async () => {
  await aws.close();
});

const ECHO = fnArn('echo');
const errorType = (response: Response) => response.headers.get('x-amzn-errortype')?.split(':')[0];

function sdkClient(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, extra: Record<string, unknown> = {}) {
  return new LambdaClient({ endpoint: aws.url, region: 'us-east-1', credentials, maxAttempts: 1, ...extra });
}

describe('valid signatures from both signers', () => {
  it('accepts a request signed by aws4fetch', async () => {
    const response = await invoke(aws.url, KEYS.gateway, ECHO, '{"a":1}');
    expect(response.status).toBe(200);
  });

  it('accepts InvokeCommand from @aws-sdk/client-lambda', async () => {
    const output = await sdkClient(KEYS.gateway).send(new InvokeCommand({ FunctionName: ECHO, Payload: Buffer.from('{"a":1}') }));
    expect(output.StatusCode).toBe(200);
    expect(JSON.parse(Buffer.from(output.Payload!).toString()).statusCode).toBe(200);
  });

  it('accepts the SDK with temporary credentials and a qualifier in the query', async () => {
    const session = await assumeRole(aws.url, KEYS.ci, 'arn:aws:iam::111111111111:role/local-role');
    const { accessKeyId, secretAccessKey, sessionToken } = session;
    const output = await sdkClient({ accessKeyId, secretAccessKey, sessionToken }).send(
      new InvokeCommand({ FunctionName: 'arn:aws:lambda:us-east-1:111111111111:function:local-echo', Qualifier: '$LATEST' }),
    );
    expect(output.StatusCode).toBe(200);
    expect(output.ExecutedVersion).toBe('$LATEST');
  });

  it('accepts an unencoded ARN in the path (both encodings canonicalise the same)', async () => {
    const client = new AwsClient({ ...KEYS.gateway, service: 'lambda', region: 'us-east-1', retries: 0 });
    const response = await client.fetch(`${aws.url}/2015-03-31/functions/${ECHO}/invocations`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
  });

  it('accepts a signed x-amz-content-sha256 that matches the body', async () => {
    const { createHash } = await import('node:crypto');
    const body = '{"hashed":true}';
    const response = await invoke(aws.url, KEYS.gateway, ECHO, body, {
      headers: { 'X-Amz-Content-Sha256': createHash('sha256').update(body).digest('hex') },
    });
    expect(response.status).toBe(200);
  });
});

describe('Lambda rejects what AWS rejects', () => {
  it('missing Authorization => 403 MissingAuthenticationTokenException', async () => {
    const response = await fetch(invokeUrl(aws.url, ECHO), { method: 'POST', body: '{}' });
    expect(response.status).toBe(403);
    expect(errorType(response)).toBe('MissingAuthenticationTokenException');
  });

  it('unknown access key => 403 UnrecognizedClientException', async () => {
    const response = await invoke(aws.url, { accessKeyId: 'AKIANOBODY0000000001', secretAccessKey: 'x' }, ECHO);
    expect(response.status).toBe(403);
    expect(errorType(response)).toBe('UnrecognizedClientException');
    expect((await response.json()).message).toBe('The security token included in the request is invalid.');
  });

  it('wrong secret => 403 InvalidSignatureException', async () => {
    const response = await invoke(aws.url, { ...KEYS.gateway, secretAccessKey: 'not-the-secret' }, ECHO);
    expect(response.status).toBe(403);
    expect(errorType(response)).toBe('InvalidSignatureException');
  });

  it('wrong secret through the SDK => InvalidSignatureException', async () => {
    const error = await rejectionOf(sdkClient({ ...KEYS.gateway, secretAccessKey: 'nope' }).send(new InvokeCommand({ FunctionName: ECHO })));
    expect(error).toMatchObject({ name: 'InvalidSignatureException', $metadata: { httpStatusCode: 403 } });
  });

  it('tampered body => 403 InvalidSignatureException', async () => {
    const client = new AwsClient({ ...KEYS.gateway, service: 'lambda', region: 'us-east-1', retries: 0 });
    const signed = await client.sign(invokeUrl(aws.url, ECHO), { method: 'POST', body: '{"amount":1}' });
    const response = await fetch(signed.url, { method: 'POST', headers: signed.headers, body: '{"amount":9}' });
    expect(response.status).toBe(403);
    expect(errorType(response)).toBe('InvalidSignatureException');
    expect(aws.invocations('echo').some((entry) => (entry.event as { amount?: number }).amount === 9)).toBe(false);
  });

  it('tampered path => 403 InvalidSignatureException', async () => {
    const client = new AwsClient({ ...KEYS.gateway, service: 'lambda', region: 'us-east-1', retries: 0 });
    const signed = await client.sign(invokeUrl(aws.url, ECHO), { method: 'POST', body: '{}' });
    const response = await fetch(invokeUrl(aws.url, fnArn('private')), { method: 'POST', headers: signed.headers, body: '{}' });
    expect(response.status).toBe(403);
    expect(errorType(response)).toBe('InvalidSignatureException');
  });

  it('tampered query (qualifier added after signing) => 403 InvalidSignatureException', async () => {
    const client = new AwsClient({ ...KEYS.gateway, service: 'lambda', region: 'us-east-1', retries: 0 });
    const signed = await client.sign(invokeUrl(aws.url, ECHO), { method: 'POST', body: '{}' });
    const response = await fetch(invokeUrl(aws.url, ECHO, '?Qualifier=live'), { method: 'POST', headers: signed.headers, body: '{}' });
    expect(errorType(response)).toBe('InvalidSignatureException');
  });

  it('x-amz-content-sha256 that does not match the body => 403 InvalidSignatureException', async () => {
    const response = await invoke(aws.url, KEYS.gateway, ECHO, '{}', { headers: { 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' } });
    expect(response.status).toBe(403);
    expect(errorType(response)).toBe('InvalidSignatureException');
  });

  it('signing region other than the function region => 403 InvalidSignatureException', async () => {
    const response = await invoke(aws.url, KEYS.gateway, ECHO, '{}', { region: 'us-west-2' });
    expect(response.status).toBe(403);
    expect(errorType(response)).toBe('InvalidSignatureException');
    expect((await response.json()).message).toContain('Credential should be scoped to a valid region');
  });

  it('signed for another service => 403 InvalidSignatureException', async () => {
    const client = new AwsClient({ ...KEYS.gateway, service: 'sts', region: 'us-east-1', retries: 0 });
    const response = await client.fetch(invokeUrl(aws.url, ECHO), { method: 'POST', body: '{}' });
    expect(response.status).toBe(403);
    expect((await response.json()).message).toContain("Credential should be scoped to correct service: 'lambda'");
  });

  it('clock 10 minutes slow => 403 InvalidSignatureException "Signature expired"', async () => {
    const response = await invoke(aws.url, KEYS.gateway, ECHO, '{}', { datetime: amzDate(Date.now() - 10 * 60_000) });
    expect(response.status).toBe(403);
    expect(errorType(response)).toBe('InvalidSignatureException');
    expect((await response.json()).message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
  });

  it('clock 10 minutes fast => 403 InvalidSignatureException "not yet current"', async () => {
    const response = await invoke(aws.url, KEYS.gateway, ECHO, '{}', { datetime: amzDate(Date.now() + 10 * 60_000) });
    expect(response.status).toBe(403);
    expect((await response.json()).message).toMatch(/^Signature not yet current/);
  });

  it('SDK with a skewed clock => InvalidSignatureException', async () => {
    const error = await rejectionOf(sdkClient(KEYS.gateway, { systemClockOffset: -10 * 60_000 }).send(new InvokeCommand({ FunctionName: ECHO })));
    expect(error.name).toBe('InvalidSignatureException');
  });

  it('a clock 4 minutes off is still accepted', async () => {
    const response = await invoke(aws.url, KEYS.gateway, ECHO, '{}', { datetime: amzDate(Date.now() - 4 * 60_000) });
    expect(response.status).toBe(200);
  });

  it('malformed Authorization header => 403 IncompleteSignatureException', async () => {
    const response = await fetch(invokeUrl(aws.url, ECHO), {
      method: 'POST',
      headers: { Authorization: 'AWS4-HMAC-SHA256 Credential=AKIAGATEWAY000000001/20240101/us-east-1/lambda/aws4_request' },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(errorType(response)).toBe('IncompleteSignatureException');
  });
});

describe('signed headers', () => {
  it('a signature that does not cover Host => 403 IncompleteSignatureException', async () => {
    const response = await fetch(invokeUrl(aws.url, ECHO), {
      method: 'POST',
      headers: {
        Authorization: `AWS4-HMAC-SHA256 Credential=AKIAGATEWAY000000001/${amzDate(Date.now()).slice(0, 8)}/us-east-1/lambda/aws4_request, SignedHeaders=x-amz-date, Signature=${'0'.repeat(64)}`,
        'X-Amz-Date': amzDate(Date.now()),
      },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(errorType(response)).toBe('IncompleteSignatureException');
  });
});

describe('session tokens', () => {
  it('role-session credentials without their token => 403 UnrecognizedClientException', async () => {
    const session = await assumeRole(aws.url, KEYS.ci, 'arn:aws:iam::111111111111:role/local-role');
    const { sessionToken: _dropped, ...withoutToken } = session;
    const response = await invoke(aws.url, withoutToken, 'arn:aws:lambda:us-east-1:111111111111:function:local-echo');
    expect(response.status).toBe(403);
    expect(errorType(response)).toBe('UnrecognizedClientException');
  });

  it('role-session credentials with a wrong token => 403 UnrecognizedClientException', async () => {
    const session = await assumeRole(aws.url, KEYS.ci, 'arn:aws:iam::111111111111:role/local-role');
    const response = await invoke(aws.url, { ...session, sessionToken: `${session.sessionToken.slice(0, -4)}AAAA` }, 'local-echo');
    expect(response.status).toBe(403);
    expect(errorType(response)).toBe('UnrecognizedClientException');
  });

  it('a long-term key sent with a session token => 403 UnrecognizedClientException', async () => {
    const response = await invoke(aws.url, { ...KEYS.gateway, sessionToken: 'made-up' }, ECHO);
    expect(errorType(response)).toBe('UnrecognizedClientException');
  });

  it('the right token works', async () => {
    const session = await assumeRole(aws.url, KEYS.ci, 'arn:aws:iam::111111111111:role/local-role');
    const response = await invoke(aws.url, session, 'local-echo');
    expect(response.status).toBe(200);
  });
});

describe('expired temporary credentials', () => {
  let shortLived: LocalAws;
  beforeAll(async () => {
    const { loadScenario } = await import('./index.ts');
    const scenario = await loadScenario(TEST_SCENARIO);
    shortLived = await startLocalAws({ scenario: { ...scenario, sts: { credentialLifetimeSeconds: 1 } } });
  });
  afterAll(async () => {
    await shortLived.close();
  });

  it('work until they expire, then fail with ExpiredTokenException (Lambda) and ExpiredToken (STS)', async () => {
    const session = await assumeRole(shortLived.url, KEYS.ci, 'arn:aws:iam::111111111111:role/local-role');
    expect(Date.parse(session.expiration) - Date.now()).toBeLessThanOrEqual(1000);
    expect((await invoke(shortLived.url, session, 'local-echo')).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const lambdaResponse = await invoke(shortLived.url, session, 'local-echo');
    expect(lambdaResponse.status).toBe(403);
    expect(errorType(lambdaResponse)).toBe('ExpiredTokenException');
    expect((await lambdaResponse.json()).message).toBe('The security token included in the request is expired');

    const stsResponse = await stsCall(shortLived.url, session, { Action: 'GetCallerIdentity' });
    expect(stsResponse.status).toBe(403);
    expect(xmlText(await stsResponse.text(), 'Code')).toBe('ExpiredToken');
  });
});

describe('STS error codes for the same failures', () => {
  const code = async (response: Response) => xmlText(await response.text(), 'Code');

  it('missing Authorization => MissingAuthenticationToken', async () => {
    const response = await fetch(`${aws.url}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(response.status).toBe(403);
    expect(await code(response)).toBe('MissingAuthenticationToken');
  });

  it('unknown key => InvalidClientTokenId', async () => {
    const response = await stsCall(aws.url, { accessKeyId: 'AKIANOBODY0000000001', secretAccessKey: 'x' }, { Action: 'GetCallerIdentity' });
    expect(response.status).toBe(403);
    expect(await code(response)).toBe('InvalidClientTokenId');
  });

  it('wrong secret => SignatureDoesNotMatch', async () => {
    const response = await stsCall(aws.url, { ...KEYS.gateway, secretAccessKey: 'wrong' }, { Action: 'GetCallerIdentity' });
    expect(response.status).toBe(403);
    expect(await code(response)).toBe('SignatureDoesNotMatch');
  });

  it('skewed clock => SignatureDoesNotMatch "Signature expired"', async () => {
    const response = await stsCall(aws.url, KEYS.gateway, { Action: 'GetCallerIdentity' }, { datetime: amzDate(Date.now() - 600_000) });
    const xml = await response.text();
    expect(response.status).toBe(403);
    expect(xmlText(xml, 'Code')).toBe('SignatureDoesNotMatch');
    expect(xmlText(xml, 'Message')).toMatch(/^Signature expired/);
  });

  it('signed for lambda => SignatureDoesNotMatch (wrong service scope)', async () => {
    const client = new AwsClient({ ...KEYS.gateway, service: 'lambda', region: 'us-east-1', retries: 0 });
    const response = await client.fetch(`${aws.url}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(await code(response)).toBe('SignatureDoesNotMatch');
  });

  it('any region is fine for STS', async () => {
    const response = await stsCall(aws.url, KEYS.gateway, { Action: 'GetCallerIdentity' }, { region: 'eu-central-1' });
    expect(response.status).toBe(200);
  });
});
