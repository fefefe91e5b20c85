import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { formatIssues } from './issues.ts';
import { HttpRouteMatchListSchema, HttpRouteMatchSchema } from './schema.ts';

/** The `path: message` lines the config loader would print. */
function problems(input: unknown): string[] {
  const result = v.safeParse(HttpRouteMatchSchema, input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return formatIssues(result.issues);
}

const parse = (input: unknown) => v.parse(HttpRouteMatchSchema, input);
const headers = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `x-h${i}`, value: 'v' }));

describe('HttpRouteMatchSchema defaults', () => {
  it('defaults an empty match to PathPrefix / and adds nothing else', () => {
    expect(parse({})).toStrictEqual({ path: { type: 'PathPrefix', value: '/' } });
  });

  it('defaults path.type to PathPrefix and path.value to /', () => {
    expect(parse({ path: { value: '/echo' } }).path).toStrictEqual({ type: 'PathPrefix', value: '/echo' });
    expect(parse({ path: { type: 'Exact' } }).path).toStrictEqual({ type: 'Exact', value: '/' });
  });

  it('defaults header and query param types to Exact and keeps the rest', () => {
    expect(
      parse({
        method: 'POST',
        headers: [{ name: 'X-Tenant', value: 'a' }],
        queryParams: [
          { name: 'v', value: '1' },
          { type: 'RegularExpression', name: 'w', value: '\\d+' },
        ],
      }),
    ).toStrictEqual({
      path: { type: 'PathPrefix', value: '/' },
      method: 'POST',
      headers: [{ type: 'Exact', name: 'X-Tenant', value: 'a' }],
      queryParams: [
        { type: 'Exact', name: 'v', value: '1' },
        { type: 'RegularExpression', name: 'w', value: '\\d+' },
      ],
    });
  });

  it('accepts a RegularExpression path that does not start with / and uses URL-unsafe characters', () => {
    expect(parse({ path: { type: 'RegularExpression', value: '.*/items/(?<id>[^/#]+)' } }).path.type).toBe('RegularExpression');
  });

  it('accepts the documented valid path characters and %XX escapes', () => {
    expect(parse({ path: { type: 'Exact', value: "/a-b_c.d~e!$&'()*+,;=:@/%41" } }).path.value).toBe("/a-b_c.d~e!$&'()*+,;=:@/%41");
  });
});

describe('HttpRouteMatchSchema path validation', () => {
  it('requires Exact and PathPrefix values to start with /', () => {
    expect(problems({ path: { value: 'echo' } })).toEqual(['path.value: must start with "/"']);
    expect(problems({ path: { type: 'Exact', value: 'echo' } })).toEqual(['path.value: must start with "/"']);
  });

  it.each([
    ['/a//b', 'must not contain "//"'],
    ['/a/./b', 'must not contain "/./"'],
    ['/a/../b', 'must not contain "/../"'],
    ['/a%2fb', 'must not contain "%2f"'],
    ['/a%2Fb', 'must not contain "%2F"'],
    ['/a#b', 'must not contain "#"'],
    ['/a/..', 'must not end with "/.."'],
    ['/a/.', 'must not end with "/."'],
  ])('rejects %s for Exact and PathPrefix', (value, message) => {
    for (const type of ['Exact', 'PathPrefix']) {
      const lines = problems({ path: { type, value } });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^path\\.value: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
  });

  it('rejects characters that are not valid in a URL path', () => {
    expect(problems({ path: { value: '/a b' } })).toEqual([
      "path.value: must contain only URL path characters (A-Z a-z 0-9 - . _ ~ ! $ & ' ( ) * + , ; = : @ /) or %XX escapes",
    ]);
    expect(problems({ path: { value: '/a%zz' } })[0]).toMatch(/^path\.value: must contain only URL path characters/);
  });

  it('limits the value to 1024 characters and rejects an empty one', () => {
    expect(parse({ path: { value: `/${'a'.repeat(1023)}` } }).path.value).toHaveLength(1024);
    expect(problems({ path: { value: `/${'a'.repeat(1024)}` } })).toEqual(['path.value: must be at most 1024 characters (got 1025)']);
    expect(problems({ path: { type: 'RegularExpression', value: '' } })).toEqual(['path.value: must not be empty']);
  });

  it('requires a RegularExpression to compile, explaining why it does not', () => {
    expect(problems({ path: { type: 'RegularExpression', value: '/items/(' } })).toEqual([
      'path.value: must be a valid regular expression in RE2 syntax: missing closing ): `/items/(`',
    ]);
  });

  it('rejects a pattern that would only compile once anchored', () => {
    // Wrapped as `^(?:a)(b)$` it would compile, but `a)(b` alone is not a pattern.
    // `^(?:a)(b)$` is valid, but `a)(b` alone is not: it must not be accepted.
    expect(problems({ path: { type: 'RegularExpression', value: 'a)(b' } })).toEqual([
      'path.value: must be a valid regular expression in RE2 syntax: unexpected ): `a)(b`',
    ]);
  });

  it('rejects JavaScript/PCRE-only syntax that RE2 does not have, saying why', () => {
    expect(problems({ path: { type: 'RegularExpression', value: '/(a+)/\\1' } })).toEqual([
      'path.value: must be a valid regular expression in RE2 syntax: invalid escape sequence: `\\1` (RE2 has no backreferences)',
    ]);
    expect(problems({ path: { type: 'RegularExpression', value: '/items/(?=\\d)\\w+' } })).toEqual([
      'path.value: must be a valid regular expression in RE2 syntax: invalid or unsupported Perl syntax: `(?=` (RE2 has no lookahead or lookbehind)',
    ]);
    expect(problems({ path: { type: 'RegularExpression', value: '/x(?!y)' } })[0]).toMatch(/\(RE2 has no lookahead or lookbehind\)$/);
    expect(problems({ path: { type: 'RegularExpression', value: '(?<!/admin)/.*' } })[0]).toMatch(
      /^path\.value: must be a valid regular expression in RE2 syntax: .*\(RE2 has no lookahead or lookbehind\)$/,
    );
    expect(problems({ path: { type: 'RegularExpression', value: '/a{1001}' } })).toEqual([
      'path.value: must be a valid regular expression in RE2 syntax: invalid repeat count: `{1001}`',
    ]);
  });

  it('accepts RE2 named groups in both spellings and RE2-only syntax', () => {
    for (const value of ['/items/(?P<id>[^/]+)', '/items/(?<id>[^/]+)', '\\Q/a.b', '(?i)/Items/\\pL+']) {
      expect(parse({ path: { type: 'RegularExpression', value } }).path.value).toBe(value);
    }
  });

  it('rejects an unknown path type', () => {
    expect(problems({ path: { type: 'Prefix', value: '/' } })).toEqual(['path.type: must be one of "Exact", "PathPrefix", "RegularExpression" (got "Prefix")']);
  });
});

describe('HttpRouteMatchSchema structure', () => {
  it('rejects unknown fields at every level, naming the allowed ones', () => {
    expect(problems({ pathPrefix: '/x' })).toEqual(['pathPrefix: unknown field (allowed: path, method, headers, queryParams)']);
    expect(problems({ path: { value: '/', exact: true } })).toEqual(['path.exact: unknown field (allowed: type, value)']);
    expect(problems({ headers: [{ name: 'a', value: 'b', ignoreCase: true }] })).toEqual(['headers[0].ignoreCase: unknown field (allowed: type, name, value)']);
  });

  it('rejects wrong shapes', () => {
    expect(problems({ path: '/x' })).toEqual(['path: must be an object']);
    expect(problems({ headers: { name: 'a', value: 'b' } })).toEqual(['headers: must be a list']);
  });

  it.each(['get', 'FETCH', 'ANY'])('rejects the method %s', (method) => {
    expect(problems({ method })).toEqual([
      `method: must be one of "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH" (got "${method}"); methods are upper case`,
    ]);
  });
});

describe('HttpRouteMatchSchema headers and query params', () => {
  it('allows 16 header matches and rejects 17', () => {
    expect(parse({ headers: headers(16) }).headers).toHaveLength(16);
    expect(problems({ headers: headers(17) })).toEqual(['headers: must have at most 16 entries (got 17)']);
  });

  it('allows 16 query param matches and rejects 17', () => {
    const params = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `p${i}`, value: 'v' }));
    expect(parse({ queryParams: params(16) }).queryParams).toHaveLength(16);
    expect(problems({ queryParams: params(17) })).toEqual(['queryParams: must have at most 16 entries (got 17)']);
  });

  it('requires name and value', () => {
    expect(problems({ headers: [{ value: 'x' }] })).toEqual(['headers[0].name: is required']);
    expect(problems({ queryParams: [{ name: 'q' }] })).toEqual(['queryParams[0].value: is required']);
    expect(problems({ headers: [{ name: 'x', value: '' }] })).toEqual(['headers[0].value: must not be empty']);
  });

  it.each([':method', 'X Tenant', 'a/b', ''])('rejects the header name %j', (name) => {
    const lines = problems({ headers: [{ name, value: 'v' }] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(name === '' ? /^headers\[0\]\.name: must not be empty$/ : /^headers\[0\]\.name: must be a valid header name/);
  });

  it('rejects a query param name that is not a token', () => {
    expect(problems({ queryParams: [{ name: 'a b', value: 'v' }] })[0]).toMatch(/^queryParams\[0\]\.name: must be a valid query parameter name/);
  });

  it('rejects header names that differ only in case, pointing at the duplicate', () => {
    expect(
      problems({
        headers: [
          { name: 'X-Tenant', value: 'a' },
          { name: 'x-tenant', value: 'b' },
        ],
      }),
    ).toEqual(['headers[1].name: duplicate header name "x-tenant" (same name as entry 0; header names are case-insensitive)']);
  });

  it('rejects a repeated query param name but allows names differing in case', () => {
    expect(
      problems({
        queryParams: [
          { name: 'a', value: '1' },
          { name: 'b', value: '2' },
          { name: 'a', value: '3' },
        ],
      }),
    ).toEqual(['queryParams[2].name: duplicate query parameter name "a" (same name as entry 0)']);
    expect(
      parse({
        queryParams: [
          { name: 'a', value: '1' },
          { name: 'A', value: '2' },
        ],
      }).queryParams,
    ).toHaveLength(2);
  });

  it('requires header and query regexes to compile in RE2 syntax', () => {
    expect(problems({ headers: [{ type: 'RegularExpression', name: 'x', value: '[a-' }] })).toEqual([
      'headers[0].value: must be a valid regular expression in RE2 syntax: missing closing ]: `[a-`',
    ]);
    expect(problems({ queryParams: [{ type: 'RegularExpression', name: 'x', value: '*' }] })).toEqual([
      'queryParams[0].value: must be a valid regular expression in RE2 syntax: missing argument to repetition operator: `*`',
    ]);
    expect(problems({ headers: [{ type: 'RegularExpression', name: 'x', value: '(\\w)\\1' }] })).toEqual([
      'headers[0].value: must be a valid regular expression in RE2 syntax: invalid escape sequence: `\\1` (RE2 has no backreferences)',
    ]);
    expect(problems({ queryParams: [{ type: 'RegularExpression', name: 'x', value: '(?=v)v\\d' }] })[0]).toMatch(
      /^queryParams\[0\]\.value: must be a valid regular expression in RE2 syntax: .*\(RE2 has no lookahead or lookbehind\)$/,
    );
  });

  it('rejects an Exact header value that could never match (surrounding whitespace, control characters)', () => {
    expect(problems({ headers: [{ name: 'x', value: ' padded' }] })).toEqual([
      'headers[0].value: must be printable US-ASCII, optionally separated by single spaces or tabs (no leading/trailing whitespace)',
    ]);
    expect(parse({ headers: [{ name: 'x', value: 'a b\tc' }] }).headers?.[0]?.value).toBe('a b\tc');
  });
});

describe('HttpRouteMatchListSchema', () => {
  it('caps a rule at 64 matches', () => {
    expect(
      v.parse(
        HttpRouteMatchListSchema,
        Array.from({ length: 64 }, () => ({})),
      ),
    ).toHaveLength(64);
    const result = v.safeParse(
      HttpRouteMatchListSchema,
      Array.from({ length: 65 }, () => ({})),
    );
    expect(result.success ? [] : formatIssues(result.issues)).toEqual(['must have at most 64 entries (got 65)']);
  });
});
