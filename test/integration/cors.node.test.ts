import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAws } from '../../packages/local-aws/src/index.ts';
import { KEYS, secretOf, startGateway, startTestAws, type GatewayUnderTest } from '../support/stack.ts';

/*
 * CORS on the real Node server against the local AWS (SigV4 verified, policies evaluated): a
 * preflight is answered by the gateway and never reaches Lambda (the local AWS records every
 * Invoke), and the gateway's own error answers for the route carry the CORS headers, so a
 * browser can read a 413 or a 502 instead of an opaque network error.
 */

const CONFIG = `
backends:
  echo: { region: us-east-1, accountId: "222222222222", functionName: echo, payloadMode: apigateway-v2, auth: { type: secret, name: aws-creds } }
  fail: { region: us-east-1, accountId: "222222222222", functionName: fail, payloadMode: apigateway-v2, auth: { type: secret, name: aws-creds } }
routes:
  - name: echo
    matches: [{ path: { type: PathPrefix, value: /echo } }]
    backend: echo
    cors: { allowOrigins: ["https://*.example.com"], allowMethods: [GET, PUT], allowHeaders: [content-type, x-api-key], maxAge: 600 }
  - name: fail
    matches: [{ path: { type: PathPrefix, value: /fail } }]
    backend: fail
    cors: { allowOrigins: ["https://*.example.com"] }
`;

const ORIGIN = 'https://app.example.com';
let aws: LocalAws;
let gw: GatewayUnderTest;

beforeAll(async () => {
  aws = await startTestAws();
  gw = await startGateway({ aws, config: CONFIG, secrets: { 'aws-creds': secretOf(KEYS.gateway) } });
});

afterAll(async () => {
  await gw?.close();
  await aws?.close();
});

describe('CORS on the Node server', () => {
  it('answers a preflight without invoking the function', async () => {
    const before = aws.invocations('echo').length;
    const response = await fetch(`${gw.url}/echo/items`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, PUT');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type, x-api-key');
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(await response.text()).toBe('');
    expect(aws.invocations('echo').length).toBe(before);
  });

  it('refuses a preflight from an origin the policy does not allow, still without invoking', async () => {
    const before = aws.invocations('echo').length;
    const response = await fetch(`${gw.url}/echo/items`, {
      method: 'OPTIONS',
      headers: { origin: 'https://example.com.evil.test', 'access-control-request-method': 'PUT' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.has('access-control-allow-origin')).toBe(false);
    expect(aws.invocations('echo').length).toBe(before);
  });

  it('adds the headers to the answer of an invoked function', async () => {
    const before = aws.invocations('echo').length;
    const response = await fetch(`${gw.url}/echo/items`, { method: 'PUT', headers: { origin: ORIGIN }, body: 'x' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('vary')).toContain('Origin');
    expect(aws.invocations('echo').length).toBe(before + 1);
  });

  it("adds them to the gateway's 413 for a body over Lambda's 6 MB limit", async () => {
    const response = await fetch(`${gw.url}/echo/big`, { method: 'PUT', headers: { origin: ORIGIN }, body: new Uint8Array(7 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(await response.json()).toMatchObject({ error: 'PayloadTooLarge' });
  });

  it("adds them to the gateway's 502 for a function that threw", async () => {
    const response = await fetch(`${gw.url}/fail`, { headers: { origin: ORIGIN } });
    expect(response.status).toBe(502);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(response.headers.get('vary')).toBe('Origin');
  });
});
