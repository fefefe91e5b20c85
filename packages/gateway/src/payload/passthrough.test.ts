import { describe, expect, it } from 'vitest';
import { passthroughCodec } from './passthrough.ts';
import { allBytes, bodyBytes, makeRequest } from './test-utils.ts';

describe('passthrough codec', () => {
  it('uses the request body bytes as the Invoke payload, unchanged', () => {
    const body = new TextEncoder().encode('{"key1":"value1", "key2":"value2"}');
    const payload = passthroughCodec.encodeEvent(makeRequest({ method: 'POST', body }));
    expect(payload).toBe(body);
  });

  it('sends an empty payload for an empty body', () => {
    expect(passthroughCodec.encodeEvent(makeRequest()).length).toBe(0);
  });

  it('returns the guide echo function output exactly, status 200, Lambda content-type', async () => {
    const text =
      '{"statusCode":200,"body":"Response from AWS Lambda. Here\'s the request you just sent me: {\\"key1\\":\\"value1\\",\\"key2\\":\\"value2\\"}"}';
    const response = passthroughCodec.decodeResult(
      {
        payload: new TextEncoder().encode(text),
        headers: new Headers({ 'content-type': 'application/json', 'x-amzn-requestid': 'abc' }),
      },
      makeRequest(),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-amzn-requestid')).toBeNull();
    expect(await response.text()).toBe(text);
  });

  it('keeps binary payloads byte-exact and omits content-type when Lambda sent none', async () => {
    const response = passthroughCodec.decodeResult({ payload: allBytes(), headers: new Headers() }, makeRequest());
    expect(response.headers.get('content-type')).toBeNull();
    expect(await bodyBytes(response)).toEqual(allBytes());
  });
});
