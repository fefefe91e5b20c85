/**
 * The guides' manifests, unmodified (test/fixtures/manifests/), loaded the way
 * `serve` loads them and routed through the local AWS.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../packages/gateway/src/adapters/node/load-config.ts';
import type { LocalAws } from '../../packages/local-aws/src/index.ts';
import { GUIDE_BODY, GUIDE_RESPONSE, KEYS, LAMBDA_ACCOUNT, startGatewayFromFiles, startTestAws } from '../support/stack.ts';
import { irsaEnv, webIdentityTokenFile, type TokenFile } from '../credentials/support.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/manifests');
const fixture = (name: string) => join(FIXTURES, name);

/** The variables the Gloo Gateway guide exports before applying its manifests. */
const GUIDE_ENV = {
  AWS_LAMBDA_REGION: 'us-east-1',
  LAMBDA_ACCOUNT_ID: LAMBDA_ACCOUNT,
  AUTH_ACCOUNT_ID: '111111111111',
  AWS_ACCESS_KEY_ID: KEYS.gateway.accessKey,
  AWS_SECRET_ACCESS_KEY: KEYS.gateway.secretKey,
};

/** The IRSA roles of the test scenario (fixtures/scenario.yaml). */
const AUTH_ROLE = 'arn:aws:iam::111111111111:role/lambda-auth-role';
const INVOKE_ROLE = `arn:aws:iam::${LAMBDA_ACCOUNT}:role/lambda-invoke-role`;
const GLOO_EDGE_ROLE = 'arn:aws:iam::123456789012:role/lambda-role';

let aws: LocalAws;
/** The gateway's projected service-account token (gloo-system/http, the `sub` role-1.json names). */
let tokenFile: TokenFile;
beforeAll(async () => {
  aws = await startTestAws();
  tokenFile = await webIdentityTokenFile(aws);
});
afterAll(async () => {
  await tokenFile?.remove();
  await aws?.close();
});

async function post(url: string, path: string): Promise<Response> {
  return fetch(`${url}${path}`, { method: 'POST', body: GUIDE_BODY });
}

describe('Gloo Gateway guide, resource-based configuration (Secret + Backend + HTTPRoute)', () => {
  it("answers the guide's curl with the guide's example response", async () => {
    const gw = await startGatewayFromFiles({ aws, config: [fixture('kgateway-resource-based.yaml')], env: GUIDE_ENV });
    try {
      const response = await post(gw.url, '/echo');
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(GUIDE_RESPONSE);
      expect(aws.invocations('echo').at(-1)).toMatchObject({
        functionArn: `arn:aws:lambda:us-east-1:${LAMBDA_ACCOUNT}:function:echo`,
        qualifier: '$LATEST',
        callerArn: 'arn:aws:iam::111111111111:user/gateway',
      });
      expect(gw.gateway.table.map((row) => [row.route, row.backend, row.payloadMode, row.auth])).toEqual([
        ['HTTPRoute gloo-system/lambda rules[0]', 'Backend gloo-system/lambda', 'passthrough', 'ambient'],
      ]);
    } finally {
      await gw.close();
    }
  });

  it('uses the Secret manifest when the Backend names it (no keys in the environment)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-manifests-'));
    try {
      // The guide's manifests with `auth` added to the Backend and the keys written into the Secret,
      // so that the environment holds no keys: only the Secret manifest can sign the request.
      const text = (await readFile(fixture('kgateway-resource-based.yaml'), 'utf8'))
        .replace('    lambda:\n', '    auth:\n      type: Secret\n      secretRef:\n        name: aws-creds\n    lambda:\n')
        .replace('${AWS_ACCESS_KEY_ID}', KEYS.gateway.accessKey)
        .replace('${AWS_SECRET_ACCESS_KEY}', KEYS.gateway.secretKey);
      await writeFile(join(dir, 'lambda.yaml'), text);
      const { AWS_ACCESS_KEY_ID: _id, AWS_SECRET_ACCESS_KEY: _secret, ...withoutKeys } = GUIDE_ENV;
      const gw = await startGatewayFromFiles({ aws, config: [dir], env: withoutKeys });
      try {
        const response = await post(gw.url, '/echo');
        expect(await response.text()).toBe(GUIDE_RESPONSE);
        expect(gw.gateway.table[0]!.auth).toBe('secret aws-creds');
        expect(aws.invocations('echo').at(-1)).toMatchObject({ callerArn: 'arn:aws:iam::111111111111:user/gateway' });
      } finally {
        await gw.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('Gloo Gateway guide, IRSA role-chained configuration (GatewayParameters + Gateway + Backend + HTTPRoute)', () => {
  it('loads: port 8080 from the Gateway, the Backend on the ambient credentials, the IRSA annotation explained', async () => {
    const config = await loadConfig([fixture('kgateway-irsa-role-chained.yaml')], { env: (name) => GUIDE_ENV[name as keyof typeof GUIDE_ENV] });
    expect(config.defaultPort).toBe(8080);
    expect(config.routes).toHaveLength(1);
    expect(config.routes[0]!.backend).toMatchObject({ functionName: 'echo', accountId: LAMBDA_ACCOUNT, auth: { type: 'ambient' } });
    expect(config.warnings.at(-1)).toContain(
      "annotate lambda-gateway's ServiceAccount with eks.amazonaws.com/role-arn: arn:aws:iam::222222222222:role/lambda-invoke-role",
    );
  });

  it("routes /echo with ambient IRSA credentials (web identity into the annotated lambda-invoke-role): the guide's response", async () => {
    aws.resetCalls();
    // The Backend has no `auth`: the ambient chain is the web identity that the GatewayParameters'
    // annotation (eks.amazonaws.com/role-arn: …222222222222:role/lambda-invoke-role) gives the pod.
    // No keys in the environment: only the web identity can sign.
    const env = { AWS_LAMBDA_REGION: GUIDE_ENV.AWS_LAMBDA_REGION, LAMBDA_ACCOUNT_ID: GUIDE_ENV.LAMBDA_ACCOUNT_ID, ...irsaEnv(tokenFile, INVOKE_ROLE) };
    const gw = await startGatewayFromFiles({ aws, config: [fixture('kgateway-irsa-role-chained.yaml')], env });
    try {
      expect(gw.gateway.table.map((row) => [row.route, row.backend, row.auth])).toEqual([
        ['HTTPRoute gloo-system/lambda rules[0]', 'Backend gloo-system/lambda', 'ambient'],
      ]);
      const response = await post(gw.url, '/echo');
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(GUIDE_RESPONSE);
      expect(aws.invocations('echo').at(-1)).toMatchObject({
        functionArn: `arn:aws:lambda:us-east-1:${LAMBDA_ACCOUNT}:function:echo`,
        qualifier: '$LATEST',
        callerArn: `arn:aws:sts::${LAMBDA_ACCOUNT}:assumed-role/lambda-invoke-role/lambda-gateway`,
      });
      expect(aws.calls('sts:AssumeRoleWithWebIdentity')).toBe(1);
      expect(aws.calls('sts:AssumeRole')).toBe(0);
      expect(aws.calls('lambda:Invoke')).toBe(1);
      // The session is cached: a second request makes no STS call.
      const again = await post(gw.url, '/echo');
      expect(again.status).toBe(200);
      expect(await again.text()).toBe(GUIDE_RESPONSE);
      expect(aws.calls('sts:AssumeRoleWithWebIdentity')).toBe(1);
      expect(aws.calls('lambda:Invoke')).toBe(2);
    } finally {
      await gw.close();
    }
  });
});

describe('Gloo Edge guide, resource-based configuration (glooctl Secret + Upstream with secretRef and awsAccountId)', () => {
  it("invokes the Lambda account's function with the secret's keys", async () => {
    const gw = await startGatewayFromFiles({ aws, config: [fixture('gloo-edge-resource-based.yaml')] });
    try {
      const response = await post(gw.url, '/echo');
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(GUIDE_RESPONSE);
      expect(aws.invocations('target-name').at(-1)).toMatchObject({
        functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:target-name',
        callerArn: 'arn:aws:iam::111111111111:user/gateway',
      });
      expect(gw.gateway.table[0]).toMatchObject({ backend: 'Upstream gloo-system/aws-upstream target-name', auth: 'secret aws-creds' });
    } finally {
      await gw.close();
    }
  });
});

describe('Gloo Edge guide, IRSA role-chained configuration (Upstream with roleArn)', () => {
  it('loads: role chaining into roleArn on the ambient credentials, the function by bare name', async () => {
    const config = await loadConfig([fixture('gloo-edge-irsa-role-chained.yaml')], { env: () => undefined });
    expect(config.routes[0]!.backend).toEqual({
      functionName: 'target-name',
      region: 'us-east-1',
      invocationMode: 'Sync',
      payloadMode: 'passthrough',
      auth: { type: 'assumeRole', roleArn: 'arn:aws:iam::123456789012:role/lambda-role' },
    });
  });

  it('routes /echo through the IRSA role chain (web identity into lambda-auth-role, then AssumeRole into 123456789012 lambda-role)', async () => {
    aws.resetCalls();
    const before = aws.invocations('target-name').length;
    const gw = await startGatewayFromFiles({ aws, config: [fixture('gloo-edge-irsa-role-chained.yaml')], env: irsaEnv(tokenFile, AUTH_ROLE) });
    try {
      expect(gw.gateway.table[0]).toMatchObject({ backend: 'Upstream gloo-system/aws-upstream target-name', auth: `assumeRole ${GLOO_EDGE_ROLE}` });
      const response = await post(gw.url, '/echo');
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(GUIDE_RESPONSE);
      expect(aws.calls('sts:AssumeRoleWithWebIdentity')).toBe(1);
      expect(aws.calls('sts:AssumeRole')).toBe(1);
      expect(aws.calls('lambda:Invoke')).toBe(1);
      const invocations = aws.invocations('target-name');
      expect(invocations).toHaveLength(before + 1);
      // The bare function name resolves in the assumed role's account; the function sees the chained session.
      expect(invocations[before]).toMatchObject({
        functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:target-name',
        qualifier: undefined, // the Upstream names no qualifier: an unqualified call, which runs $LATEST
        executedVersion: '$LATEST',
        callerArn: 'arn:aws:sts::123456789012:assumed-role/lambda-role/lambda-gateway',
      });
    } finally {
      await gw.close();
    }
  });

  it("another service account's token (sub not in role-1.json): 503 CredentialsUnavailable naming the role, nothing invoked", async () => {
    aws.resetCalls();
    const before = aws.invocations('target-name').length;
    const intruder = await webIdentityTokenFile(aws, { sub: 'system:serviceaccount:default:intruder' });
    const gw = await startGatewayFromFiles({ aws, config: [fixture('gloo-edge-irsa-role-chained.yaml')], env: irsaEnv(intruder, AUTH_ROLE) });
    try {
      const response = await post(gw.url, '/echo');
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      const body = (await response.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['error', 'message', 'requestId', 'source']);
      expect(body['error']).toBe('CredentialsUnavailable');
      expect(body['source']).toBe(`role ${GLOO_EDGE_ROLE} via web identity ${AUTH_ROLE}`);
      expect(body['message']).toBe(
        `credentials unavailable for role ${GLOO_EDGE_ROLE} via web identity ${AUTH_ROLE}: base credentials unavailable: ` +
          'STS AssumeRoleWithWebIdentity failed: AccessDenied (HTTP 403): Not authorized to perform sts:AssumeRoleWithWebIdentity',
      );
      expect(aws.calls('sts:AssumeRoleWithWebIdentity')).toBe(1);
      expect(aws.calls('sts:AssumeRole')).toBe(0);
      expect(aws.calls('lambda:Invoke')).toBe(0);
      expect(aws.invocations('target-name')).toHaveLength(before);
    } finally {
      await gw.close();
      await intruder.remove();
    }
  });
});
