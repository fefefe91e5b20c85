/**
 * EKS Pod Identity as the base credentials: the agent's endpoint
 * (AWS_CONTAINER_CREDENTIALS_FULL_URI + AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE),
 * read through the AWS SDK's fromHttp, then role chaining into the Lambda account.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAws } from '../../packages/local-aws/src/index.ts';
import { GUIDE_BODY, GUIDE_RESPONSE } from '../support/stack.ts';
import { POD_IDENTITY_TOKEN, POD_INVOKE_ROLE, routesConfig, SecretWatch, startCredentialsAws } from './support.ts';

const watch = new SecretWatch();
let aws: LocalAws;
let dir: string;

beforeAll(async () => {
  aws = await startCredentialsAws();
  dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-pod-identity-'));
});
afterAll(async () => {
  watch.expectNoSecrets();
  await rm(dir, { recursive: true, force: true });
  await aws?.close();
});

async function tokenFileWith(name: string, token: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, token);
  return path;
}

const CHAIN = routesConfig({ '/echo': { type: 'assumeRole', roleArn: POD_INVOKE_ROLE } });

describe('EKS Pod Identity as the base credentials', () => {
  it('container credentials, then AssumeRole into the Lambda account: one call of each for 20 concurrent requests', async () => {
    aws.resetCalls();
    const env = {
      AWS_CONTAINER_CREDENTIALS_FULL_URI: aws.containerCredentialsUrl,
      AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: await tokenFileWith('token', POD_IDENTITY_TOKEN),
    };
    const gw = await watch.gateway({ aws, config: CHAIN, env });
    try {
      const responses = await Promise.all(
        Array.from({ length: 20 }, async () => {
          const response = await fetch(`${gw.url}/echo`, { method: 'POST', body: GUIDE_BODY });
          return watch.body(await response.text());
        }),
      );
      expect(new Set(responses)).toEqual(new Set([GUIDE_RESPONSE]));
      expect(aws.calls('container:GetCredentials')).toBe(1);
      expect(aws.calls('sts:AssumeRole')).toBe(1);
      expect(aws.invocations('echo').at(-1)?.callerArn).toBe('arn:aws:sts::222222222222:assumed-role/pod-invoke-role/lambda-gateway');
      expect((await fetch(`${gw.url}/readyz`)).status).toBe(200);
    } finally {
      await gw.close();
    }
  });

  it('AWS_CONTAINER_AUTHORIZATION_TOKEN works too; a wrong token is a 503 naming the endpoint and the status', async () => {
    const good = await watch.gateway({
      aws,
      config: CHAIN,
      env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: aws.containerCredentialsUrl, AWS_CONTAINER_AUTHORIZATION_TOKEN: POD_IDENTITY_TOKEN },
    });
    const bad = await watch.gateway({
      aws,
      config: CHAIN,
      env: {
        AWS_CONTAINER_CREDENTIALS_FULL_URI: aws.containerCredentialsUrl,
        AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: await tokenFileWith('wrong', 'not-the-pod-token'),
      },
    });
    try {
      const ok = await fetch(`${good.url}/echo`, { method: 'POST', body: GUIDE_BODY });
      expect(watch.body(await ok.text())).toBe(GUIDE_RESPONSE);
      const refused = await fetch(`${bad.url}/echo`, { method: 'POST', body: GUIDE_BODY });
      const body = JSON.parse(watch.body(await refused.text())) as { error: string; message: string };
      expect(refused.status).toBe(503);
      expect(body.error).toBe('CredentialsUnavailable');
      expect(body.message).toContain(`role ${POD_INVOKE_ROLE} via container credentials ${aws.containerCredentialsUrl}`);
      expect(body.message).toContain('401');
    } finally {
      await good.close();
      await bad.close();
    }
  });
});
