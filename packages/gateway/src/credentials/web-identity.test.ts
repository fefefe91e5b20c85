import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/index.ts';
import { startLocalAws, type LocalAws } from '@lambda-gateway/local-aws';
import { TEST_SCENARIO } from '../../../local-aws/src/test-support.ts';
import { CredentialCache } from './credential-cache.ts';
import { createStsClient } from '../aws/sts/client.ts';
import { webIdentityCredentials } from './web-identity.ts';

const AUTH_ROLE = 'arn:aws:iam::111111111111:role/lambda-auth-role';
const GATEWAY_SA = 'system:serviceaccount:gloo-system:http';

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

describe('webIdentityCredentials (over fetch, for workers)', () => {
  it('AssumeRoleWithWebIdentity once for concurrent callers, with the token read at each load', async () => {
    let now = Date.now();
    let reads = 0;
    const token = await aws.mintWebIdentityToken({ sub: GATEWAY_SA });
    const provider = webIdentityCredentials({
      roleArn: AUTH_ROLE,
      readToken: () => {
        reads++;
        return `${token}\n`;
      },
      tokenSource: 'binding IRSA_TOKEN',
      sts: createStsClient({ location: { endpoint: aws.url, region: 'us-east-1' } }),
      logger: silentLogger,
      cache,
      now: () => now,
    });
    expect(provider.description).toBe(`web identity ${AUTH_ROLE}`);
    expect(provider.roleArn).toBe(AUTH_ROLE);
    const results = await Promise.all(Array.from({ length: 20 }, () => provider.getCredentials()));
    expect(new Set(results.map((c) => c.accessKeyId)).size).toBe(1);
    expect(aws.calls('sts:AssumeRoleWithWebIdentity')).toBe(1);
    expect(reads).toBe(1);
    now += 3_600_000;
    await provider.getCredentials();
    expect(reads).toBe(2);
    expect(aws.calls('sts:AssumeRoleWithWebIdentity')).toBe(2);
  });

  it('a wrong subject: 503 naming the role and AccessDenied; an unreadable or empty token says so', async () => {
    const sts = createStsClient({ location: { endpoint: aws.url, region: 'us-east-1' } });
    const intruder = await aws.mintWebIdentityToken({ sub: 'system:serviceaccount:default:intruder' });
    const denied = webIdentityCredentials({ roleArn: AUTH_ROLE, readToken: () => intruder, tokenSource: 'a', sts, logger: silentLogger, cache });
    await expect(denied.getCredentials()).rejects.toThrow(
      `credentials unavailable for web identity ${AUTH_ROLE}: STS AssumeRoleWithWebIdentity failed: AccessDenied (HTTP 403): Not authorized to perform sts:AssumeRoleWithWebIdentity`,
    );
    const unreadable = webIdentityCredentials({
      roleArn: AUTH_ROLE,
      readToken: () => Promise.reject(new Error('no binding')),
      tokenSource: 'b',
      sts,
      logger: silentLogger,
      cache,
    });
    await expect(unreadable.getCredentials()).rejects.toThrow('cannot read the web identity token (b): no binding');
    const empty = webIdentityCredentials({ roleArn: AUTH_ROLE, readToken: () => ' ', tokenSource: 'c', sts, logger: silentLogger, cache });
    await expect(empty.getCredentials()).rejects.toThrow('the web identity token (c) is empty');
  });
});
