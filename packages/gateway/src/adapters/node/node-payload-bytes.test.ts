import { describe, expect, it } from 'vitest';
import { buildApiGatewayV2Event, decodeApiGatewayV2Result, encodeApiGatewayV2Event, webPayloadBytes } from '../../payload/index.ts';
import { encodeJson } from '../../payload/json.ts';
import { bodyCases, jsonResult, pseudoRandomBytes } from '../../payload/test-utils.ts';
import { nodePayloadBytes } from './node-payload-bytes.ts';

const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
  a === undefined || b === undefined ? a === b : Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('nodePayloadBytes gives exactly what the Web defaults give', () => {
  it('base64: every length 0..300, both ways, and views into larger buffers', () => {
    for (let n = 0; n <= 300; n++) {
      const bytes = pseudoRandomBytes(n + 5, n).subarray(5);
      const text = webPayloadBytes.encodeBase64(bytes);
      expect(nodePayloadBytes.encodeBase64(bytes)).toBe(text);
      expect(same(nodePayloadBytes.decodeBase64(text), webPayloadBytes.decodeBase64(text))).toBe(true);
    }
  });

  it('base64 decoding: refuses and accepts the same odd inputs (URL-safe, unpadded, whitespace, stray characters)', () => {
    const inputs = [
      '',
      '=',
      '==',
      'QQ',
      'QQ=',
      'QQ==',
      'QUI',
      'QUJD',
      'Q',
      'QUJDR',
      'ab=c',
      'QQ==QUFB',
      '-_-_',
      'QU JD',
      'QUJD\n',
      'QU*D',
      'QUJ\u00e9',
      'QUJ\u{1F600}',
      '====',
      'Q===',
      '+/+/',
    ];
    let x = 3;
    const alphabet = 'ABCxyz019+/-_= \n*é';
    for (let round = 0; round < 400; round++) {
      let text = '';
      for (let i = 0; i < round % 23; i++) {
        x = (x * 1103515245 + 12345) >>> 0;
        text += alphabet[x % alphabet.length];
      }
      inputs.push(text);
    }
    for (const text of inputs) expect(same(nodePayloadBytes.decodeBase64(text), webPayloadBytes.decodeBase64(text)), JSON.stringify(text)).toBe(true);
  });

  it('UTF-8: validation and decoding of ASCII, multi-byte, BOM, ill-formed and empty input', () => {
    const cases = [
      new Uint8Array(0),
      new TextEncoder().encode('plain ascii {"k":"v"}'),
      new TextEncoder().encode('Zoë 😀 漢字'),
      Uint8Array.of(0xef, 0xbb, 0xbf, 0x41),
      Uint8Array.of(0xc3, 0x28),
      Uint8Array.of(0xed, 0xa0, 0x80), // an encoded surrogate
      Uint8Array.of(0xc0, 0xaf), // overlong
      Uint8Array.of(0xf4, 0x90, 0x80, 0x80), // past U+10FFFF
      Uint8Array.of(0x41, 0xe2, 0x82), // truncated
      pseudoRandomBytes(1000, 9),
    ];
    for (const bytes of cases) {
      expect(nodePayloadBytes.isUtf8(bytes)).toBe(webPayloadBytes.isUtf8(bytes));
      expect(nodePayloadBytes.decodeUtf8(bytes)).toBe(webPayloadBytes.decodeUtf8(bytes));
    }
  });
});

describe('the v2 codec with nodePayloadBytes', () => {
  for (const { name, request } of bodyCases()) {
    it(`writes the same event bytes as the old path: ${name}`, () => {
      const fast = encodeApiGatewayV2Event({ ...request, payloadBytes: nodePayloadBytes });
      expect(same(fast, encodeJson(buildApiGatewayV2Event(request)))).toBe(true);
    });
  }

  it('decodes a base64 result body byte-exactly', async () => {
    const bytes = pseudoRandomBytes(100_001, 4);
    const result = jsonResult({ statusCode: 200, body: Buffer.from(bytes).toString('base64'), isBase64Encoded: true });
    const request = { ...bodyCases()[0]!.request, payloadBytes: nodePayloadBytes };
    const response = decodeApiGatewayV2Result(result, request);
    expect(same(new Uint8Array(await response.arrayBuffer()), bytes)).toBe(true);
  });
});
