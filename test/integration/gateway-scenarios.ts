import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledScenarioPath, startLocalAws, type LocalAws } from '../../packages/local-aws/src/index.ts';
import { rawRequest } from '../support/raw-http.ts';
import type { RunningGateway, RuntimeUnderTest } from '../support/runtimes.ts';
import { GUIDE_BODY, GUIDE_RESPONSE, KEYS, secretOf, startTestAws } from '../support/stack.ts';

/**
 * The integration scenarios, run against every runtime (gateway.node.test.ts,
 * gateway.worker.test.ts): one local AWS and one gateway per file, the same
 * `it` blocks, the same expectations. A scenario that differs by design is
 * skipped on the runtime it cannot hold for, with the reason (listed in the README).
 */
export function describeGatewayScenarios(runtime: RuntimeUnderTest): void {
  let aws: LocalAws;
  let gw: RunningGateway;

  beforeAll(async () => {
    aws = await startTestAws();
    gw = await runtime.start({
      aws,
      config: await readFile(resolve(import.meta.dirname, '../fixtures/gateway.yaml'), 'utf8'),
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

  async function post(path: string, body: string | Uint8Array<ArrayBuffer> = '{}', headers: Record<string, string> = {}) {
    return fetch(`${gw.url}${path}`, { method: 'POST', body, headers });
  }

  async function errorBody(response: Response) {
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.requestId).toBe(response.headers.get('x-request-id'));
    expect(typeof body.requestId).toBe('string');
    return body;
  }

  describe('routing to Lambda through the local AWS', () => {
    it("answers the guide's curl with the guide's response (cross-account, resource-based)", async () => {
      const response = await post('/echo', GUIDE_BODY);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(GUIDE_RESPONSE);
      const [invocation] = aws.invocations('echo').slice(-1);
      expect(invocation).toMatchObject({
        functionArn: 'arn:aws:lambda:us-east-1:222222222222:function:echo',
        callerArn: 'arn:aws:iam::111111111111:user/gateway',
      });
    });

    it('routes PathPrefix segment-wise: /echo/x matches, /echoes does not', async () => {
      expect((await post('/echo/x', GUIDE_BODY)).status).toBe(200);
      const response = await post('/echoes', GUIDE_BODY);
      expect(response.status).toBe(404);
      expect(await errorBody(response)).toMatchObject({ error: 'RouteNotFound' });
    });

    it('invokes same-account by bare name (resolved in the caller account)', async () => {
      const response = await post('/private-same-account', GUIDE_BODY);
      expect(response.status).toBe(200);
      expect(aws.invocations('private').at(-1)).toMatchObject({ callerArn: 'arn:aws:iam::222222222222:user/local-dev' });
    });

    it('cross-account without a resource-based policy: 502 BackendMisconfigured (AccessDeniedException)', async () => {
      const before = aws.invocations('private').length;
      const response = await post('/private-cross-account', GUIDE_BODY);
      expect(response.status).toBe(502);
      expect(await errorBody(response)).toMatchObject({ error: 'BackendMisconfigured', lambdaErrorType: 'AccessDeniedException' });
      expect(aws.invocations('private').length).toBe(before);
    });

    it('cross-account needs the caller identity policy too, not only the resource policy', async () => {
      expect((await post('/shared-cross-account', GUIDE_BODY)).status).toBe(200);
      const response = await post('/shared-no-identity-policy', GUIDE_BODY);
      expect(response.status).toBe(502);
      expect(await errorBody(response)).toMatchObject({ lambdaErrorType: 'AccessDeniedException' });
    });

    it('a bare name with the auth account keys does not reach the other account (404 there -> 502)', async () => {
      const response = await post('/bare-name-wrong-account', GUIDE_BODY);
      expect(await errorBody(response)).toMatchObject({ error: 'BackendMisconfigured', lambdaErrorType: 'ResourceNotFoundException' });
    });

    it('wrong secret key: the local AWS rejects the signature, the gateway answers 502 and logs why', async () => {
      const response = await post('/wrong-key', GUIDE_BODY);
      expect(response.status).toBe(502);
      const body = await errorBody(response);
      expect(body).toMatchObject({ error: 'BackendMisconfigured', lambdaErrorType: 'InvalidSignatureException' });
      const logLine = gw.logs.find((line) => line.includes(String(body.requestId)));
      expect(logLine).toContain('InvalidSignatureException');
    });

    it('unknown function: 502 with ResourceNotFoundException', async () => {
      const response = await post('/missing');
      expect(response.status).toBe(502);
      expect(await errorBody(response)).toMatchObject({ error: 'BackendMisconfigured', lambdaErrorType: 'ResourceNotFoundException' });
    });

    it('function error: 502 with errorType and errorMessage, no stack trace', async () => {
      const response = await post('/fail');
      expect(response.status).toBe(502);
      const body = await errorBody(response);
      expect(body).toMatchObject({ error: 'FunctionError', errorType: 'OrderRejected', errorMessage: 'order 42 is not allowed' });
      expect(JSON.stringify(body)).not.toMatch(/trace|at .*\.mjs/);
    });

    it('function error with functionErrorMode passthrough: Lambda body as-is', async () => {
      const response = await post('/fail-passthrough');
      expect(response.status).toBe(200);
      expect(response.headers.get('x-amz-function-error')).toBe('Unhandled');
      expect(await response.json()).toMatchObject({ errorType: 'OrderRejected', errorMessage: 'order 42 is not allowed' });
    });

    it('async: 202 at once, and the function still runs with the body as event', async () => {
      const response = await post('/async', '{"job":7}');
      expect(response.status).toBe(202);
      expect(await response.text()).toBe('');
      await expect.poll(() => aws.invocations('event-echo').some((i) => i.invocationType === 'Event' && (i.event as { job?: number }).job === 7)).toBe(true);
    });

    it('the client cannot choose the invocation type', async () => {
      const response = await post('/echo', GUIDE_BODY, { 'x-amz-invocation-type': 'Event' });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(GUIDE_RESPONSE);
      expect(aws.invocations('echo').at(-1)?.invocationType).toBe('RequestResponse');
    });

    it('passes the qualifier (alias) from the descriptor', async () => {
      expect((await post('/versioned', '{"v":1}')).status).toBe(200);
      expect(aws.invocations('event-echo').at(-1)).toMatchObject({ qualifier: 'live' });
    });

    it('oversized body: 413 before anything is sent to Lambda', async () => {
      const before = aws.calls('lambda:Invoke');
      const response = await post('/echo', new Uint8Array(6 * 1024 * 1024 + 1).fill(0x20));
      expect(response.status).toBe(413);
      expect(await errorBody(response)).toMatchObject({ error: 'PayloadTooLarge' });
      const asyncResponse = await post('/async', new Uint8Array(1024 * 1024 + 1).fill(0x20));
      expect(asyncResponse.status).toBe(413);
      expect(aws.calls('lambda:Invoke')).toBe(before);
    });

    it('non-JSON body in passthrough mode: Lambda InvalidRequestContentException becomes 400', async () => {
      const response = await post('/echo', 'not json');
      expect(response.status).toBe(400);
      expect(await errorBody(response)).toMatchObject({ error: 'InvalidRequestContent' });
    });

    it('throttled function: 429 with Retry-After', async () => {
      const response = await post('/throttled');
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await errorBody(response)).toMatchObject({ error: 'TooManyRequests' });
    });

    it('timeout: 504 BackendTimeout', async () => {
      const response = await post('/slow', '{"ms":2000}');
      expect(response.status).toBe(504);
      expect(await errorBody(response)).toMatchObject({ error: 'BackendTimeout' });
    });

    it('network failure: 503 BackendUnreachable', async () => {
      const response = await post('/unreachable', GUIDE_BODY);
      expect(response.status).toBe(503);
      expect(await errorBody(response)).toMatchObject({ error: 'BackendUnreachable' });
    });

    it('unmatched route: 404 JSON', async () => {
      const response = await fetch(`${gw.url}/nothing/here`);
      expect(response.status).toBe(404);
      expect(await errorBody(response)).toMatchObject({ error: 'RouteNotFound', message: 'no route matches GET /nothing/here' });
    });

    it('reuses a sane incoming x-request-id and replaces a bad one', async () => {
      expect((await post('/echo', GUIDE_BODY, { 'x-request-id': 'abc-123' })).headers.get('x-request-id')).toBe('abc-123');
      expect((await post('/echo', GUIDE_BODY, { 'x-request-id': 'a b<script>' })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('never puts keys in logs or responses', async () => {
      const all = gw.logs.join('\n');
      for (const secret of [KEYS.gateway.secretKey, KEYS.localDev.secretKey, 'not-the-right-secret-key']) expect(all).not.toContain(secret);
      expect(all).not.toMatch(/AWS4-HMAC-SHA256|Signature=/);
    });

    it('healthz and readyz are answered before route matching', async () => {
      expect(await (await fetch(`${gw.url}/healthz`)).json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${gw.url}/readyz`);
      expect(ready.status).toBe(200);
    });
  });

  describe('payload modes end to end', () => {
    it('envoy: the function gets Envoy envelope fields and its status/headers/cookies/body come back', async () => {
      const response = await post('/envoy/items?x=1&x=2&y=3', '{"a":1}', { 'x-custom': 'hello', 'content-type': 'application/json' });
      expect(response.status).toBe(201);
      expect(response.headers.get('x-from-function')).toBe('envoy');
      expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
      const { received } = (await response.json()) as { received: Record<string, unknown> };
      expect(received).toMatchObject({ raw_path: '/envoy/items?x=1&x=2&y=3', method: 'POST' });
      expect((received.headers as Record<string, string>)['x-custom']).toBe('hello');
    });

    it('apigateway-v2: event fields, path parameters from the route, hop-by-hop headers dropped', async () => {
      const response = await rawRequest(`${gw.url}/event-v2/abc42?q=1&q=2`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          connection: 'keep-alive, x-hop',
          'x-hop': 'secret-hop',
          'keep-alive': 'timeout=5',
          'x-end': 'kept',
          cookie: 'a=1; b=2',
        },
        body: '{"n":1}',
      });
      expect(response.status).toBe(200);
      const event = JSON.parse(response.body) as Record<string, any>;
      expect(event).toMatchObject({
        version: '2.0',
        rawPath: '/event-v2/abc42',
        rawQueryString: 'q=1&q=2',
        pathParameters: { item: 'abc42' },
        cookies: ['a=1', 'b=2'],
        body: '{"n":1}',
        isBase64Encoded: false,
      });
      expect(event.requestContext.http).toMatchObject({ method: 'PUT', path: '/event-v2/abc42' });
      expect(event.requestContext.accountId).toBe('222222222222');
      // Node: the TCP peer; worker: CF-Connecting-IP, which miniflare (like Cloudflare) sets to the client address.
      expect(event.requestContext.http.sourceIp).toMatch(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
      expect(event.headers['x-end']).toBe('kept');
      for (const hop of ['connection', 'keep-alive', 'x-hop']) expect(event.headers[hop]).toBeUndefined();
    });

    const binary = new Uint8Array(256).map((_, i) => i);
    const adapters = [
      ['hono/aws-lambda', 'v2', '/app/things', { 'x-format': 'v2' }, 'hono'],
      ['hono/aws-lambda', 'v1', '/app/things', { 'x-format': 'v1' }, 'hono'],
      ['serverless-http + express', 'v2', '/express/things', {}, 'express'],
      ['serverless-http + express', 'v1', '/express/things', {}, 'express'],
    ] as const;

    it.each(adapters)(
      '%s with API Gateway %s: method, path, query, headers, cookies, binary body and status survive',
      async (_name, version, path, headers, app) => {
        const query = app === 'express' ? `?format=${version}&tag=a&tag=b` : '?tag=a&tag=b';
        const response = await fetch(`${gw.url}${path}${query}`, {
          method: 'PATCH',
          body: binary,
          headers: { ...headers, 'content-type': 'application/octet-stream', 'x-custom': 'custom-value', cookie: 'sid=s1; pref=p2' },
        });
        expect(response.status).toBe(201);
        expect(response.headers.get('x-app')).toBe(app);
        const setCookies = response.headers.getSetCookie();
        expect(setCookies.some((c) => c.startsWith('session=abc'))).toBe(true);
        expect(setCookies.some((c) => c.startsWith('theme=dark'))).toBe(true);
        const body = (await response.json()) as Record<string, any>;
        expect(body.method).toBe('PATCH');
        expect(body.path).toBe(path);
        expect(body.header).toBe('custom-value');
        expect(body.bodyBytes).toEqual([...binary]);
        if (app === 'hono') {
          expect(body.query.tag).toEqual(['a', 'b']);
          expect(body.cookies).toEqual({ sid: 's1', pref: 'p2' });
        } else {
          expect(body.query.tag).toEqual(['a', 'b']);
          expect(body.cookie).toBe('sid=s1; pref=p2');
        }
      },
    );

    it('binary responses come back byte-exact (base64 from the function)', async () => {
      const response = await fetch(`${gw.url}/app-binary/file`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0, 1, 2, 253, 254, 255]);
    });
  });

  describe("role chaining: the guide's IRSA set-up (web identity into lambda-auth-role, then AssumeRole into lambda-invoke-role)", () => {
    const AUTH_ROLE = 'arn:aws:iam::111111111111:role/lambda-auth-role';
    const INVOKE_ROLE = 'arn:aws:iam::222222222222:role/lambda-invoke-role';
    let guideAws: LocalAws;
    let chained: RunningGateway;
    let token: string;

    beforeAll(async () => {
      guideAws = await startLocalAws({ scenario: bundledScenarioPath('guide-scenario.yaml') });
      token = await guideAws.mintWebIdentityToken({ sub: 'system:serviceaccount:gloo-system:http' });
      chained = await runtime.start({
        aws: guideAws,
        webIdentity: { roleArn: AUTH_ROLE, token },
        config: `backends:
  echo:
    region: us-east-1
    accountId: "222222222222"
    functionName: echo
    auth: { type: assumeRole, roleArn: "${INVOKE_ROLE}" }
  untrusted:
    region: us-east-1
    accountId: "222222222222"
    functionName: echo
    auth: { type: assumeRole, roleArn: "arn:aws:iam::222222222222:role/no-such-role" }
routes:
  - { name: echo, matches: [{ path: { type: PathPrefix, value: /echo } }], backend: echo }
  - { name: untrusted, matches: [{ path: { type: Exact, value: /untrusted } }], backend: untrusted }
`,
      });
    });

    afterAll(async () => {
      await chained?.close();
      await guideAws?.close();
    });

    it("answers the guide's curl as lambda-invoke-role, assumed with the web identity session", async () => {
      const response = await fetch(`${chained.url}/echo`, { method: 'POST', body: GUIDE_BODY });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(GUIDE_RESPONSE);
      expect(guideAws.invocations('echo').at(-1)?.callerArn).toBe('arn:aws:sts::222222222222:assumed-role/lambda-invoke-role/lambda-gateway');
      expect(guideAws.calls('sts:AssumeRoleWithWebIdentity')).toBe(1);
      expect(guideAws.calls('sts:AssumeRole')).toBe(1);
    });

    it('caches both sessions: more requests make no STS call', async () => {
      for (let i = 0; i < 3; i++) expect((await fetch(`${chained.url}/echo`, { method: 'POST', body: GUIDE_BODY })).status).toBe(200);
      expect(guideAws.calls('sts:AssumeRoleWithWebIdentity')).toBe(1);
      expect(guideAws.calls('sts:AssumeRole')).toBe(1);
    });

    it('a role that cannot be assumed: 503 CredentialsUnavailable with Retry-After, naming the role, never the token', async () => {
      const response = await fetch(`${chained.url}/untrusted`, { method: 'POST', body: GUIDE_BODY });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({
        error: 'CredentialsUnavailable',
        source: expect.stringContaining('role arn:aws:iam::222222222222:role/no-such-role'),
      });
      expect(text).not.toContain(token);
      expect(chained.logs.join('\n')).not.toContain(token);
    });
  });
}
