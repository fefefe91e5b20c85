/**
 * Readiness with one backend's credentials missing: the shipped base routes
 * (deploy/kubernetes/base/gateway.yaml, the IRSA role chain) next to a
 * resource-based backend whose optional aws-creds Secret is absent, as the
 * single ConfigMap shipped before the kustomize overlays had it. The pod must
 * become Ready (the Deployment probes the admin port's /readyz) and serve the
 * IRSA route; only the route that needs the Secret answers 503.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAws } from '../../packages/local-aws/src/index.ts';
import { irsaEnv, startCredentialsAws, webIdentityTokenFile, type TokenFile } from '../credentials/support.ts';
import { GUIDE_BODY } from '../support/stack.ts';
import { startServe, type ServeUnderTest } from './serve-under-test.ts';

let aws: LocalAws;
let tokenFile: TokenFile;
let gw: ServeUnderTest;

beforeAll(async () => {
  aws = await startCredentialsAws();
  tokenFile = await webIdentityTokenFile(aws);
  const base = await readFile(resolve(import.meta.dirname, '../../deploy/kubernetes/base/gateway.yaml'), 'utf8');
  const resourceBased = [
    'backends:',
    '  echo-resource-based:',
    '    { region: us-east-1, accountId: "222222222222", functionName: echo, auth: { type: secret, name: aws-creds } }',
    'routes:',
    '  - { name: echo-resource-based, matches: [{ path: { type: PathPrefix, value: /resource-based/echo } }], backend: echo-resource-based }',
    '',
  ].join('\n');
  gw = await startServe({ aws, files: { 'gateway.yaml': base, 'resource-based.yaml': resourceBased }, env: irsaEnv(tokenFile) });
});
afterAll(async () => {
  await gw?.close();
  await tokenFile?.remove();
  await aws?.close();
});

describe('shipped manifests, IRSA only (aws-creds Secret absent)', () => {
  it('becomes Ready on the probed admin port and serves the IRSA route; the Secret route alone answers 503', async () => {
    const ready = await fetch(`${gw.adminUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect((await ready.json()) as object).toMatchObject({ status: 'ready' });
    const irsa = await fetch(`${gw.url}/echo`, { method: 'POST', body: GUIDE_BODY });
    expect(irsa.status).toBe(200);
    expect(aws.invocations('echo').at(-1)?.callerArn).toContain('assumed-role/lambda-invoke-role/');
    const resourceBased = await fetch(`${gw.url}/resource-based/echo`, { method: 'POST', body: GUIDE_BODY });
    expect(resourceBased.status).toBe(503);
    expect(((await resourceBased.json()) as { error: string }).error).toBe('CredentialsUnavailable');
    // The start-up warned about the missing Secret.
    expect(gw.logs.some((line) => line.includes('secret missing') && line.includes('aws-creds'))).toBe(true);
  });
});
