import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors/index.ts';
import { apiGatewayV1Codec } from './apigateway-v1.ts';
import { allBytes, bodyBytes, jsonResult, makeRequest, parseEvent, rawResult, thrown, RECEIVED_AT } from './test-utils.ts';

const encode = (...args: Parameters<typeof makeRequest>) => parseEvent(apiGatewayV1Codec.encodeEvent(makeRequest(...args)));
const decode = (value: unknown) => apiGatewayV1Codec.decodeResult(jsonResult(value), makeRequest());

describe('apigateway-v1 codec: event', () => {
  const headers = () => {
    const h = new Headers([
      ['host', 'api.example.com'],
      ['user-agent', 'curl/8.5.0'],
      ['cookie', 'c1=v1; c2=v2'],
      ['content-type', 'application/octet-stream'],
    ]);
    h.append('x-multi', 'a');
    h.append('x-multi', 'b');
    return h;
  };
  const full = () =>
    encode({
      method: 'PUT',
      url: 'https://api.example.com/items/42?a=1&a=2&b=x%20y',
      headers: headers(),
      body: allBytes(),
      pathParameters: { id: '42' },
      resource: '/items/{id}',
      routeKey: 'PUT /items/{id}',
    });

  it('fills the top-level fields', () => {
    const event = full();
    expect(event['resource']).toBe('/items/{id}');
    expect(event['path']).toBe('/items/42');
    expect(event['httpMethod']).toBe('PUT');
    expect(event['pathParameters']).toEqual({ id: '42' });
    expect(event['stageVariables']).toBeNull();
    expect(event['isBase64Encoded']).toBe(true);
    expect(new Uint8Array(Buffer.from(event['body'] as string, 'base64'))).toEqual(allBytes());
  });

  it('keeps the last query value in queryStringParameters and all in the multi-value map', () => {
    const event = full();
    expect(event['queryStringParameters']).toEqual({ a: '2', b: 'x y' });
    expect(event['multiValueQueryStringParameters']).toEqual({ a: ['1', '2'], b: ['x y'] });
  });

  it('fills headers and multiValueHeaders (cookie stays a header in 1.0)', () => {
    const event = full();
    expect(event['headers']).toEqual({
      host: 'api.example.com',
      'user-agent': 'curl/8.5.0',
      cookie: 'c1=v1; c2=v2',
      'content-type': 'application/octet-stream',
      'x-multi': 'a, b',
    });
    expect(event['multiValueHeaders']).toEqual({
      host: ['api.example.com'],
      'user-agent': ['curl/8.5.0'],
      cookie: ['c1=v1; c2=v2'],
      'content-type': ['application/octet-stream'],
      'x-multi': ['a, b'],
    });
  });

  it('fills requestContext and identity', () => {
    const context = full()['requestContext'];
    expect(context).toMatchObject({
      accountId: '123456789012',
      apiId: 'lambda-gateway',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      extendedRequestId: 'req-123',
      httpMethod: 'PUT',
      path: '/items/42',
      protocol: 'HTTP/1.1',
      requestId: 'req-123',
      requestTime: '12/Mar/2020:19:03:58 +0000',
      requestTimeEpoch: RECEIVED_AT,
      resourceId: null,
      resourcePath: '/items/{id}',
      stage: '$default',
    });
    expect(context['identity']['sourceIp']).toBe('203.0.113.7');
    expect(context['identity']['userAgent']).toBe('curl/8.5.0');
    expect(context['identity']['user']).toBeNull();
    expect(context['identity']['cognitoIdentityId']).toBeNull();
  });

  it('uses null, not omission, for absent values', () => {
    const event = encode({ headers: new Headers(), pathParameters: undefined });
    for (const key of [
      'headers',
      'multiValueHeaders',
      'queryStringParameters',
      'multiValueQueryStringParameters',
      'pathParameters',
      'stageVariables',
      'body',
    ]) {
      expect(key in event, key).toBe(true);
      expect(event[key], key).toBeNull();
    }
    expect(event['isBase64Encoded']).toBe(false);
    expect(event['requestContext']['identity']['userAgent']).toBeNull();
  });

  it('sends JSON bodies as text', () => {
    const event = encode({ method: 'POST', headers: new Headers({ 'content-type': 'application/json' }), body: new TextEncoder().encode('{"a":"ü"}') });
    expect(event['body']).toBe('{"a":"ü"}');
    expect(event['isBase64Encoded']).toBe(false);
  });
});

describe('apigateway-v1 codec: result', () => {
  it('maps statusCode, headers and body', async () => {
    const response = decode({ statusCode: 201, headers: { 'Content-Type': 'text/plain', 'X-Count': 3 }, body: 'created' });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(response.headers.get('x-count')).toBe('3');
    expect(await response.text()).toBe('created');
  });

  it('appends multiValueHeaders entries (Set-Cookie several times); multi-value wins over headers', () => {
    const response = decode({
      statusCode: 200,
      headers: { 'X-Both': 'single', 'X-Single': 'only' },
      multiValueHeaders: { 'Set-Cookie': ['a=1; Path=/', 'b=2; HttpOnly'], 'x-both': ['m1', 'm2'] },
      body: '',
    });
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
    expect(response.headers.get('x-both')).toBe('m1, m2');
    expect(response.headers.get('x-single')).toBe('only');
  });

  it('decodes isBase64Encoded bodies byte-exactly', async () => {
    const response = decode({ statusCode: 200, body: Buffer.from(allBytes()).toString('base64'), isBase64Encoded: true });
    expect(await bodyBytes(response)).toEqual(allBytes());
  });

  it('has no body when body is null or absent', () => {
    expect(decode({ statusCode: 200 }).body).toBeNull();
    expect(decode({ statusCode: 200, body: null }).body).toBeNull();
  });

  it('strips hop-by-hop headers and content-length', () => {
    const response = decode({
      statusCode: 200,
      headers: { 'Transfer-Encoding': 'chunked', 'Content-Length': '10' },
      multiValueHeaders: { Upgrade: ['h2c'], 'x-ok': ['1'] },
      body: 'x',
    });
    expect([...response.headers]).toEqual([
      ['x-ok', '1'],
      ['x-request-id', 'req-123'],
    ]);
  });

  it('answers 502 InvalidFunctionResponse for a malformed proxy response', () => {
    const cases = [
      rawResult('not json'),
      rawResult('"hello"'),
      rawResult('null'),
      jsonResult({ body: 'no status' }),
      jsonResult({ statusCode: '200' }),
      jsonResult({ statusCode: 99 }),
      jsonResult({ statusCode: 101 }),
      jsonResult({ statusCode: 600 }),
      jsonResult({ statusCode: 200, body: { a: 1 } }),
      jsonResult({ statusCode: 200, headers: ['x'] }),
      jsonResult({ statusCode: 200, multiValueHeaders: { a: 'b' } }),
      jsonResult({ statusCode: 200, body: '***', isBase64Encoded: true }),
    ];
    for (const result of cases) {
      const error = thrown(() => apiGatewayV1Codec.decodeResult(result, makeRequest()));
      expect(error).toBeInstanceOf(GatewayError);
      expect(error).toMatchObject({ status: 502, code: 'InvalidFunctionResponse' });
    }
  });

  // API Gateway developer guide, "Handle Lambda errors in API Gateway" / REST proxy integration
  // output format: a result with any other key is "Malformed Lambda proxy response" (502).
  it('refuses a result with a key other than the five of the proxy format (502 malformed)', () => {
    const error = thrown(() => decode({ statusCode: 200, body: 'ok', extra: true }));
    expect(error).toMatchObject({ status: 502, code: 'InvalidFunctionResponse' });
    expect((error as Error).message).toContain('Malformed Lambda proxy response');
    expect((error as Error).message).toContain('"extra"');
  });
});
