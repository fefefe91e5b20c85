import { describe, expect, it } from 'vitest';
import { planJsonString, writeJsonString } from './json-string-bytes.ts';

/** The literal from bytes, through the plan, at `offset` in a larger buffer. */
function literalOf(bytes: Uint8Array, offset = 0): Uint8Array {
  const plan = planJsonString(bytes);
  const out = new Uint8Array(offset + plan.length + 3).fill(0xee);
  const end = writeJsonString(bytes, plan, out, offset);
  expect(end - offset).toBe(plan.length);
  return out.subarray(offset, end);
}

/** What the old path produced: decode, JSON.stringify, encode. */
function reference(text: string): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(text));
}

/** `bytes` at byte offset `shift` of their buffer, to exercise the unaligned head and tail. */
function shifted(bytes: Uint8Array, shift: number): Uint8Array {
  const backing = new Uint8Array(bytes.length + shift);
  backing.set(bytes, shift);
  return backing.subarray(shift);
}

describe('planJsonString / writeJsonString', () => {
  it('escapes every ASCII character exactly as JSON.stringify does', () => {
    for (let code = 0; code < 128; code++) {
      const text = `a${String.fromCharCode(code)}bcdefg${String.fromCharCode(code)}`;
      expect(Buffer.from(literalOf(new TextEncoder().encode(text))).toString()).toBe(Buffer.from(reference(text)).toString());
    }
  });

  it('matches JSON.stringify on empty, multi-byte, BOM and escape-dense text at every alignment', () => {
    const texts = [
      '',
      '"',
      '\\',
      '\ufeff{"a":1}',
      '{"key":"välue","emoji":"😀","cjk":"漢字","tab":"\t","nl":"\n","nul":"\u0000","del":"\u007f","ls":"\u2028"}',
      '"\\"\\\n\r\b\f\u0001\u001f'.repeat(50),
      'x'.repeat(4099),
      `${'plain ascii words '.repeat(300)}"end"`,
    ];
    for (const text of texts) {
      const bytes = new TextEncoder().encode(text);
      for (let shift = 0; shift < 4; shift++) {
        expect(Buffer.from(literalOf(shifted(bytes, shift), shift)).equals(Buffer.from(reference(text)))).toBe(true);
      }
    }
  });

  it('matches JSON.stringify on pseudo-random text with controls, quotes and non-ASCII', () => {
    const alphabet = ['a', 'Z', '0', ' ', '"', '\\', '\n', '\u0003', '\u001f', 'é', '€', '😀', '\u007f', '/'];
    let x = 7;
    for (let round = 0; round < 40; round++) {
      let text = '';
      const length = (round * 37) % 500;
      for (let i = 0; i < length; i++) {
        x = (x * 1103515245 + 12345) >>> 0;
        text += alphabet[x % alphabet.length];
      }
      const bytes = new TextEncoder().encode(text);
      expect(Buffer.from(literalOf(shifted(bytes, round % 4))).equals(Buffer.from(reference(text)))).toBe(true);
    }
  });

  it('copies a body without escapes as it is, plus the quotes', () => {
    const bytes = new TextEncoder().encode('y'.repeat(1 << 20));
    const plan = planJsonString(bytes);
    expect(plan.escapes).toEqual([]);
    expect(plan.length).toBe(bytes.length + 2);
  });
});
