import { describe, expect, it } from 'vitest';
import { CredentialResolver } from '../credentials/index.ts';
import type { HttpTransport, OutboundRequest } from '../invoke/index.ts';
import { createJsonLogger, silentLogger } from '../logging/index.ts';
import { ConfigError } from '../validation/index.ts';
import { compileGateway, createGateway } from './create-gateway.ts';
import { lambda } from './lambda-handler.ts';
import type { Platform } from './platform.ts';
import { webRequestContext } from './web-request-context.ts';
import { Hono } from 'hono';

const KEYS = { accessKeyId: 'AKIAUNITTEST00000001', secretAccessKey: 'unit/secret/key/0000000000000000000000' };

/** A transport that records what would go on the wire and answers with `reply`. */
function recordingTransport(reply: (request: OutboundRequest) => { status: number; headers?: Record<string, string>; body?: string }) {
  const sent: OutboundRequest[] = [];
  const transport: HttpTransport = {
    async send(request) {
      sent.push(request);
      const { status, headers = {}, body = '' } = reply(request);
      return { status, headers: new Headers(headers), bytes: async () => new TextEncoder().encode(body) };
    },
  };
  return { sent, transport };
}

function platformWith(transport: HttpTransport): Platform {
  return {
    env: (name) => ({ AWS_REGION: 'us-east-1' })[name],
    transport,
    credentials: new CredentialResolver({ ambient: { description: 'unit keys', getCredentials: async () => KEYS }, secrets: undefined }),
    logger: silentLogger,
    requestContext: (request) => webRequestContext(request),
  };
}

const echoRoute = {
  name: 'echo',
  matches: [{ path: { type: 'PathPrefix' as const, value: '/echo' } }],
  backend: { functionName: 'echo', accountId: '222222222222', region: 'us-west-2' },
};

describe('the Invoke request the gateway sends', () => {
  it('is built from scratch, signed for lambda in the backend region, and carries the invocation type from the descriptor', async () => {
    const { sent, transport } = recordingTransport(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '"ok"' }));
    const app = createGateway({ routes: [echoRoute], platform: platformWith(transport) });
    const response = await app.request('/echo/x?a=1', {
      method: 'POST',
      body: '{"k":1}',
      headers: { authorization: 'Bearer client-token', 'x-amz-invocation-type': 'Event', 'x-amz-security-token': 'client', cookie: 'c=1', 'x-custom': 'v' },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('"ok"');
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request!.url).toBe(
      'https://lambda.us-west-2.amazonaws.com/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-west-2%3A222222222222%3Afunction%3Aecho/invocations',
    );
    expect(request!.method).toBe('POST');
    expect(new TextDecoder().decode(request!.body)).toBe('{"k":1}');
    const headers = Object.fromEntries(request!.headers);
    // x-amzn-trace-id is sent but not signed (as Envoy does): a proxy on the way may rewrite it.
    expect(Object.keys(headers).sort()).toEqual(['authorization', 'content-type', 'x-amz-date', 'x-amz-invocation-type', 'x-amzn-trace-id']);
    expect(headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(headers['x-amz-invocation-type']).toBe('RequestResponse');
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAUNITTEST00000001\/\d{8}\/us-west-2\/lambda\/aws4_request, SignedHeaders=host;x-amz-date;x-amz-invocation-type, Signature=[0-9a-f]{64}$/,
    );
  });

  it("carries the client's well-formed X-Amzn-Trace-Id (or a traceparent's mapping) outside the signature, and logs it", async () => {
    const { sent, transport } = recordingTransport(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '"ok"' }));
    const lines: string[] = [];
    const platform = { ...platformWith(transport), logger: createJsonLogger((line) => lines.push(line), 'info') };
    const app = createGateway({ routes: [echoRoute], platform });
    const amzn = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1';
    await app.request('/echo', { method: 'POST', body: '{}', headers: { 'x-amzn-trace-id': amzn } });
    await app.request('/echo', { method: 'POST', body: '{}', headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } });
    expect(sent.map((request) => request.headers.get('x-amzn-trace-id'))).toEqual([
      amzn,
      'Root=1-0af76519-16cd43dd8448eb211c80319c;Parent=b7ad6b7169203331;Sampled=1',
    ]);
    expect(sent[0]!.headers.get('authorization')).not.toContain('x-amzn-trace-id');
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'request', traceId: amzn });
  });

  it('is sent once: no retries on 5xx or 429 (the gateway owns its retry policy)', async () => {
    for (const status of [500, 429]) {
      const { sent, transport } = recordingTransport(() => ({
        status,
        headers: { 'x-amzn-errortype': status === 429 ? 'TooManyRequestsException' : 'ServiceException' },
        body: '{"message":"x"}',
      }));
      const response = await createGateway({ routes: [echoRoute], platform: platformWith(transport) }).request('/echo', { method: 'POST', body: '{}' });
      expect(response.status).toBe(status === 429 ? 429 : 502);
      expect(sent).toHaveLength(1);
    }
  });

  it('signs with a session token when the credentials have one', async () => {
    const { sent, transport } = recordingTransport(() => ({ status: 200, body: '{}' }));
    const platform = platformWith(transport);
    platform.credentials = new CredentialResolver({
      ambient: { description: 'session', getCredentials: async () => ({ ...KEYS, sessionToken: 'SESSION' }) },
      secrets: undefined,
    });
    await createGateway({ routes: [echoRoute], platform }).request('/echo', { method: 'POST', body: '{}' });
    expect(sent[0]!.headers.get('x-amz-security-token')).toBe('SESSION');
  });
});

describe('createGateway', () => {
  it('answers 404 JSON for unmatched requests', async () => {
    const { transport } = recordingTransport(() => ({ status: 200 }));
    const response = await createGateway({ routes: [echoRoute], platform: platformWith(transport) }).request('/echoes');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'RouteNotFound', message: 'no route matches the request', requestId: expect.any(String) });
  });

  it('answers 503 CredentialsUnavailable with Retry-After when there are no credentials, naming the source only', async () => {
    const { sent, transport } = recordingTransport(() => ({ status: 200 }));
    const platform = platformWith(transport);
    platform.credentials = new CredentialResolver({ ambient: undefined, secrets: undefined });
    const response = await createGateway({ routes: [echoRoute], platform, exposeErrorDetails: true }).request('/echo', { method: 'POST', body: '{}' });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await response.json()).toMatchObject({ error: 'CredentialsUnavailable', source: 'ambient credentials' });
    expect(sent).toHaveLength(0);
  });

  it('validates descriptors with the config schema and its messages', () => {
    const { transport } = recordingTransport(() => ({ status: 200 }));
    const bad = { ...echoRoute, backend: { functionName: 'echo', accountId: 'abc' } };
    expect(() => compileGateway({ routes: [bad], platform: platformWith(transport) })).toThrow(ConfigError);
    expect(() => compileGateway({ routes: [bad], platform: platformWith(transport) })).toThrow(
      'routes[0].backend.accountId: must be a 12-digit AWS account id',
    );
  });

  it('describes the route table in precedence order', () => {
    const { transport } = recordingTransport(() => ({ status: 200 }));
    const exact = {
      name: 'exact',
      matches: [{ path: { type: 'Exact' as const, value: '/echo/one' } }],
      backend: { functionName: 'one', region: 'us-east-1', invocationMode: 'Async' as const },
    };
    const { table } = compileGateway({ routes: [echoRoute, exact], platform: platformWith(transport) });
    expect(table.map((row) => [row.route, row.functionId, row.invocationMode, row.payloadMode, row.auth])).toEqual([
      ['exact', 'one', 'Async', 'passthrough', 'ambient'],
      ['echo', 'arn:aws:lambda:us-west-2:222222222222:function:echo', 'Sync', 'passthrough', 'ambient'],
    ]);
  });
});

describe('lambda() in any Hono app', () => {
  it('binds a route to a backend and passes Hono path parameters to the event', async () => {
    const { sent, transport } = recordingTransport(() => ({ status: 200, body: '{"statusCode":200,"body":"hi"}' }));
    const app = new Hono();
    app.post(
      '/items/:id',
      lambda({ functionName: 'items', accountId: '222222222222', region: 'us-east-1', payloadMode: 'apigateway-v2' }, { platform: platformWith(transport) }),
    );
    const response = await app.request('/items/42', { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hi');
    const event = JSON.parse(new TextDecoder().decode(sent[0]!.body)) as { pathParameters: unknown; routeKey: string };
    expect(event.pathParameters).toEqual({ id: '42' });
    expect(event.routeKey).toBe('POST /items/{id}');
  });

  it('validates the descriptor at registration time', () => {
    expect(() => lambda({ functionName: 'bad name' })).toThrow('lambda().functionName: must be a function name');
  });
});
