import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../../packages/local-aws/src/index.ts';
import type { RunningGateway, RuntimeUnderTest } from '../support/runtimes.ts';
import { KEYS, secretOf } from '../support/stack.ts';
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { eventually } from '../support/eventually.ts';
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
    // Lambda's 2 MB/s past 6 MB is off: the backpressure case streams 32 MB.
    aws = await startLocalAws({ scenario: SCENARIO, streaming: { cappedBytesPerSecond: Number.POSITIVE_INFINITY } });
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

    // Node forwards through undici's dispatch, which hands the bytes on as sent; the worker's fetch decodes them.
    it.skipIf(runtime.name === 'worker')('a compressed answer passes through as sent: Content-Encoding and the gzip bytes kept', async () => {
      const gzipped = gzipSync(Buffer.from('compressed body '.repeat(100)));
      const answer = {
        statusCode: 200,
        headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' },
        body: gzipped.toString('base64'),
        isBase64Encoded: true,
      };
      const response = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolveAnswer, rejectAnswer) => {
        const req = request(`${gw.url}/answer`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolveAnswer({ headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', rejectAnswer);
        });
        req.on('error', rejectAnswer);
        req.end(JSON.stringify(answer));
      });
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(response.body.equals(gzipped)).toBe(true);
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

    // Miniflare does not tell the worker that the client went away (request.signal stays quiet).
    it.skipIf(runtime.name === 'worker')('a client that goes away mid-stream aborts the Function URL request upstream', { timeout: 30_000 }, async () => {
      const chunks = Array.from({ length: 40 }, (_, i) => `chunk ${i}\n`);
      const before = aws.invocations('url-stream').length;
      const response = await streamRequest(`${gw.url}/stream/leave`, JSON.stringify({ chunks, delayMs: 100 }), { stopAfterBytes: 1 });
      expect(response.outcome).toBe('failed');
      await eventually(() => gw.logs.some((line) => line.includes('ClientClosed')));
      // The local AWS saw the gateway's request go away long before the function's 4 s of writes.
      await eventually(
        () =>
          aws
            .invocations('url-stream')
            .slice(before)
            .some((entry) => entry.outcome?.errorType === 'Client.Disconnected'),
        15_000,
      );
    });

    it.skipIf(runtime.name === 'worker')(
      'backpressure: a client that stops reading holds the function back; it resumes, and every byte arrives',
      { timeout: 60_000 },
      async () => {
        const total = 32 * 1024 * 1024;
        const before = aws.invocations('url-stream').length;
        let received = 0;
        let resume!: () => void;
        const done = new Promise<{ status: number; complete: boolean }>((resolveDone, rejectDone) => {
          const req = request(`${gw.url}/stream/big`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
            res.once('data', () => res.pause());
            resume = () => res.resume();
            res.on('data', (chunk: Buffer) => {
              received += chunk.length;
            });
            res.on('end', () => resolveDone({ status: res.statusCode ?? 0, complete: res.complete }));
            res.on('error', rejectDone);
          });
          req.on('error', rejectDone);
          req.end(JSON.stringify({ binaryBytes: total }));
        });
        await eventually(() => received > 0 && resume !== undefined);
        await new Promise((wait) => setTimeout(wait, 1500));
        // Socket buffers hold a few MB at most: nowhere near 32 MB may have left the function meanwhile.
        const invocation = aws.invocations('url-stream')[before];
        expect(invocation?.outcome).toBeUndefined();
        resume();
        const result = await done;
        expect(result).toEqual({ status: 200, complete: true });
        expect(received).toBe(total);
        await eventually(() => aws.invocations('url-stream')[before]?.outcome !== undefined);
        expect(aws.invocations('url-stream')[before]?.outcome?.errorType).toBeUndefined();
      },
    );
  });
}
