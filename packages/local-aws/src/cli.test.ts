import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { main } from './cli.ts';
import { TEST_SCENARIO } from './test-support.ts';

let errors: MockInstance<typeof console.error>;
let logs: MockInstance<typeof console.log>;
beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  logs = vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

const printed = (spy: MockInstance<(...args: unknown[]) => void>) => spy.mock.calls.map((args) => args.join(' ')).join('\n');

describe('lambda-gateway-local-aws arguments', () => {
  it('--help prints the usage on stdout and exits 0', async () => {
    expect(await main(['--help'])).toBe(0);
    expect(printed(logs)).toContain('Usage: lambda-gateway-local-aws --config SCENARIO');
    expect(errors).not.toHaveBeenCalled();
  });

  it('-h is --help', async () => {
    expect(await main(['-h'])).toBe(0);
    expect(printed(logs)).toContain('Usage: lambda-gateway-local-aws');
  });

  it('no --config is exit 2 with what is missing and the usage', async () => {
    expect(await main([])).toBe(2);
    expect(printed(errors)).toContain('local-aws: --config SCENARIO is required');
    expect(printed(errors)).toContain('Usage: lambda-gateway-local-aws');
  });

  it('an unknown option is exit 2 naming it', async () => {
    expect(await main(['--config', TEST_SCENARIO, '--bogus'])).toBe(2);
    expect(printed(errors)).toMatch(/^local-aws: .*'--bogus'/);
    expect(printed(errors)).toContain('Usage: lambda-gateway-local-aws');
  });

  it('an option without its value is exit 2', async () => {
    expect(await main(['--config'])).toBe(2);
    expect(printed(errors)).toMatch(/^local-aws: .*--config/);
  });

  it.each(['http', '-1', '65536', '80.5'])('--port %s is exit 2', async (port) => {
    // `--port=…`: parseArgs refuses a separate value that starts with a dash.
    expect(await main(['--config', TEST_SCENARIO, `--port=${port}`])).toBe(2);
    expect(printed(errors)).toBe(`local-aws: --port: "${port}" is not a port number`);
  });
});

describe('lambda-gateway-local-aws scenarios', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'local-aws-cli-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a scenario file that does not exist is exit 2 naming the file', async () => {
    const missing = join(dir, 'missing-scenario.yaml');
    expect(await main(['--config', missing, '--port', '0'])).toBe(2);
    expect(printed(errors)).toBe(`local-aws: invalid scenario ${missing}:\n  - cannot read file: no such file`);
  });

  it('a relative path is reported resolved against the cwd', async () => {
    expect(await main(['-c', 'no-such-dir/scenario.yaml', '-p', '0'])).toBe(2);
    expect(printed(errors)).toContain(`invalid scenario ${resolve('no-such-dir/scenario.yaml')}:`);
  });

  it('an invalid scenario is exit 2 naming the file and the field', async () => {
    const invalid = join(dir, 'bad.yaml');
    await writeFile(invalid, 'accounts:\n  "12345": {}\n');
    expect(await main(['--config', invalid, '--port', '0'])).toBe(2);
    expect(printed(errors)).toContain(`local-aws: invalid scenario ${invalid}:`);
    expect(printed(errors)).toContain('accounts');
  });

  it('a valid scenario serves until SIGTERM, then closes and exits 0', async () => {
    const exitCode = main(['--config', TEST_SCENARIO, '--port', '0', '--quiet']);
    await vi.waitFor(() => expect(printed(logs)).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/), { timeout: 5000 });
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(printed(logs))?.[1] ?? '';
    expect(printed(logs)).toContain(`export AWS_ENDPOINT_URL=${url}`);
    const response = await fetch(`${url}/nowhere`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    // In-process: only main's own listener runs (no real signal is sent).
    process.emit('SIGTERM');
    expect(await exitCode).toBe(0);
    expect(process.listenerCount('SIGTERM')).toBe(0);
    expect(process.listenerCount('SIGINT')).toBe(0);
    await expect(fetch(`${url}/nowhere`)).rejects.toThrow();
    expect(errors).not.toHaveBeenCalled();
  });
});
