import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../../packages/local-aws/src/index.ts';
import type { RunningGateway, RuntimeUnderTest } from '../support/runtimes.ts';
import { KEYS, secretOf } from '../support/stack.ts';
import { streamRequest } from '../support/stream-client.ts';

const SCENARIO = resolve(import.meta.dirname, '../fixtures/function-url-scenario.yaml');
const INVOKE_ONLY = { accessKey: 'AKIAINVOKEONLY000001', secretKey: 'invokeOnlySecretKey/00000000000000000000' };

/** Gateway config: Function URL backends pointing at the local AWS's loopback Function URLs. */
function gatewayConfig(aws: LocalAws): string {
  const url = (name: string) => JSON.stringify(aws.functionUrl(name));
  return `
backends:
  iam: { functionURL: ${url('url-echo')}, region: us-east-1, auth: { type: secret, name: aws-creds } }
  answer: { functionURL: ${url('url-answer')}, region: us-east-1, auth: { type: secret, name: aws-creds } }
  wrong-key: { functionURL: ${url('url-echo')}, region: us-east-1, auth: { type: secret, name: wrong-creds } }
  no-url-permission: { functionURL: ${url('url-echo')}, region: us-east-1, auth: { type: secret, name: invoke-only-creds } }
  public: { functionURL: ${url('url-public')}, urlAuthType: NONE, region: us-east-1 }
  stream: { functionURL: ${url('url-stream')}, region: us-east-1, invocationMode: ResponseStream, auth: { type: secret, name: aws-creds } }
routes:
  - { matches: [{ path: { type: PathPrefix, value: /iam } }], backend: iam }
  - { matches: [{ path: { type: PathPrefix, value: /answer } }], backend: answer }
  - { matches: [{ path: { type: PathPrefix, value: /wrong-key } }], backend: wrong-key }
  - { matches: [{ path: { type: PathPrefix, value: /no-url-permission } }], backend: no-url-permission }
  - { matches: [{ path: { type: PathPrefix, value: /public } }], backend: public }
  - { matches: [{ path: { type: PathPrefix, value: /stream } }], backend: stream }
`;
}

interface UrlEvent {
  version: string;
  rawPath: string;
  rawQueryString: string;
  headers: Record<string, string>;
  body?: string;
  requestContext: { http: { method: string }; authorizer?: { iam: { userArn: string } }; accountId: string };
}

/**
 * Lambda Function URL backends against one runtime: the gateway forwards HTTP to
 * the local AWS's Function URLs, which verify SigV4 and IAM as AWS does.
 */
export function describeFunctionUrlScenarios(runtime: RuntimeUnderTest): void {
  let aws: LocalAws;
  let gw: RunningGateway;

  beforeAll(async () => {
    aws = await startLocalAws({ scenario: SCENARIO });
    gw = await runtime.start({
      aws,
      config: gatewayConfig(aws),
      secrets: {
        'aws-creds': secretOf(KEYS.gateway),
        'wrong-creds': secretOf({ accessKey: KEYS.gateway.accessKey, secretKey: 'notTheRightSecretKey/000000000000000000' }),
        'invoke-only-creds': secretOf(INVOKE_ONLY),
      },
    });
  }, 60_000);

  afterAll(async () => {
    await gw?.close();
    await aws?.close();
  });

  describe(`Function URL backends (${runtime.name})`, () => {
    it('AWS_IAM: signed (body hash included), checked by the local AWS; path, query, headers and body forwarded', async () => {
      const response = await fetch(`${gw.url}/iam/a/b?x=1&y=2`, {
        method: 'PUT',
        headers: { 'content-type': 'text/plain', 'x-custom': 'kept', authorization: 'Bearer client-token', 'x-amz-date': '20000101T000000Z' },
        body: 'hello url',
      });
      expect(response.status).toBe(200);
      const event = (await response.json()) as UrlEvent;
      expect(event.version).toBe('2.0');
      // No implicit prefix stripping: the function sees the path the client sent.
      expect(event.rawPath).toBe('/iam/a/b');
      expect(event.rawQueryString).toBe('x=1&y=2');
      expect(event.requestContext.http.method).toBe('PUT');
      expect(event.body).toBe('hello url');
      expect(event.headers['x-custom']).toBe('kept');
      // The gateway's signature replaced the client's Authorization; the client's X-Amz-* never got through.
      expect(event.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAGATEWAY000000001\//);
      expect(event.headers['x-amz-date']).not.toBe('20000101T000000Z');
      expect(event.requestContext.authorizer?.iam.userArn).toBe('arn:aws:iam::111111111111:user/gateway');
      expect(aws.calls('lambda:InvokeFunctionUrl')).toBeGreaterThan(0);
    });

    it('passes the payload 2.0 response through: status, headers, cookies, binary body', async () => {
      const answer = {
        statusCode: 201,
        headers: { 'content-type': 'application/octet-stream', 'x-answer': 'yes' },
        cookies: ['a=1; Path=/', 'b=2'],
        body: Buffer.from([0, 1, 2, 255]).toString('base64'),
        isBase64Encoded: true,
      };
      const response = await fetch(`${gw.url}/answer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(answer) });
      expect(response.status).toBe(201);
      expect(response.headers.get('x-answer')).toBe('yes');
      expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2']);
      expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0, 1, 2, 255]);
    });

    it('AWS_IAM with a wrong secret key: the local AWS rejects the signature (403 passed through)', async () => {
      const response = await fetch(`${gw.url}/wrong-key`);
      expect(response.status).toBe(403);
      expect(response.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
      expect(aws.invocations('url-echo').every((entry) => !entry.callerArn.includes('wrong'))).toBe(true);
    });

    it('AWS_IAM without lambda:InvokeFunctionUrl: 403 Forbidden, the function never runs', async () => {
      const before = aws.invocations('url-echo').length;
      const response = await fetch(`${gw.url}/no-url-permission`);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ Message: 'Forbidden' });
      expect(aws.invocations('url-echo').length).toBe(before);
    });

    it("NONE: unsigned, and the client's Authorization reaches the function", async () => {
      const response = await fetch(`${gw.url}/public/p?q=1`, { headers: { authorization: 'Bearer the-functions-own-token' } });
      expect(response.status).toBe(200);
      const event = (await response.json()) as UrlEvent;
      expect(event.headers.authorization).toBe('Bearer the-functions-own-token');
      expect(event.requestContext.authorizer).toBeUndefined();
      expect(event.requestContext.accountId).toBe('anonymous');
      expect(event.rawPath).toBe('/public/p');
    });

    it('RESPONSE_STREAM URL with ResponseStream: chunks reach the client before the function has finished', async () => {
      const response = await streamRequest(`${gw.url}/stream/s`, JSON.stringify({ chunks: ['one\n', 'two\n', 'three\n'], delayMs: 700 }));
      expect(response.status).toBe(200);
      expect(response.outcome).toBe('complete');
      expect(response.headers['content-type']).toBe('text/plain');
      expect(response.headers['x-path']).toBe('/stream/s');
      expect(response.body.toString()).toBe('one\ntwo\nthree\n');
      expect(response.finishedAt - response.chunks[0]!.at).toBeGreaterThan(900);
    });

    it('a function failing mid-stream behind a RESPONSE_STREAM URL: the transfer fails (Node) / is truncated (miniflare)', async () => {
      const response = await streamRequest(`${gw.url}/stream`, JSON.stringify({ chunks: ['first ', 'second ', 'third'], delayMs: 100, failAfter: 2 }));
      expect(response.status).toBe(200);
      expect(response.body.toString()).toBe('first second ');
      // Miniflare's entry worker ends a proxied response normally (see streaming-scenarios.ts).
      expect(response.outcome).toBe(runtime.name === 'node' ? 'failed' : 'complete');
    });
  });
}
