import { describe, expect, it } from 'vitest';
import { parseTomlSubset } from './toml-subset.ts';

describe('parseTomlSubset', () => {
  it('reads tables, strings, numbers, booleans, arrays (multi-line too) and comments', () => {
    const text = `name = "gw" # trailing comment
main = 'dist/worker.js'
compatibility_flags = [
  "a", # first
  'b',
]
[vars]
URL = "http://x/#not-a-comment"
ESCAPED = "tab\\tquote\\"\\u00e9"
[dev]
port = 8_787
local = false
[a.b]
c = 1
`;
    expect(parseTomlSubset(text, 'w.toml')).toEqual({
      name: 'gw',
      main: 'dist/worker.js',
      compatibility_flags: ['a', 'b'],
      vars: { URL: 'http://x/#not-a-comment', ESCAPED: 'tab\tquote"é' },
      dev: { port: 8787, local: false },
      a: { b: { c: 1 } },
    });
  });

  it.each([
    ['x = { a = 1 }', 'w.toml:1: inline tables are not supported'],
    ['[[routes]]', 'w.toml:1: arrays of tables ([[…]]) are not supported'],
    ['x = 1979-05-27', 'w.toml:1: unsupported value: 1979-05-27'],
    ['x = "a"\nx = "b"', 'w.toml:2: x is defined twice'],
    ['x = "open', 'w.toml:1: unterminated string'],
    ['just words', 'w.toml:1: expected key = value: just words'],
  ])('refuses what it does not read, naming the line: %s', (text, message) => {
    expect(() => parseTomlSubset(text, 'w.toml')).toThrow(message);
  });
});
