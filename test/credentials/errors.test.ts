/**
 * Misconfigurations answer 503 CredentialsUnavailable with an error that
 * names the role and STS's error code (and never a token or key), and
 * the admin port's `/readyz` lists exactly the backends whose credentials fail, while the pod stays ready.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAws } from '../../packages/local-aws/src/index.ts';
import { GUIDE_BODY } from '../support/stack.ts';
import {
  AUTH_ROLE,
  EXTERNAL_ID_ROLE,
  INVOKE_ROLE,
  irsaEnv,
  routesConfig,
  SecretWatch,
  startCredentialsAws,
  UNTRUSTING_ROLE,
  USER_KEYS,
  webIdentityTokenFile,
  type TokenFile,
} from './support.ts';

const watch = new SecretWatch();
let aws: LocalAws;
let tokenFile: TokenFile;

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

interface ErrorBody {
  error: string;
  message: string;
  source: string;
}

async function failure(url: string): Promise<{ status: number; retryAfter: string | null; body: ErrorBody }> {
  const response = await fetch(url, { method: 'POST', body: GUIDE_BODY });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: JSON.parse(watch.body(await response.text())) as ErrorBody };
}

describe('clear errors naming the role and the STS error code', () => {
  it('wrong trust policy: AccessDenied for the chained role', async () => {
    aws.resetCalls();
    const gw = await watch.gateway({ aws, config: routesConfig({ '/untrusted': { type: 'assumeRole', roleArn: UNTRUSTING_ROLE } }), env: irsaEnv(tokenFile) });
    try {
      const { status, retryAfter, body } = await failure(`${gw.url}/untrusted`);
      expect(status).toBe(503);
      expect(retryAfter).toMatch(/^\d+$/);
      expect(body.error).toBe('CredentialsUnavailable');
      expect(body.source).toBe(`role ${UNTRUSTING_ROLE} via web identity ${AUTH_ROLE}`);
      expect(body.message).toContain(`credentials unavailable for role ${UNTRUSTING_ROLE}`);
      expect(body.message).toContain(
        'STS AssumeRole failed: AccessDenied (HTTP 403): User: arn:aws:sts::111111111111:assumed-role/lambda-auth-role/lambda-gateway is not authorized to perform: sts:AssumeRole',
      );
      expect(aws.calls('lambda:Invoke')).toBe(0);
      expect(gw.logs.some((line) => line.includes('"msg":"credentials unavailable"') && line.includes(UNTRUSTING_ROLE))).toBe(true);
    } finally {
      await gw.close();
    }
  });

  it('wrong external id: AccessDenied; the right one works (from environment keys too)', async () => {
    const gw = await watch.gateway({
      aws,
      config: routesConfig({
        '/wrong': { type: 'assumeRole', roleArn: EXTERNAL_ID_ROLE, externalId: 'not-the-external-id' },
        '/right': { type: 'assumeRole', roleArn: EXTERNAL_ID_ROLE, externalId: 'lambda-gateway-tests' },
      }),
      env: { AWS_ACCESS_KEY_ID: USER_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: USER_KEYS.secretAccessKey },
    });
    try {
      const { status, body } = await failure(`${gw.url}/wrong`);
      expect(status).toBe(503);
      expect(body.message).toContain(
        `credentials unavailable for role ${EXTERNAL_ID_ROLE} via environment (AWS_ACCESS_KEY_ID): STS AssumeRole failed: AccessDenied (HTTP 403)`,
      );
      const right = await fetch(`${gw.url}/right`, { method: 'POST', body: GUIDE_BODY });
      watch.body(await right.text());
      expect(right.status).toBe(200);
      expect(aws.invocations('echo').at(-1)?.callerArn).toBe('arn:aws:sts::222222222222:assumed-role/external-id-role/lambda-gateway');
    } finally {
      await gw.close();
    }
  });

  it('expired web identity token: ExpiredTokenException, naming both roles', async () => {
    const expired = await webIdentityTokenFile(aws, { expiresInSeconds: -60 });
    const gw = await watch.gateway({ aws, config: routesConfig({ '/echo': { type: 'assumeRole', roleArn: INVOKE_ROLE } }), env: irsaEnv(expired) });
    try {
      const { status, body } = await failure(`${gw.url}/echo`);
      expect(status).toBe(503);
      expect(body.message).toMatch(
        new RegExp(
          `^credentials unavailable for role ${INVOKE_ROLE} via web identity ${AUTH_ROLE}: base credentials unavailable: STS AssumeRoleWithWebIdentity failed: ExpiredTokenException \\(HTTP 400\\): Token expired`,
        ),
      );
    } finally {
      await gw.close();
      await expired.remove();
    }
  });

  it('another service account: AccessDenied from the web identity trust policy (role-1.json sub condition)', async () => {
    const intruder = await webIdentityTokenFile(aws, { sub: 'system:serviceaccount:default:intruder' });
    const gw = await watch.gateway({ aws, config: routesConfig({ '/ambient': { type: 'ambient' } }), env: irsaEnv(intruder) });
    try {
      const { status, body } = await failure(`${gw.url}/ambient`);
      expect(status).toBe(503);
      expect(body.source).toBe(`web identity ${AUTH_ROLE}`);
      expect(body.message).toContain('STS AssumeRoleWithWebIdentity failed: AccessDenied (HTTP 403): Not authorized to perform sts:AssumeRoleWithWebIdentity');
    } finally {
      await gw.close();
      await intruder.remove();
    }
  });

  it('a missing token file and half an IRSA configuration say what is wrong', async () => {
    const gw = await watch.gateway({
      aws,
      config: routesConfig({ '/echo': { type: 'ambient' } }),
      env: { AWS_ROLE_ARN: AUTH_ROLE, AWS_WEB_IDENTITY_TOKEN_FILE: '/nonexistent/token' },
    });
    const half = await watch.gateway({ aws, config: routesConfig({ '/echo': { type: 'ambient' } }), env: { AWS_ROLE_ARN: AUTH_ROLE } });
    try {
      expect((await failure(`${gw.url}/echo`)).body.message).toContain('cannot read /nonexistent/token: ENOENT');
      expect((await failure(`${half.url}/echo`)).body.message).toBe(
        `credentials unavailable for web identity ${AUTH_ROLE}: AWS_WEB_IDENTITY_TOKEN_FILE is not set (IRSA needs both AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE)`,
      );
    } finally {
      await gw.close();
      await half.close();
    }
  });
});

describe('/healthz and /readyz', () => {
  it('one backend failing keeps the pod ready; the admin /readyz lists exactly the failing backends (by source and reason); both are answered before route matching', async () => {
    const gw = await watch.gateway({
      aws,
      config: routesConfig({
        '/': { type: 'assumeRole', roleArn: INVOKE_ROLE },
        '/untrusted': { type: 'assumeRole', roleArn: UNTRUSTING_ROLE },
      }),
      env: irsaEnv(tokenFile),
    });
    try {
      expect(await (await fetch(`${gw.url}/healthz`)).json()).toEqual({ status: 'ok' });
      const traffic = await fetch(`${gw.url}/readyz`);
      expect(traffic.status).toBe(200);
      expect(JSON.parse(watch.body(await traffic.text()))).toEqual({ status: 'ready' });
      const ready = await fetch(`${gw.adminUrl}/readyz`);
      const body = JSON.parse(watch.body(await ready.text())) as {
        status: string;
        backends: Array<{ backend: string; credentials: string; ok: boolean; reason?: string }>;
      };
      expect(ready.status).toBe(200);
      expect(body.status).toBe('ready');
      const failing = body.backends.filter((check) => !check.ok);
      expect(failing).toHaveLength(1);
      expect(failing[0]).toMatchObject({ backend: 'untrusted', credentials: `role ${UNTRUSTING_ROLE} via web identity ${AUTH_ROLE}` });
      expect(failing[0]!.reason).toContain('AccessDenied');
      // The PathPrefix / route never saw the probes.
      expect(aws.invocations('echo').filter((invocation) => JSON.stringify(invocation.event).includes('readyz'))).toEqual([]);
    } finally {
      await gw.close();
    }
  });
});
