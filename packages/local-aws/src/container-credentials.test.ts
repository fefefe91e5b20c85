import { fromHttp } from '@aws-sdk/credential-provider-http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError, startLocalAws, type LocalAws } from './index.ts';
import { bundledFunctionsDir } from './fixture-paths.ts';
import { fnArn, invoke, rejectionOf, TEST_SCENARIO } from './test-support.ts';

const POD_TOKEN = 'local-pod-identity-token-1';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws({ scenario: TEST_SCENARIO });
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => {
  aws.resetCalls();
  aws.setServiceAvailable('container', true);
});

describe('container credentials (EKS Pod Identity agent)', () => {
  it('GET /v1/credentials with the pod token returns a pod-identity-role session that can invoke', async () => {
    expect(aws.containerCredentialsUrl).toBe(`${aws.url}/v1/credentials`);
    const response = await fetch(aws.containerCredentialsUrl, { headers: { authorization: POD_TOKEN } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    expect(Object.keys(body)).toEqual(['AccessKeyId', 'SecretAccessKey', 'Token', 'AccountId', 'Expiration']);
    expect(body.AccessKeyId).toMatch(/^ASIA/);
    expect(body.AccountId).toBe('111111111111');
    expect(Date.parse(body.Expiration!) - Date.now()).toBeGreaterThan(3500_000);
    const session = { accessKeyId: body.AccessKeyId!, secretAccessKey: body.SecretAccessKey!, sessionToken: body.Token! };
    const invoked = await invoke(aws.url, session, fnArn('local-echo', undefined, 'us-east-1', '111111111111'), '{"a":1}');
    expect(invoked.status).toBe(200);
    expect(aws.invocations('local-echo').at(-1)?.callerArn).toBe('arn:aws:sts::111111111111:assumed-role/pod-identity-role/eks-local-gateway-pod');
    expect(aws.calls('container:GetCredentials')).toBe(1);
  });

  it('a missing or wrong Authorization header: 401 with {Code, Message}', async () => {
    const missing = await fetch(aws.containerCredentialsUrl);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ Code: 'AccessDeniedException', Message: 'Service account token cannot be empty' });
    const wrong = await fetch(aws.containerCredentialsUrl, { headers: { authorization: 'local-pod-identity-token-2' } });
    expect(wrong.status).toBe(401);
    expect(aws.calls('container:GetCredentials')).toBe(2);
  });

  it("works as the SDK's fromHttp endpoint (loopback http is accepted), and reports 503 when switched off", async () => {
    const provider = fromHttp({ awsContainerCredentialsFullUri: aws.containerCredentialsUrl, awsContainerAuthorizationToken: POD_TOKEN, maxRetries: 0 });
    const credentials = await provider();
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(credentials.expiration!.getTime()).toBeGreaterThan(Date.now());
    aws.setServiceAvailable('container', false);
    const down = fromHttp({ awsContainerCredentialsFullUri: aws.containerCredentialsUrl, awsContainerAuthorizationToken: POD_TOKEN, maxRetries: 0 });
    expect((await rejectionOf(down())).message).toContain('503');
  });

  it('not configured: 404', async () => {
    const bare = await startLocalAws({ scenario: { functionsDir: bundledFunctionsDir, accounts: { '123456789012': {} } } });
    try {
      expect((await fetch(bare.containerCredentialsUrl, { headers: { authorization: POD_TOKEN } })).status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});

describe('scenario checks for containerCredentials', () => {
  const scenarioWith = (trustStatements: unknown[]) => ({
    functionsDir: '.',
    containerCredentials: { authorizationToken: 't', roleArn: 'arn:aws:iam::123456789012:role/pod' },
    accounts: { '123456789012': { roles: { pod: { trustPolicy: { Version: '2012-10-17', Statement: trustStatements } } } } },
  });
  const problemsOf = (raw: unknown) => {
    try {
      parseScenario(raw, { source: 'inline', baseDir: bundledFunctionsDir });
      return [];
    } catch (error) {
      if (error instanceof ScenarioError) return [...error.problems];
      throw error;
    }
  };

  it('the role must trust pods.eks.amazonaws.com for sts:AssumeRole and sts:TagSession', () => {
    expect(
      problemsOf(scenarioWith([{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }])),
    ).toEqual([]);
    expect(problemsOf(scenarioWith([{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: 'sts:AssumeRole' }]))).toEqual([
      'containerCredentials.roleArn: the trust policy of arn:aws:iam::123456789012:role/pod must allow Principal {"Service": "pods.eks.amazonaws.com"} to sts:TagSession (EKS Pod Identity)',
    ]);
    expect(problemsOf(scenarioWith([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:*' }]))[0]).toContain(
      'sts:AssumeRole and sts:TagSession',
    );
  });

  it('the role must exist', () => {
    const raw = { ...scenarioWith([]), accounts: { '123456789012': {} } };
    expect(problemsOf(raw)).toEqual(['containerCredentials.roleArn: role arn:aws:iam::123456789012:role/pod is not defined in the scenario']);
  });

  it('oidcProviders keys are issuer URLs without https://, clientIds default to sts.amazonaws.com', () => {
    const scenario = parseScenario(
      { functionsDir: '.', accounts: { '123456789012': { oidcProviders: { 'oidc.eks.us-east-1.amazonaws.com/id/X': {} } } } },
      { source: 'inline', baseDir: '.' },
    );
    expect(scenario.accounts['123456789012']!.oidcProviders['oidc.eks.us-east-1.amazonaws.com/id/X']).toEqual({ clientIds: ['sts.amazonaws.com'] });
    expect(problemsOf({ functionsDir: '.', accounts: { '123456789012': { oidcProviders: { 'https://oidc.example.com': {} } } } })[0]).toContain(
      'without https://',
    );
    expect(problemsOf({ functionsDir: '.', accounts: { '123456789012': { oidcProviders: { 'oidc.example.com': { clientIds: [] } } } } })[0]).toContain(
      'clientIds must not be empty',
    );
  });
});
