import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './build-worker.ts';
import { parseDevVars } from './dev-vars.ts';
import { parseWranglerConfig, readWranglerConfig, wranglerVars } from './wrangler-config.ts';

describe('wrangler.toml', () => {
  it('configures the worker entry bundle, a compatibility date, no nodejs_compat, vars for region and endpoints, port 8787', async () => {
    const config = await readWranglerConfig(join(REPO_ROOT, 'wrangler.toml'));
    expect(config).toMatchObject({ name: 'lambda-gateway', main: 'dist/worker.js', compatibility_flags: [], dev: { port: 8787 } });
    expect(config.compatibility_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(config.build.command).toContain('scripts/build-worker.ts');
    expect(wranglerVars(config)).toMatchObject({ AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL_STS: expect.stringMatching(/^https:\/\/sts\./) });
  });

  it('refuses keys that the dev server would not replicate', () => {
    expect(() => parseWranglerConfig('name = "x"\nmain = "m.js"\ncompatibility_date = "2025-07-18"\n[[kv_namespaces]]\nbinding = "KV"\n', 'w.toml')).toThrow('arrays of tables');
    expect(() => parseWranglerConfig('name = "x"\nmain = "m.js"\ncompatibility_date = "2025-07-18"\nnode_compat = true\n', 'w.toml')).toThrow(/^w\.toml: node_compat: /);
  });
});

describe('.dev.vars', () => {
  it('reads dotenv lines: comments, export, quotes, trailing comments', () => {
    const text = `# comment
export AWS_REGION=eu-west-1
SECRET_AWS_CREDS_ACCESS_KEY="AKIA\\"Q"
SECRET_AWS_CREDS_SECRET_KEY='a#b'
LOG_LEVEL=debug # note
EMPTY=
`;
    expect(parseDevVars(text, '.dev.vars')).toEqual({ AWS_REGION: 'eu-west-1', SECRET_AWS_CREDS_ACCESS_KEY: 'AKIA"Q', SECRET_AWS_CREDS_SECRET_KEY: 'a#b', LOG_LEVEL: 'debug', EMPTY: '' });
    expect(() => parseDevVars('not a var', '.dev.vars')).toThrow('.dev.vars: line 1: expected NAME=value');
  });
});
