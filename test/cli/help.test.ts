/** Help and version: text on stdout, exit code 0, for every command. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../packages/gateway/src/cli/main.ts';

afterEach(() => vi.restoreAllMocks());

/** Runs the CLI in process, capturing what it prints. */
async function run(argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void stdout.push(parts.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void stderr.push(parts.join(' ')));
  const code = await main(argv);
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe('lambda-gateway --help', () => {
  it.each([
    [
      'serve',
      [
        '--config PATH',
        '--port PORT',
        '--host HOST',
        '--secrets-dir DIR',
        '--log-level LEVEL',
        '--admin-port PORT',
        '--no-metrics',
        '--expose-error-details',
        '--help',
      ],
    ],
    ['check', ['--config PATH', '--output FORMAT', '--secrets-dir DIR', '--help']],
    ['demo', ['--port PORT', '--aws-port PORT', '--help']],
  ])('%s --help and -h print its options and exit 0', async (command, options) => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout, stderr } = await run([command, flag]);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toMatch(new RegExp(`^Usage: lambda-gateway ${command} `));
      for (const option of options) expect(stdout).toContain(option);
      expect((await run(['help', command])).stdout).toBe(stdout);
    }
  });

  it('local-aws --help is the local AWS’s own help', async () => {
    const { code, stdout, stderr } = await run(['local-aws', '--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: lambda-gateway-local-aws --config SCENARIO/);
    for (const option of ['--config SCENARIO', '--port PORT', '--host HOST', '--quiet', '--help']) expect(stdout).toContain(option);
    expect((await run(['help', 'local-aws'])).stdout).toBe(stdout);
  });

  it('help, --help and help --help: the overview and the help command’s own usage, exit 0', async () => {
    const overview = await run(['help']);
    expect(overview.code).toBe(0);
    expect(overview.stdout).toMatch(/^Usage: lambda-gateway <command> \[options\]/);
    for (const command of ['serve', 'check', 'local-aws', 'demo', 'help']) expect(overview.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(await run(['--help'])).toEqual(overview);
    const helpHelp = await run(['help', '--help']);
    expect(helpHelp.code).toBe(0);
    expect(helpHelp.stdout).toMatch(/^Usage: lambda-gateway help \[COMMAND\]/);
  });

  it('a usage error prints the command’s usage on stderr and exits 2', async () => {
    const { code, stdout, stderr } = await run(['check', '--outptu', 'json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^lambda-gateway: Unknown option '--outptu'/);
    expect(stderr).toContain('Usage: lambda-gateway check ');
    expect((await run(['help', 'nope'])).code).toBe(2);
    expect((await run(['nope'])).stderr).toContain('Usage: lambda-gateway <command> [options]');
  });
});

describe('lambda-gateway --version', () => {
  it('prints the version of the lambda-gateway package', async () => {
    const manifest = JSON.parse(await readFile(resolve(import.meta.dirname, '../../packages/gateway/package.json'), 'utf8')) as { version: string };
    expect(await run(['--version'])).toEqual({ code: 0, stdout: manifest.version, stderr: '' });
  });
});
