/**
 * The Gloo Gateway guide's recommended setup, end to end on the real Node
 * server: the gateway's IRSA web identity assumes lambda-auth-role
 * (role-1.json) in the authentication account, then chains sts:AssumeRole
 * into lambda-invoke-role (role-2.json) in the Lambda account, whose function
 * has no resource-based policy.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LocalAws } from '../../packages/local-aws/src/index.ts';
import { GUIDE_BODY, GUIDE_RESPONSE } from '../support/stack.ts';
import {
  AUTH_ROLE,
  DIRECT_ROLE,
  EXTERNAL_ID_ROLE,
  INVOKE_ROLE,
  irsaEnv,
  routesConfig,
  SecretWatch,
  startCredentialsAws,
  webIdentityTokenFile,
  type TokenFile,
} from './support.ts';

let aws: LocalAws;
let tokenFile: TokenFile;
const watch = new SecretWatch();

beforeAll(async () => {
  aws = await startCredentialsAws();
  tokenFile = await webIdentityTokenFile(aws);
  watch.token(await tokenFile.rotate());
});
afterAll(async () => {
  watch.expectNoSecrets();
  await tokenFile?.remove();
  await aws?.close();
});
beforeEach(() => {
  aws.resetCalls();
});

const post = async (url: string) => {
  const response = await fetch(url, { method: 'POST', body: GUIDE_BODY });
  return { status: response.status, headers: response.headers, body: watch.body(await response.text()) };
};

describe('IRSA role chain (web identity into lambda-auth-role, AssumeRole into lambda-invoke-role)', () => {
  it("answers the guide's request through the chain; the function sees the invoke role's session", async () => {
    const gw = await watch.gateway({ aws, config: routesConfig({ '/echo': { type: 'assumeRole', roleArn: INVOKE_ROLE } }), env: irsaEnv(tokenFile) });
    try {
      const response = await post(`${gw.url}/echo`);
      expect(response.status).toBe(200);
      expect(response.body).toBe(GUIDE_RESPONSE);
      expect(aws.invocations('echo').at(-1)?.callerArn).toBe('arn:aws:sts::222222222222:assumed-role/lambda-invoke-role/lambda-gateway');
      expect(aws.calls('sts:AssumeRoleWithWebIdentity')).toBe(1);
      expect(aws.calls('sts:AssumeRole')).toBe(1);
      expect(gw.gateway.table[0]!.auth).toBe(`assumeRole ${INVOKE_ROLE}`);
      expect(await (await fetch(`${gw.url}/readyz`)).json()).toEqual({ status: 'ready' });
    } finally {
      await gw.close();
    }
  });

  it('the function is reachable only through the chain: the auth role itself is refused cross-account', async () => {
    const gw = await watch.gateway({ aws, config: routesConfig({ '/direct': { type: 'ambient' } }), env: irsaEnv(tokenFile) });
    try {
      const response = await post(`${gw.url}/direct`);
      expect(response.status).toBe(502);
      expect(JSON.parse(response.body)).toMatchObject({ error: 'BackendMisconfigured' });
      expect(gw.logs.join('\n')).toContain('arn:aws:sts::111111111111:assumed-role/lambda-auth-role/lambda-gateway');
      expect(aws.calls('lambda:Invoke')).toBe(1);
      expect(aws.invocations('echo').filter((invocation) => invocation.callerArn.includes('lambda-auth-role'))).toEqual([]);
    } finally {
      await gw.close();
    }
  });

  it('100 concurrent requests on a cold gateway: one AssumeRoleWithWebIdentity, one AssumeRole per role', async () => {
    const gw = await watch.gateway({
      aws,
      config: routesConfig({
        '/echo': { type: 'assumeRole', roleArn: INVOKE_ROLE },
        '/partner': { type: 'assumeRole', roleArn: EXTERNAL_ID_ROLE, externalId: 'lambda-gateway-tests' },
      }),
      env: irsaEnv(tokenFile),
    });
    try {
      const responses = await Promise.all(Array.from({ length: 100 }, (_, index) => post(`${gw.url}/${index % 2 ? 'echo' : 'partner'}`)));
      expect(responses.map((response) => response.status)).toEqual(Array.from({ length: 100 }, () => 200));
      expect(aws.calls('sts:AssumeRoleWithWebIdentity')).toBe(1);
      expect(aws.calls('sts:AssumeRole')).toBe(2);
      expect(aws.calls('lambda:Invoke')).toBe(100);
      expect(
        new Set(
          aws
            .invocations('echo')
            .slice(-100)
            .map((invocation) => invocation.callerArn),
        ),
      ).toEqual(
        new Set([
          'arn:aws:sts::222222222222:assumed-role/lambda-invoke-role/lambda-gateway',
          'arn:aws:sts::222222222222:assumed-role/external-id-role/lambda-gateway',
        ]),
      );
    } finally {
      await gw.close();
    }
  });

  it('Gloo semantics: roleArn equal to AWS_ROLE_ARN is one web identity call; disableRoleChaining assumes the role with the token', async () => {
    const gw = await watch.gateway({
      aws,
      config: routesConfig({
        '/same': { type: 'assumeRole', roleArn: AUTH_ROLE },
        '/direct': { type: 'assumeRole', roleArn: DIRECT_ROLE, disableRoleChaining: true, roleSessionName: 'gloo-direct' },
      }),
      env: irsaEnv(tokenFile),
    });
    try {
      expect((await post(`${gw.url}/direct`)).body).toBe(GUIDE_RESPONSE);
      expect(aws.invocations('echo').at(-1)?.callerArn).toBe('arn:aws:sts::222222222222:assumed-role/irsa-direct-role/gloo-direct');
      expect(aws.calls('sts:AssumeRoleWithWebIdentity')).toBe(1);
      // lambda-auth-role is the web identity's own role: no second hop (and it cannot invoke cross-account).
      expect((await post(`${gw.url}/same`)).status).toBe(502);
      expect(aws.calls('sts:AssumeRoleWithWebIdentity')).toBe(2);
      expect(aws.calls('sts:AssumeRole')).toBe(0);
    } finally {
      await gw.close();
    }
  });

  it('AWS_ENDPOINT_URL_STS wins over AWS_ENDPOINT_URL for STS (Lambda keeps AWS_ENDPOINT_URL)', async () => {
    const env = { ...irsaEnv(tokenFile), AWS_ENDPOINT_URL: 'http://127.0.0.1:1', AWS_ENDPOINT_URL_LAMBDA: aws.url, AWS_ENDPOINT_URL_STS: aws.url };
    const gw = await watch.gateway({ aws, config: routesConfig({ '/echo': { type: 'assumeRole', roleArn: INVOKE_ROLE } }), env });
    try {
      expect((await post(`${gw.url}/echo`)).status).toBe(200);
    } finally {
      await gw.close();
    }
  });
});
