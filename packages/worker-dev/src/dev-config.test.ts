import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from 'lambda-gateway';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './build-worker.ts';
import { parseDevVars, readDevVars } from './dev-vars.ts';
import { parseWranglerConfig, readWranglerConfig, wranglerVars } from './wrangler-config.ts';

const MINIMAL = 'name = "x"\nmain = "m.js"\ncompatibility_date = "2025-07-18"\n';

/** The ConfigError that parsing `text` as `w.toml` throws. */
function wranglerError(text: string): ConfigError {
  try {
    parseWranglerConfig(text, 'w.toml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('wrangler.toml', () => {
  it('configures the worker entry bundle, a compatibility date, no nodejs_compat, vars for region and endpoints, port 8787', async () => {
    const config = await readWranglerConfig(join(REPO_ROOT, 'wrangler.toml'));
    expect(config).toMatchObject({ name: 'lambda-gateway', main: 'dist/worker.js', compatibility_flags: [], dev: { port: 8787 } });
    expect(config.compatibility_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(config.build.command).toContain('scripts/build-worker.ts');
    expect(wranglerVars(config)).toMatchObject({ AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_STS: expect.stringMatching(/^https:\/\/sts\./) });
  });

  it('reads TOML as wrangler does: comments, literal and escaped strings, multi-line arrays, underscores in numbers, dotted tables', () => {
    const text = `name = "gw" # trailing comment
main = 'dist/worker.js'
compatibility_date = "2025-07-18"
compatibility_flags = [
  "a", # first
  'b',
]
[vars]
URL = "http://x/#not-a-comment"
ESCAPED = "tab\\tquote\\"\\u00e9"
PORT = 8_080
DEBUG = false
[dev]
port = 8_787
`;
    const config = parseWranglerConfig(text, 'w.toml');
    expect(config).toMatchObject({ name: 'gw', main: 'dist/worker.js', compatibility_flags: ['a', 'b'], dev: { port: 8787 } });
    expect(wranglerVars(config)).toEqual({ URL: 'http://x/#not-a-comment', ESCAPED: 'tab\tquote"é', PORT: '8080', DEBUG: 'false' });
  });

  it.each([
    ['x = "open', 'w.toml: line 1, column 5: unfinished string'],
    [`${MINIMAL}name = "y"`, 'w.toml: line 4, column 1: trying to redefine an already defined table or value'],
    ['just words', 'w.toml: line 1, column 6: illegal character in key'],
  ])('a TOML syntax error is a ConfigError naming the file, line and column: %j', (text, message) => {
    const error = wranglerError(text);
    expect(error.message).toBe(message);
    expect(error.source).toBe('w.toml');
  });

  it('a value of the wrong type is a ConfigError naming the file and key', () => {
    expect(wranglerError(`${MINIMAL}[dev]\nport = "8787"\n`).message).toBe('w.toml: dev.port: Invalid type: Expected number but received "8787"');
    // An unquoted date is a TOML date, not the string wrangler wants.
    expect(wranglerError('name = "x"\nmain = "m.js"\ncompatibility_date = 2025-07-18\n').message).toBe(
      'w.toml: compatibility_date: must be a quoted date "YYYY-MM-DD"',
    );
    expect(wranglerError(`${MINIMAL}[vars]\nLIST = ["a"]\n`).message).toBe('w.toml: vars.LIST: must be a string, number or boolean');
  });

  it('refuses keys that the dev server would not replicate', () => {
    expect(wranglerError(`${MINIMAL}[[kv_namespaces]]\nbinding = "KV"\n`).message).toBe(
      'w.toml: kv_namespaces: is not replicated by npm run dev (it sets up no such binding or setting)',
    );
    expect(() => parseWranglerConfig(`${MINIMAL}node_compat = true\n`, 'w.toml')).toThrow(/^w\.toml: node_compat: /);
  });
});

describe('.dev.vars', () => {
  it('reads dotenv lines: comments, export, quotes, trailing comments, empty values', () => {
    const text = `# comment
export AWS_REGION=eu-west-1
SECRET_AWS_CREDS_SECRET_KEY='a#b'
LOG_LEVEL=debug # note
EMPTY=
`;
    expect(parseDevVars(text)).toEqual({ AWS_REGION: 'eu-west-1', SECRET_AWS_CREDS_SECRET_KEY: 'a#b', LOG_LEVEL: 'debug', EMPTY: '' });
  });

  it('has dotenv semantics (as wrangler dev reads it), not shell ones', () => {
    // Double quotes: `\n` is a newline and the value may span lines, but `\"` keeps its backslash.
    expect(parseDevVars('A="one\\ntwo"\nB="line 1\nline 2"\nC="AKIA\\"Q"\n')).toEqual({ A: 'one\ntwo', B: 'line 1\nline 2', C: 'AKIA\\"Q' });
    // Single quotes: taken as they are.
    expect(parseDevVars("A='one\\ntwo'")).toEqual({ A: 'one\\ntwo' });
    // Unquoted: `#` starts a comment even without a space before it; surrounding spaces go.
    expect(parseDevVars('A=a#b\n  B =  v  \n')).toEqual({ A: 'a', B: 'v' });
    // A line that is not NAME=value is skipped, not an error.
    expect(parseDevVars('not a var\nA=1\n')).toEqual({ A: '1' });
  });

  it('reads the file when there is one, and is empty when there is none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-dev-vars-'));
    try {
      expect(await readDevVars(join(dir, '.dev.vars'))).toEqual({});
      await writeFile(join(dir, '.dev.vars'), 'AWS_REGION=eu-west-1\n');
      expect(await readDevVars(join(dir, '.dev.vars'))).toEqual({ AWS_REGION: 'eu-west-1' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
