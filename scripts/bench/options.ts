/**
 * The bench's command line. Every mistake is an error (exit 2 with a message)
 * rather than a silently empty or default run: a typo in `--only` used to
 * print an empty table, which looks like a result.
 */

/** Every contender id `--only` accepts, in the order they run. */
export const CONTENDER_IDS = [
  'direct',
  'nginx',
  'bare',
  'bare-node-http',
  'hand-written',
  'gateway',
  'gateway-apigw-v2',
  'gateway-assume-role',
  'gateway-no-metrics',
  'gateway-node-defaults',
] as const;
export type ContenderId = (typeof CONTENDER_IDS)[number];

export interface BenchOptions {
  /** Measured seconds per round. */
  seconds: number;
  warmup: number;
  /** 0 skips the soak. */
  soak: number;
  profile: boolean;
  /** Extra Node flags for every proxy process. */
  nodeOptions: string[];
  /** undefined: every contender. */
  only: Set<ContenderId> | undefined;
  /** undefined: both bodies. */
  body: '100B' | '1MB' | undefined;
  /** undefined: every connection count (512 only with the 100 B body). */
  conns: 1 | 64 | 512 | undefined;
}

export const HELP = `Usage: npx tsx scripts/bench/run.ts [options]   (npm run bench -- [options])

Starts a bench upstream and every contender on 127.0.0.1, loads each with autocannon
(100 B and 1 MB JSON bodies, 1 and 64 connections, and 512 with 100 B), measures the SHA-256 +
base64 floor of the 1 MB body alone and the start-up of the compiled
gateway (node packages/gateway/bin/lambda-gateway.mjs serve) and RSS at rest, then soaks the
gateway, and prints one table (also written to bench-results/latest.json).

Options:
  --seconds N          measured seconds per round (default 3, at most 30; must be > 0)
  --warmup N           warm-up seconds per cell (default 1, at most 10)
  --soak N             soak seconds for the memory-growth check (default 60; 25-120; 0 skips it)
  --only ID[,ID…]      run only these contenders
  --body 100B|1MB      only this body size
  --conns 1|64|512     only this connection count (512 runs with the 100 B body only)
  --profile            run the gateway processes with --cpu-prof (profiles in bench-results/profiles/)
  --node-options "…"   extra Node flags for every proxy process (recorded in the output)
  --help               show this text

Contender ids: ${CONTENDER_IDS.join(', ')}
  (bare = node:http in, undici Pool out: the baseline of the targets; nginx runs only when installed)

Exit codes: 0 ok, 1 the run failed, 2 bad options.`;

/** A command-line mistake: run.ts prints it and exits 2. */
export class BenchUsageError extends Error {
  override name = 'BenchUsageError';
}

type Kind = 'flag' | 'number' | 'string';
const KNOWN: Record<string, Kind> = {
  seconds: 'number',
  warmup: 'number',
  soak: 'number',
  only: 'string',
  body: 'string',
  conns: 'number',
  profile: 'flag',
  'node-options': 'string',
  help: 'flag',
};

/**
 * Parses argv (without node and the script). A hand-rolled loop rather than
 * `util.parseArgs`, because `--node-options` takes values that themselves
 * start with `--` (`--node-options --max-semi-space-size=4`), which parseArgs rejects.
 * Returns 'help' when --help is given.
 */
export function parseBenchOptions(argv: string[]): BenchOptions | 'help' {
  const values = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    const name = match?.[1];
    const kind = name === undefined ? undefined : KNOWN[name];
    if (!match || name === undefined || kind === undefined) throw new BenchUsageError(`unknown option "${arg}"`);
    if (values.has(name)) throw new BenchUsageError(`--${name} given twice`);
    if (kind === 'flag') {
      if (match[2] !== undefined) throw new BenchUsageError(`--${name} takes no value`);
      values.set(name, true);
      continue;
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new BenchUsageError(`--${name} needs a value`);
    values.set(name, value);
  }
  if (values.has('help')) return 'help';

  const string = (name: string) => values.get(name) as string | undefined;
  const number = (name: string, fallback: number) => {
    const text = string(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value < 0) throw new BenchUsageError(`--${name}: "${text}" is not a number ≥ 0`);
    return value;
  };

  const seconds = number('seconds', 3);
  if (seconds === 0) throw new BenchUsageError('--seconds must be > 0');
  const soak = number('soak', 60);

  const body = string('body');
  if (body !== undefined && body !== '100B' && body !== '1MB') throw new BenchUsageError(`--body: "${body}" is not 100B or 1MB`);
  const conns = values.has('conns') ? number('conns', 0) : undefined;
  if (conns !== undefined && conns !== 1 && conns !== 64 && conns !== 512) throw new BenchUsageError(`--conns: "${string('conns')}" is not 1, 64 or 512`);
  if (conns === 512 && body === '1MB') throw new BenchUsageError('--conns 512 runs with the 100 B body only');

  const onlyText = string('only');
  let only: Set<ContenderId> | undefined;
  if (onlyText !== undefined) {
    const ids = onlyText.split(',').map((id) => id.trim());
    const unknown = ids.filter((id) => !(CONTENDER_IDS as readonly string[]).includes(id));
    if (unknown.length > 0)
      throw new BenchUsageError(`--only: unknown contender ${unknown.map((id) => `"${id}"`).join(', ')} (ids: ${CONTENDER_IDS.join(', ')})`);
    only = new Set(ids as ContenderId[]);
  }

  return {
    seconds: Math.min(seconds, 30),
    warmup: Math.min(number('warmup', 1), 10),
    // The growth check compares two 10 s windows after 5 s of settling: under 25 s there is nothing to compare.
    soak: soak === 0 ? 0 : Math.max(25, Math.min(soak, 120)),
    profile: values.has('profile'),
    nodeOptions: (string('node-options') ?? '').split(' ').filter(Boolean),
    only,
    body,
    conns,
  };
}
