import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64.ts';
import { pseudoRandomBytes } from './test-utils.ts';

describe('encodeBase64 / decodeBase64', () => {
  it('matches Node for every length 0..300 and round-trips', () => {
    for (let n = 0; n <= 300; n++) {
      const bytes = pseudoRandomBytes(n, n + 7);
      const encoded = encodeBase64(bytes);
      expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodeBase64(encoded)).toEqual(bytes);
    }
  });

  it('round-trips a 6 MB body byte-exactly', () => {
    const bytes = pseudoRandomBytes(6 * 1024 * 1024);
    const encoded = encodeBase64(bytes);
    expect(encoded.length).toBe(Math.ceil(bytes.length / 3) * 4);
    expect(Buffer.from(decodeBase64(encoded)!).equals(Buffer.from(bytes))).toBe(true);
  });

  it('accepts missing padding, URL-safe digits and MIME line breaks', () => {
    expect(new TextDecoder().decode(decodeBase64('aGk'))).toBe('hi');
    expect(decodeBase64('-_8')).toEqual(new Uint8Array([0xfb, 0xff]));
    expect(new TextDecoder().decode(decodeBase64('aGVs\nbG8g\r\nd29y bGQ=\n'))).toBe('hello world');
  });

  it('rejects text that is not base64', () => {
    expect(decodeBase64('a')).toBeUndefined();
    expect(decodeBase64('ab$d')).toBeUndefined();
    expect(decodeBase64('ab=d')).toBeUndefined();
    expect(decodeBase64('é===')).toBeUndefined();
  });

  it('decodes the empty string to no bytes', () => {
    expect(decodeBase64('')).toEqual(new Uint8Array(0));
  });
});
