import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors/index.ts';
import { apiGatewayV2Codec } from './apigateway-v2.ts';
import { allBytes, bodyBytes, jsonResult, makeRequest, parseEvent, rawResult, thrown, RECEIVED_AT } from './test-utils.ts';

const encode = (...args: Parameters<typeof makeRequest>) => parseEvent(apiGatewayV2Codec.encodeEvent(makeRequest(...args)));
const decode = (value: unknown) => apiGatewayV2Codec.decodeResult(jsonResult(value), makeRequest());

describe('apigateway-v2 codec: event', () => {
  const full = () =>
    encode({
      method: 'POST',
      url: 'https://api.example.com/echo/a%20b?a=1&a=2&b=x%20y&c=',
      headers: new Headers([
        ['host', 'api.example.com'],
        ['user-agent', 'curl/8.5.0'],
        ['cookie', 'c1=v1; c2=v2'],
        ['X-Custom', 'hello'],
        ['content-type', 'application/json'],
      ]),
      body: new TextEncoder().encode('{"key1":"value1"}'),
      pathParameters: { proxy: 'a b' },
      routeKey: 'ANY /echo/{proxy+}',
      requestId: 'req-9',
    });

  it('fills the top-level fields', () => {
    const event = full();
    expect(event['version']).toBe('2.0');
    expect(event['routeKey']).toBe('ANY /echo/{proxy+}');
    expect(event['rawPath']).toBe('/echo/a%20b');
    expect(event['rawQueryString']).toBe('a=1&a=2&b=x%20y&c=');
    expect(event['body']).toBe('{"key1":"value1"}');
    expect(event['isBase64Encoded']).toBe(false);
    expect(event['pathParameters']).toEqual({ proxy: 'a b' });
    expect('stageVariables' in event).toBe(false);
  });

  it('moves cookies to their own field and out of headers', () => {
    const event = full();
    expect(event['cookies']).toEqual(['c1=v1', 'c2=v2']);
    expect(event['headers']).toEqual({
      host: 'api.example.com',
      'user-agent': 'curl/8.5.0',
      'x-custom': 'hello',
      'content-type': 'application/json',
    });
  });

  it('decodes query parameters and comma-joins repeated keys', () => {
    expect(full()['queryStringParameters']).toEqual({ a: '1,2', b: 'x y', c: '' });
  });

  it('fills requestContext', () => {
    expect(full()['requestContext']).toEqual({
      accountId: '123456789012',
      apiId: 'lambda-gateway',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method: 'POST', path: '/echo/a%20b', protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'curl/8.5.0' },
      requestId: 'req-9',
      routeKey: 'ANY /echo/{proxy+}',
      stage: '$default',
      time: '12/Mar/2020:19:03:58 +0000',
      timeEpoch: RECEIVED_AT,
    });
  });

  it('omits cookies, queryStringParameters, body and pathParameters when there are none', () => {
    const event = encode({ headers: new Headers(), sourceIp: undefined, pathParameters: {} });
    for (const key of ['cookies', 'queryStringParameters', 'body', 'pathParameters', 'stageVariables']) {
      expect(key in event, key).toBe(false);
    }
    expect(event['isBase64Encoded']).toBe(false);
    expect(event['rawQueryString']).toBe('');
    expect(event['headers']).toEqual({});
    expect(event['requestContext']['http']['sourceIp']).toBe('');
    expect(event['requestContext']['http']['userAgent']).toBe('');
  });

  it('keeps a non-default port in domainName', () => {
    expect(encode({ url: 'http://localhost:8080/x' })['requestContext']['domainName']).toBe('localhost:8080');
  });

  it('base64-encodes binary bodies byte-exactly', () => {
    const event = encode({ method: 'POST', headers: new Headers({ 'content-type': 'application/octet-stream' }), body: allBytes() });
    expect(event['isBase64Encoded']).toBe(true);
    expect(new Uint8Array(Buffer.from(event['body'] as string, 'base64'))).toEqual(allBytes());
  });

  it('sends textual types as text, ignoring parameters and honouring +json / +xml', () => {
    const text = new TextEncoder().encode('<a>é</a>');
    for (const type of [
      'text/plain; charset=utf-8',
      'application/json; charset=UTF-8',
      'application/problem+json',
      'application/atom+xml',
      'application/javascript',
      'application/xml',
    ]) {
      const event = encode({ method: 'POST', headers: new Headers({ 'content-type': type }), body: text });
      expect(event['isBase64Encoded'], type).toBe(false);
      expect(event['body']).toBe('<a>é</a>');
    }
  });

  it('base64-encodes form posts, bodies without content-type and non-UTF-8 text', () => {
    const cases: Array<[Headers, Uint8Array]> = [
      [new Headers({ 'content-type': 'application/x-www-form-urlencoded' }), new TextEncoder().encode('a=1&b=2')],
      [new Headers(), new TextEncoder().encode('hello')],
      [new Headers({ 'content-type': 'text/plain' }), new Uint8Array([0xc3, 0x28])],
    ];
    for (const [headers, body] of cases) {
      const event = encode({ method: 'POST', headers, body });
      expect(event['isBase64Encoded']).toBe(true);
      expect(new Uint8Array(Buffer.from(event['body'] as string, 'base64'))).toEqual(body);
    }
  });

  it('stores client-chosen keys such as __proto__ as plain data', () => {
    const event = encode({ url: 'https://api.example.com/x?__proto__=1&constructor=2' });
    expect(event['queryStringParameters']).toEqual({ ['__proto__']: '1', constructor: '2' });
    expect(Object.keys(event['queryStringParameters'])).toEqual(['__proto__', 'constructor']);
  });
});

describe('apigateway-v2 codec: result', () => {
  it('maps statusCode, headers, cookies (one Set-Cookie each) and body', async () => {
    const response = decode({
      statusCode: 201,
      headers: { 'Content-Type': 'application/json', 'My-Custom-Header': 'Custom Value', 'X-Multi': 'a,b' },
      cookies: ['Cookie_1=Value1; Expires=21 Oct 2021 07:48 GMT', 'Cookie_2=Value2; Max-Age=78000'],
      body: '{ "message": "Hello, world!" }',
      isBase64Encoded: false,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('my-custom-header')).toBe('Custom Value');
    expect(response.headers.get('x-multi')).toBe('a,b');
    expect(response.headers.getSetCookie()).toEqual(['Cookie_1=Value1; Expires=21 Oct 2021 07:48 GMT', 'Cookie_2=Value2; Max-Age=78000']);
    expect(await response.text()).toBe('{ "message": "Hello, world!" }');
  });

  it('decodes isBase64Encoded bodies byte-exactly', async () => {
    const response = decode({
      statusCode: 200,
      headers: { 'content-type': 'image/png' },
      body: Buffer.from(allBytes()).toString('base64'),
      isBase64Encoded: true,
    });
    expect(await bodyBytes(response)).toEqual(allBytes());
  });

  it('treats JSON without statusCode as a 200 application/json body, bytes as returned', async () => {
    for (const text of ['{"message": "Hello, world!"}', '42', '[1, 2]', 'null', 'true', '{"status": 500}']) {
      const response = apiGatewayV2Codec.decodeResult(rawResult(text), makeRequest());
      expect(response.status, text).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.text()).toBe(text);
    }
  });

  // Source: API Gateway developer guide, "Create AWS Lambda proxy integrations for HTTP APIs",
  // payload format 2.0 response table: output `"Hello from Lambda!"` is interpreted as
  // {"statusCode": 200, "body": "Hello from Lambda!", "headers": {"content-type": "application/json"}}.
  it('sends a JSON string result as the body without its quotes (HTTP API response table)', async () => {
    const response = apiGatewayV2Codec.decodeResult(rawResult('"Hello from Lambda!"'), makeRequest());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe('Hello from Lambda!');
  });

  it('strips hop-by-hop and content-length headers and skips unusable values', () => {
    const response = decode({
      statusCode: 200,
      headers: {
        connection: 'x-hop',
        'x-hop': '1',
        'keep-alive': 'timeout=5',
        'content-length': '3',
        'x-bad': 'a\nb',
        'x-num': 7,
        'x-null': null,
        'x-ok': 'y',
      },
      body: 'hello',
    });
    expect([...response.headers]).toEqual([
      ['x-num', '7'],
      ['x-ok', 'y'],
      ['x-request-id', 'req-123'],
    ]);
  });

  it('drops the body for 204 and 304 instead of failing', async () => {
    const response = decode({ statusCode: 204, body: 'ignored' });
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('answers 502 InvalidFunctionResponse for unparseable or malformed results', () => {
    const cases = [
      rawResult('not json'),
      rawResult(''),
      jsonResult({ statusCode: '200' }),
      jsonResult({ statusCode: 200.5 }),
      jsonResult({ statusCode: 100 }),
      jsonResult({ statusCode: 600 }),
      jsonResult({ statusCode: null }),
      jsonResult({ statusCode: 200, body: { a: 1 } }),
      jsonResult({ statusCode: 200, headers: 'x' }),
      jsonResult({ statusCode: 200, cookies: 'a=1' }),
      jsonResult({ statusCode: 200, body: '%%%', isBase64Encoded: true }),
    ];
    for (const result of cases) {
      const error = thrown(() => apiGatewayV2Codec.decodeResult(result, makeRequest()));
      expect(error).toBeInstanceOf(GatewayError);
      expect(error).toMatchObject({ status: 502, code: 'InvalidFunctionResponse' });
    }
  });
});
