import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors/index.ts';
import { ENVOY_INVALID_RESPONSE_STATUS, envoyCodec, isEnvoyTextual } from './envoy.ts';
import { allBytes, bodyBytes, jsonResult, makeRequest, parseEvent, rawResult, thrown } from './test-utils.ts';

const encode = (...args: Parameters<typeof makeRequest>) => parseEvent(envoyCodec.encodeEvent(makeRequest(...args)));
const decode = (value: unknown) => envoyCodec.decodeResult(jsonResult(value), makeRequest());

describe('envoy codec: request envelope', () => {
  it('has exactly the proto fields, in proto order, snake_case', () => {
    const event = encode();
    expect(Object.keys(event)).toEqual(['raw_path', 'method', 'headers', 'query_string_parameters', 'body', 'is_base64_encoded']);
  });

  it('puts path and raw query in raw_path and the method in method', () => {
    const event = encode({ method: 'DELETE', url: 'https://api.example.com/resize/a%20b?type=jpg&x=%2F' });
    expect(event['raw_path']).toBe('/resize/a%20b?type=jpg&x=%2F');
    expect(event['method']).toBe('DELETE');
  });

  it('keeps query values percent-encoded, first repeated value wins, bare keys map to ""', () => {
    const event = encode({ url: 'https://api.example.com/q?a=1&a=2&b=x%20y&flag&c=1=2' });
    expect(event['query_string_parameters']).toEqual({ a: '1', b: 'x%20y', flag: '', c: '1=2' });
  });

  it('sends an empty query map when there is no query', () => {
    expect(encode()['query_string_parameters']).toEqual({});
  });

  it('copies headers with lower-case names, without host (Envoy keeps it as :authority)', () => {
    const headers = new Headers({ host: 'api.example.com', 'X-Trace': 'abc', 'user-agent': 'curl/8.5.0' });
    headers.append('accept', 'text/html');
    headers.append('accept', 'application/json');
    const event = encode({ headers });
    expect(event['headers']).toEqual({ 'x-trace': 'abc', 'user-agent': 'curl/8.5.0', accept: 'text/html, application/json' });
  });

  it('has body "" and is_base64_encoded false when the request has no body', () => {
    const event = encode();
    expect(event['body']).toBe('');
    expect(event['is_base64_encoded']).toBe(false);
  });

  it('sends text/* bodies as text (Envoy integration test JsonWrappedPlainBody)', () => {
    const event = encode({
      method: 'POST',
      headers: new Headers({ 'content-type': 'text/plain' }),
      body: new TextEncoder().encode('AWS Lambda is a FaaS platform'),
    });
    expect(event['body']).toBe('AWS Lambda is a FaaS platform');
    expect(event['is_base64_encoded']).toBe(false);
  });

  it('base64-encodes other bodies (Envoy integration test JsonWrappedBinaryBody)', () => {
    const event = encode({
      method: 'POST',
      headers: new Headers({ 'content-type': 'application/octet-stream' }),
      body: new TextEncoder().encode('this should get base64 encoded'),
    });
    expect(event['body']).toBe('dGhpcyBzaG91bGQgZ2V0IGJhc2U2NCBlbmNvZGVk');
    expect(event['is_base64_encoded']).toBe(true);
  });

  it('base64-encodes bytes 0..255 byte-exactly', () => {
    const event = encode({ method: 'PUT', headers: new Headers({ 'content-type': 'image/png' }), body: allBytes() });
    expect(event['is_base64_encoded']).toBe(true);
    expect(new Uint8Array(Buffer.from(event['body'] as string, 'base64'))).toEqual(allBytes());
  });

  it('follows Envoy exactly: a charset parameter or no content type means base64', () => {
    const json = new TextEncoder().encode('{"a":1}');
    expect(encode({ method: 'POST', headers: new Headers({ 'content-type': 'application/json' }), body: json })['is_base64_encoded']).toBe(false);
    expect(encode({ method: 'POST', headers: new Headers({ 'content-type': 'application/json; charset=utf-8' }), body: json })['is_base64_encoded']).toBe(true);
    expect(encode({ method: 'POST', headers: new Headers(), body: json })['is_base64_encoded']).toBe(true);
  });

  it('base64-encodes a text/* body that is not valid UTF-8 so no byte is lost', () => {
    const event = encode({ method: 'POST', headers: new Headers({ 'content-type': 'text/plain' }), body: new Uint8Array([0x61, 0xff, 0x62]) });
    expect(event['is_base64_encoded']).toBe(true);
    expect(event['body']).toBe('Yf9i');
  });

  it('isEnvoyTextual matches the filter list', () => {
    expect(isEnvoyTextual('TEXT/HTML; charset=utf-8')).toBe(true);
    expect(isEnvoyTextual('application/javascript')).toBe(true);
    expect(isEnvoyTextual('application/xml')).toBe(true);
    expect(isEnvoyTextual('application/x-www-form-urlencoded')).toBe(false);
    expect(isEnvoyTextual('application/problem+json')).toBe(false);
    expect(isEnvoyTextual(null)).toBe(false);
  });
});

describe('envoy codec: response envelope', () => {
  it('applies statusCode, headers, cookies and body (Envoy integration test shape)', async () => {
    const response = decode({
      body: 'my-bucket/123-small.jpg',
      isBase64Encoded: false,
      statusCode: 201,
      cookies: ['user=John', 'session-id=1337'],
      headers: { 'x-amz-custom-header': 'envoy,proxy' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-amz-custom-header')).toBe('envoy,proxy');
    expect(response.headers.getSetCookie()).toEqual(['user=John', 'session-id=1337']);
    expect(await response.text()).toBe('my-bucket/123-small.jpg');
  });

  it('accepts the snake_case spellings and decodes base64 bodies byte-exactly', async () => {
    const response = decode({ status_code: 202, is_base64_encoded: true, body: Buffer.from(allBytes()).toString('base64') });
    expect(response.status).toBe(202);
    expect(await bodyBytes(response)).toEqual(allBytes());
  });

  it('keeps 200 when statusCode is absent or 0, accepts a decimal string (proto3 JSON)', () => {
    expect(decode({ body: 'x' }).status).toBe(200);
    expect(decode({ statusCode: 0 }).status).toBe(200);
    expect(decode({ statusCode: '404' }).status).toBe(404);
  });

  it('lets the function override content-type, drops pseudo, hop-by-hop and content-length headers', () => {
    const response = decode({
      statusCode: 200,
      headers: { 'Content-Type': 'text/html', ':status': '500', 'transfer-encoding': 'chunked', 'content-length': '1', 'x-a': 'b' },
    });
    expect(response.status).toBe(200);
    expect([...response.headers]).toEqual([
      ['content-type', 'text/html'],
      ['x-a', 'b'],
      // The gateway's own, on every decoded response.
      ['x-request-id', 'req-123'],
    ]);
  });

  it('ignores unknown fields and treats nulls as defaults', async () => {
    const response = decode({ statusCode: 200, multiValueHeaders: { a: ['b'] }, headers: null, cookies: null, body: null });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers 502 InvalidFunctionResponse for results that are not a response envelope (Envoy: 500)', () => {
    for (const payload of ['"hello"', '42', '[1]', 'null', 'not json', '']) {
      const error = thrown(() => envoyCodec.decodeResult(rawResult(payload), makeRequest()));
      expect(error).toBeInstanceOf(GatewayError);
      expect(error).toMatchObject({ status: ENVOY_INVALID_RESPONSE_STATUS, code: 'InvalidFunctionResponse' });
    }
    expect(ENVOY_INVALID_RESPONSE_STATUS).toBe(502);
  });

  it('answers 502 for wrongly typed fields (where proto3 JSON parsing fails in Envoy)', () => {
    for (const value of [
      { statusCode: -1 },
      { statusCode: 200.5 },
      { statusCode: 'abc' },
      { headers: { 'x-n': 5 } },
      { headers: ['a'] },
      { cookies: 'a=1' },
      { cookies: [1] },
      { body: { a: 1 } },
      { isBase64Encoded: 'yes' },
      { statusCode: 200, isBase64Encoded: true, body: '%%%' },
      { statusCode: 999 },
    ]) {
      expect(thrown(() => decode(value))).toMatchObject({ status: 502, code: 'InvalidFunctionResponse' });
    }
  });
});
