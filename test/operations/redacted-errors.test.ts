/**
 * Error bodies on the traffic port of a real `serve`, by default: the stable
 * `error` code, a generic message and the request id, for every error class;
 * no role ARN, account id, secret name or path, token path, endpoint, AWS
 * message or function errorMessage. The details go to the log line. A backend
 * opts in with `exposeErrorDetails` (or `functionErrorMode: passthrough`).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERIC_ERROR_MESSAGES, type GatewayErrorCode } from '../../packages/gateway/src/errors/index.ts';
import type { LocalAws } from '../../packages/local-aws/src/index.ts';
import { GUIDE_BODY, KEYS, secretOf, startTestAws } from '../support/stack.ts';
import { startServe, type ServeUnderTest } from './serve-under-test.ts';

const EXTRA = `
backends:
  absent-secret: { region: us-east-1, accountId: "222222222222", functionName: echo, auth: { type: secret, name: absent-creds } }
  untrusted-role:
    region: us-east-1
    accountId: "222222222222"
    functionName: echo
    auth: { type: assumeRole, roleArn: "arn:aws:iam::222222222222:role/lambda-invoke-role", source: { type: secret, name: aws-creds } }
  fail-exposed: { region: us-east-1, accountId: "222222222222", functionName: fail, exposeErrorDetails: true, auth: { type: secret, name: aws-creds } }
routes:
  - { name: absent-secret, matches: [{ path: { type: Exact, value: /absent-secret } }], backend: absent-secret }
  - { name: untrusted-role, matches: [{ path: { type: Exact, value: /untrusted-role } }], backend: untrusted-role }
  - { name: fail-exposed, matches: [{ path: { type: Exact, value: /fail-exposed } }], backend: fail-exposed }
`;

let aws: LocalAws;
let gw: ServeUnderTest;

beforeAll(async () => {
  aws = await startTestAws();
  gw = await startServe({
    aws,
    files: { 'gateway.yaml': await readFile(resolve(import.meta.dirname, '../fixtures/gateway.yaml'), 'utf8'), 'extra.yaml': EXTRA },
    secrets: {
      'aws-creds': secretOf(KEYS.gateway),
      'wrong-creds': secretOf({ accessKey: KEYS.gateway.accessKey, secretKey: 'not-the-right-secret-key/00000000000000' }),
      'no-identity-creds': secretOf(KEYS.noIdentityPolicy),
      'local-dev-creds': secretOf(KEYS.localDev),
    },
  });
});
afterAll(async () => {
  await gw?.close();
  await aws?.close();
});

/** One request per error class: path, body, expected status and code. */
const CASES: Array<{ path: string; method?: string; body?: string | Uint8Array<ArrayBuffer>; status: number; code: GatewayErrorCode }> = [
  { path: '/private-cross-account', body: GUIDE_BODY, status: 502, code: 'BackendMisconfigured' },
  { path: '/wrong-key', body: GUIDE_BODY, status: 502, code: 'BackendMisconfigured' },
  { path: '/missing', body: GUIDE_BODY, status: 502, code: 'BackendMisconfigured' },
  { path: '/fail', body: '{}', status: 502, code: 'FunctionError' },
  { path: '/throttled', body: '{}', status: 429, code: 'TooManyRequests' },
  { path: '/slow', body: '{"ms":2000}', status: 504, code: 'BackendTimeout' },
  { path: '/unreachable', body: GUIDE_BODY, status: 503, code: 'BackendUnreachable' },
  { path: '/echo', body: 'not json', status: 400, code: 'InvalidRequestContent' },
  { path: '/echo', body: new Uint8Array(6 * 1024 * 1024 + 1).fill(0x20), status: 413, code: 'PayloadTooLarge' },
  { path: '/absent-secret', body: '{}', status: 503, code: 'CredentialsUnavailable' },
  { path: '/untrusted-role', body: '{}', status: 503, code: 'CredentialsUnavailable' },
  { path: '/nothing/here/222222222222', method: 'GET', status: 404, code: 'RouteNotFound' },
];

describe('redacted error bodies (the default)', () => {
  for (const { path, method, body, status, code } of CASES) {
    it(`${code} (${method ?? 'POST'} ${path.slice(0, 30)}): error, generic message, request id, nothing else`, async () => {
      const requestId = `redaction-${code}-${status}`;
      const response = await fetch(`${gw.url}${path}`, { method: method ?? 'POST', body, headers: { 'x-request-id': requestId } });
      expect(response.status).toBe(status);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ error: code, message: GENERIC_ERROR_MESSAGES[code], requestId });
      expect(text).not.toMatch(/\d{12}/);
      expect(text).not.toMatch(/arn:aws/);
      for (const leak of [gw.secretsDir, 'aws-creds', 'absent-creds', '127.0.0.1', aws.url, 'order 42', 'OrderRejected', 'AccessDenied', 'Exception']) {
        expect(text).not.toContain(leak);
      }
      // The details went to the request's log line (for operators), not to the client.
      if (code !== 'RouteNotFound') {
        const line = gw.logs.map((entry) => JSON.parse(entry) as Record<string, unknown>).find((entry) => entry.requestId === requestId);
        expect(line).toMatchObject({ error: code, status });
      }
    });
  }

  it('the log line keeps what the body leaves out (function errorMessage, credential source and reason)', () => {
    const lines = gw.logs.map((entry) => JSON.parse(entry) as Record<string, unknown>);
    expect(lines.find((entry) => entry.requestId === 'redaction-FunctionError-502')).toMatchObject({
      details: { errorType: 'OrderRejected', errorMessage: 'order 42 is not allowed' },
    });
    const untrusted = lines.find((entry) => entry.route === 'untrusted-role' && entry.error === 'CredentialsUnavailable');
    expect(String(untrusted?.detail)).toContain('arn:aws:iam::222222222222:role/lambda-invoke-role');
  });

  it('a backend with exposeErrorDetails: true answers with the details', async () => {
    const response = await fetch(`${gw.url}/fail-exposed`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: 'FunctionError', errorType: 'OrderRejected', errorMessage: 'order 42 is not allowed' });
  });

  it('functionErrorMode passthrough counts as opting in: the function body as-is', async () => {
    const response = await fetch(`${gw.url}/fail-passthrough`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ errorType: 'OrderRejected', errorMessage: 'order 42 is not allowed' });
  });

  it('the traffic /readyz says only ready or not; the admin port names the failing backends', async () => {
    const text = await (await fetch(`${gw.url}/readyz`)).text();
    expect(JSON.parse(text)).toEqual({ status: 'ready' });
    const admin = await (await fetch(`${gw.adminUrl}/readyz`)).text();
    expect(admin).toContain('absent-creds');
    expect(admin).toContain('arn:aws:iam::222222222222:role/lambda-invoke-role');
  });
});

describe('--expose-error-details', () => {
  it('turns details on for every backend', async () => {
    const dev = await startServe({
      aws,
      files: { 'extra.yaml': EXTRA },
      secrets: { 'aws-creds': secretOf(KEYS.gateway) },
      serve: { exposeErrorDetails: true },
    });
    try {
      const response = await fetch(`${dev.url}/absent-secret`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        error: 'CredentialsUnavailable',
        source: 'secret absent-creds',
        message: expect.stringContaining('absent-creds'),
      });
    } finally {
      await dev.close();
    }
  });
});
