/**
 * Credential expiry must never cause an outage: short-lived credentials are
 * refreshed in the background while the current ones are still valid, a
 * rotated token file is picked up, and an STS outage at start heals itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAws } from '../../packages/local-aws/src/index.ts';
import { GUIDE_BODY } from '../support/stack.ts';
import { INVOKE_ROLE, irsaEnv, routesConfig, SecretWatch, startCredentialsAws, webIdentityTokenFile, type TokenFile } from './support.ts';

const LIFETIME_SECONDS = 2;
const watch = new SecretWatch();
const stsLog: Array<Record<string, unknown>> = [];
let aws: LocalAws;
let tokenFile: TokenFile;

beforeAll(async () => {
  aws = await startCredentialsAws({ lifetimeSeconds: LIFETIME_SECONDS, log: (entry) => stsLog.push(entry) });
  tokenFile = await webIdentityTokenFile(aws);
});
afterAll(async () => {
  watch.expectNoSecrets();
  await tokenFile?.remove();
  await aws?.close();
});

const CHAIN = routesConfig({ '/echo': { type: 'assumeRole', roleArn: INVOKE_ROLE } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function post(url: string): Promise<number> {
  const response = await fetch(`${url}/echo`, { method: 'POST', body: GUIDE_BODY });
  watch.body(await response.text());
  return response.status;
}

/** The `tokenId` (jti) of the token each AssumeRoleWithWebIdentity presented, in order. */
const tokenIdsSeen = () => stsLog.filter((entry) => entry.action === 'sts:AssumeRoleWithWebIdentity' && entry.status === 200).map((entry) => entry.tokenId);
const jtiOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { jti: string }).jti;

describe('refresh ahead of expiry', () => {
  it(`${LIFETIME_SECONDS}-second credentials, a steady stream for 5 s: zero failures, each role refreshed several times`, async () => {
    watch.token(await tokenFile.rotate());
    const gw = await watch.gateway({ aws, config: CHAIN, env: irsaEnv(tokenFile) });
    try {
      aws.resetCalls();
      const statuses: number[] = [];
      const deadline = Date.now() + 5_000;
      // Four clients in parallel, back to back: requests land all through every credential lifetime.
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (Date.now() < deadline) statuses.push(await post(gw.url));
        }),
      );
      expect(statuses.length).toBeGreaterThan(100);
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
      // 5 s of 2-second credentials, refreshed after 1.5 s: the role (used by every request) at least
      // three times. The web identity is used only by those refreshes, so it is refreshed when one of
      // them finds it due or expired: at least twice (one session cannot sign past 2 s).
      expect(aws.calls('sts:AssumeRole')).toBeGreaterThanOrEqual(3);
      expect(aws.calls('sts:AssumeRoleWithWebIdentity')).toBeGreaterThanOrEqual(2);
      // …and never one per request.
      expect(aws.calls('sts:AssumeRole')).toBeLessThanOrEqual(6);
      expect(gw.logs.filter((line) => line.includes('"level":"warn"') || line.includes('"level":"error"'))).toEqual([]);
    } finally {
      await gw.close();
    }
  });

  it('a rewritten token file is used by the next refresh (the kubelet rotates it)', async () => {
    const first = watch.token(await tokenFile.rotate());
    const gw = await watch.gateway({ aws, config: CHAIN, env: irsaEnv(tokenFile) });
    try {
      expect(await post(gw.url)).toBe(200);
      expect(tokenIdsSeen().at(-1)).toBe(jtiOf(first));
      const second = watch.token(await tokenFile.rotate());
      const seenBefore = tokenIdsSeen().length;
      const deadline = Date.now() + 4_000;
      while (tokenIdsSeen().length === seenBefore && Date.now() < deadline) {
        expect(await post(gw.url)).toBe(200);
        await sleep(50);
      }
      expect(tokenIdsSeen().slice(seenBefore)).toEqual([jtiOf(second)]);
    } finally {
      await gw.close();
    }
  });
});

describe('STS down at start', () => {
  it('503 CredentialsUnavailable with Retry-After naming the role, then success once STS is back, without a restart', async () => {
    watch.token(await tokenFile.rotate());
    aws.setServiceAvailable('sts', false);
    const gw = await watch.gateway({ aws, config: CHAIN, env: irsaEnv(tokenFile) });
    try {
      const response = await fetch(`${gw.url}/echo`, { method: 'POST', body: GUIDE_BODY });
      const body = JSON.parse(watch.body(await response.text())) as { error: string; message: string; source: string };
      expect(response.status).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(body.error).toBe('CredentialsUnavailable');
      expect(body.source).toContain(INVOKE_ROLE);
      expect(body.message).toContain('ServiceUnavailable');
      // Ready all along (one backend's credentials never make the pod unready); the admin port says why it fails.
      const ready = await fetch(`${gw.adminUrl}/readyz`);
      expect(ready.status).toBe(200);
      const details = JSON.parse(watch.body(await ready.text())) as { backends: Array<{ ok: boolean; reason?: string }> };
      expect(details.backends[0]).toMatchObject({ ok: false, reason: expect.stringContaining('ServiceUnavailable') });

      aws.setServiceAvailable('sts', true);
      const deadline = Date.now() + 5_000;
      let status = 503;
      while (status !== 200 && Date.now() < deadline) {
        await sleep(200);
        status = await post(gw.url);
      }
      expect(status).toBe(200);
      expect((await fetch(`${gw.url}/readyz`)).status).toBe(200);
      expect(((await (await fetch(`${gw.adminUrl}/readyz`)).json()) as { backends: Array<{ ok: boolean }> }).backends[0]!.ok).toBe(true);
      const warnings = gw.logs.filter((line) => line.includes('"msg":"credentials unavailable"'));
      expect(warnings.length).toBeGreaterThanOrEqual(1);
      // One line per failure streak and provider (web identity, then the chained role), not one per attempt.
      expect(warnings.length).toBeLessThanOrEqual(2);
      expect(gw.logs.some((line) => line.includes('"msg":"credentials available again"'))).toBe(true);
    } finally {
      aws.setServiceAvailable('sts', true);
      await gw.close();
    }
  });
});
