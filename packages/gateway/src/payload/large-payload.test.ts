import { describe, expect, it } from 'vitest';
import { apiGatewayV1Codec } from './apigateway-v1.ts';
import { apiGatewayV2Codec } from './apigateway-v2.ts';
import { envoyCodec } from './envoy.ts';
import { bodyBytes, jsonResult, makeRequest, parseEvent, rawResult } from './test-utils.ts';

/** ~5 MB of bytes covering every value, just under Lambda's 6 MB limit once base64-encoded. */
const BIG = Uint8Array.from({ length: 4 * 1024 * 1024 }, (_, i) => (i * 7919) & 255);
const BIG_BASE64 = Buffer.from(BIG).toString('base64');

describe('MB-sized payloads', () => {
  it('encodes a 4 MB binary request body byte-exactly in every envelope', () => {
    const request = makeRequest({ method: 'POST', headers: new Headers({ 'content-type': 'application/octet-stream' }), body: BIG });
    expect(parseEvent(apiGatewayV2Codec.encodeEvent(request))['body']).toBe(BIG_BASE64);
    expect(parseEvent(apiGatewayV1Codec.encodeEvent(request))['body']).toBe(BIG_BASE64);
    expect(parseEvent(envoyCodec.encodeEvent(request))['body']).toBe(BIG_BASE64);
  });

  it('decodes a 4 MB base64 result body byte-exactly in every envelope', async () => {
    const v2 = apiGatewayV2Codec.decodeResult(jsonResult({ statusCode: 200, body: BIG_BASE64, isBase64Encoded: true }), makeRequest());
    const v1 = apiGatewayV1Codec.decodeResult(jsonResult({ statusCode: 200, body: BIG_BASE64, isBase64Encoded: true }), makeRequest());
    const envoy = envoyCodec.decodeResult(jsonResult({ statusCode: 200, body: BIG_BASE64, isBase64Encoded: true }), makeRequest());
    for (const response of [v2, v1, envoy]) {
      expect(Buffer.from(await bodyBytes(response)).equals(Buffer.from(BIG))).toBe(true);
    }
  });

  it('passes a 5 MB inferred v2 result (no statusCode) through unchanged', async () => {
    const text = JSON.stringify({ items: 'x'.repeat(5 * 1024 * 1024) });
    const response = apiGatewayV2Codec.decodeResult(rawResult(text), makeRequest());
    expect(await response.text()).toBe(text);
  });
});
