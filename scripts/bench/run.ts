import { AwsV4Signer } from 'aws4fetch';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild, type Child } from './child.ts';
import { BASE_KEYS, INVOKE_PATH, PROXY_PATH, REGION } from './common.ts';
import { ensureGatewayBuilt } from './gateway-build.ts';
import { type GatewayMode, writeGatewayConfigs } from './gateway-config.ts';
import { type GatewayProcessOptions, startGateway } from './gateway-process.ts';
import { runLoad, summarize, type LoadSample } from './load.ts';
import { measureHashFloor } from './floor.ts';
import { machineInfo } from './machine.ts';
import { findNginx, startNginx } from './nginx.ts';
import { BenchUsageError, HELP, parseBenchOptions, type ContenderId } from './options.ts';
import { cpuMillisOf, memoryOf, resetPeak, sampleRss } from './process-stats.ts';
import { formatReport, SERVE_AT_REST, type BenchReport, type Cell } from './report.ts';
import { measureStartup } from './startup.ts';
import { describeImageEnv, imageSettings, type ImageSettings } from './image-settings.ts';

/**
 * `npm run bench`: starts the upstream and every contender on loopback, runs
 * each under the same autocannon load (100 B and 1 MB bodies, 1 and 64
 * connections, 512 with 100 B), measures the 1 MB body's SHA-256 + base64
 * floor alone, measures how fast a fresh gateway answers its first request
 * and what every process weighs at rest, then soaks the gateway for the
 * memory-growth check, and prints one table (also written to bench-results/latest.json).
 *
 * The gateway contenders run as production runs them: the compiled CLI
 * (`node packages/gateway/bin/lambda-gateway.mjs serve`, dist/, no tsx) on a
 * native config file the bench writes; dist/ is rebuilt first when it is
 * older than the sources. The other contenders are bench scripts run through tsx.
 *
 * The 100 B cells, which the targets are about, run in two rounds (the second
 * in reverse contender order) pooled into one result, so that a burst of
 * other work on a shared machine does not land on one contender only.
 *
 * Options: see --help (options.ts). Every loop is bounded: the default run takes about three and a half minutes.
 */
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const OUT_DIR = join(ROOT, 'bench-results');

function parseOptionsOrExit() {
  try {
    const parsed = parseBenchOptions(process.argv.slice(2));
    if (parsed !== 'help') return parsed;
    console.log(HELP);
    process.exit(0);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    console.error(`bench: ${error.message}\nRun with --help for the options and contender ids.`);
    process.exit(2);
  }
}
const OPTIONS = parseOptionsOrExit();
const { seconds: SECONDS, warmup: WARMUP, soak: SOAK, nodeOptions: NODE_OPTIONS, only: ONLY } = OPTIONS;
const selected = (id: ContenderId) => !ONLY || ONLY.has(id);
const GATEWAY_IDS: ContenderId[] = ['gateway', 'gateway-apigw-v2', 'gateway-assume-role', 'gateway-no-metrics', 'gateway-node-defaults'];
/** The image's Node flags and malloc settings (deploy/Dockerfile), for every gateway contender but `gateway-node-defaults`. */
const IMAGE = imageSettings();
const NO_IMAGE_SETTINGS: ImageSettings = { nodeOptions: [], env: {} };
/** Fresh `serve` processes timed from spawn to their first answered request. */
const STARTUP_RUNS = 5;

/** A JSON body of exactly `size` bytes (passthrough mode requires JSON). */
function jsonBody(size: number): Buffer {
  const skeleton = '{"key1":"value1","key2":"value2","pad":""}';
  return Buffer.from(skeleton.replace('"pad":""', `"pad":"${'x'.repeat(size - skeleton.length)}"`));
}
const ALL_BODIES = [
  { label: '100 B', body: jsonBody(100) },
  { label: '1 MB', body: jsonBody(1024 * 1024) },
];
const BODIES = ALL_BODIES.filter((b) => !OPTIONS.body || b.label.replace(' ', '') === OPTIONS.body);
const CONNECTIONS = [1, 64, 512].filter((c) => !OPTIONS.conns || c === OPTIONS.conns);
/** 512 connections × 1 MB would be half a gigabyte in flight per proxy: the 512 cell is about memory and runs with 100 B only. */
const runsCell = (bodyLabel: string, connections: number) => connections !== 512 || bodyLabel === '100 B';

interface Contender {
  id: string;
  label: string;
  /** undefined for `direct`, which has no process of its own. */
  child: Child | undefined;
  /** Request target and per-body headers. */
  url: string;
  headers: (body: Buffer) => Promise<Record<string, string>>;
  /** What the upstream should see from its smoke request. */
  signs: boolean;
}

const jsonHeaders = async (): Promise<Record<string, string>> => ({ 'content-type': 'application/json' });

/** The direct contender's requests: signed once per body by aws4fetch, then replayed (signature checks are off under load). */
async function presignedHeaders(upstream: string, body: Buffer): Promise<Record<string, string>> {
  const signer = new AwsV4Signer({
    url: `${upstream}${INVOKE_PATH}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' },
    body: body as Uint8Array<ArrayBuffer>,
    ...BASE_KEYS,
    service: 'lambda',
    region: REGION,
  });
  const signed = await signer.sign();
  return Object.fromEntries(signed.headers);
}

async function control(upstream: string, path: string): Promise<Record<string, number | boolean>> {
  return (await (await fetch(`${upstream}/__bench/${path}`)).json()) as Record<string, number | boolean>;
}

/**
 * One request through a contender with the upstream's signature check on:
 * proves the contender works (200, the body echoed back) and, for the signing
 * ones, that its SigV4 signature verifies before any number is taken.
 */
async function smoke(contender: Contender, upstream: string): Promise<string> {
  const body = ALL_BODIES[0]!.body;
  await control(upstream, `verify?on=${contender.signs ? 1 : 0}`);
  const before = await control(upstream, 'stats');
  const response = await fetch(contender.url, { method: 'POST', headers: await contender.headers(body), body: body as Uint8Array<ArrayBuffer> });
  const text = await response.text();
  const after = await control(upstream, 'stats');
  await control(upstream, 'verify?on=0');
  if (response.status !== 200 || !text.includes('key1')) return `FAILED: ${response.status} ${text.slice(0, 200)}`;
  if (contender.signs && after.verified === before.verified) return 'FAILED: the upstream did not verify a signature';
  return contender.signs ? 'ok, SigV4 verified by the upstream' : 'ok (unsigned by design)';
}

/** One round of one cell: the load, the process's CPU time and its peak RSS during it. */
interface Round {
  sample: LoadSample;
  peakRss: number | undefined;
  cpuMillis: number | undefined;
}

async function measure(contender: Contender, body: Buffer, connections: number, warmup: number): Promise<Round> {
  const headers = await contender.headers(body);
  const pid = contender.child?.pid;
  if (warmup > 0) await runLoad({ url: contender.url, body, headers, connections, seconds: warmup });
  const canReset = pid !== undefined && resetPeak(pid);
  const sampler = pid !== undefined ? sampleRss(pid, 100) : undefined;
  const cpuBefore = pid !== undefined ? cpuMillisOf(pid) : undefined;
  const sample = await runLoad({ url: contender.url, body, headers, connections, seconds: SECONDS });
  const cpuAfter = pid !== undefined ? cpuMillisOf(pid) : undefined;
  const samples = sampler?.stop() ?? [];
  const hwm = pid !== undefined && canReset ? memoryOf(pid)?.hwm : undefined;
  // Without /proc (not Linux) there are no readings: report none rather than zero.
  const readings = hwm !== undefined ? [hwm, ...samples] : samples;
  const peakRss = readings.length > 0 ? Math.max(...readings) : undefined;
  const cpuMillis = cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - cpuBefore : undefined;
  return { sample, peakRss, cpuMillis };
}

/** Rounds of one cell as one table row. CPU per request is steadier than req/s on a shared machine: it does not depend on who else got the cores. */
function cellOf(contender: string, body: string, connections: number, rounds: Round[]): Cell {
  const load = summarize(rounds.map((r) => r.sample));
  const peaks = rounds.flatMap((r) => (r.peakRss === undefined ? [] : [r.peakRss]));
  const cpu = rounds.every((r) => r.cpuMillis !== undefined) ? rounds.reduce((sum, r) => sum + r.cpuMillis!, 0) : undefined;
  return {
    contender,
    body,
    connections,
    ...load,
    peakRss: peaks.length > 0 ? Math.max(...peaks) : undefined,
    cpuPerRequest: cpu !== undefined && load.total > 0 ? (cpu * 1000) / load.total : undefined,
  };
}

/**
 * A fresh gateway process under a steady 64-connection, 100 B load for SOAK
 * seconds: peak RSS, and RSS at the start vs the end (growth = a leak). Fresh,
 * so that the 1 MB cells before it do not set its baseline.
 */
async function soak(serve: GatewayProcessOptions): Promise<BenchReport['soak']> {
  const child = await startGateway('gateway-soak', serve);
  try {
    const body = ALL_BODIES[0]!.body;
    const url = `${child.url}${PROXY_PATH}`;
    const headers = await jsonHeaders();
    const sampler = sampleRss(child.pid, 1_000);
    const load = summarize([await runLoad({ url, body, headers, connections: 64, seconds: SOAK })]);
    const samples = sampler.stop();
    // Skip the first 5 s (pools, JIT and the young generation settle), then compare the first and last 10 s.
    const settled = samples.slice(5);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
    const start = mean(settled.slice(0, 10));
    const end = mean(settled.slice(-10));
    if (settled.length < 20) return undefined;
    return {
      seconds: SOAK,
      contender: 'gateway',
      requestsPerSecond: load.requestsPerSecond,
      errors: load.errors,
      startRss: start,
      endRss: end,
      peakRss: Math.max(...samples),
      growth: end / start - 1,
    };
  } finally {
    await child.stop();
  }
}

/**
 * RSS at rest, before any load: `node` alone (the floor), a fresh compiled
 * `lambda-gateway serve` (passthrough, no request yet; the production figure),
 * and each contender just started. Shows how much of a peak is the floor.
 */
async function measureIdleRss(contenders: Contender[], serve: GatewayProcessOptions | undefined): Promise<Record<string, number>> {
  const floors = [await startChild('node', './idle.mjs', [], { tsx: false })];
  if (serve) floors.push(await startGateway(SERVE_AT_REST, serve));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const idle: Record<string, number> = {};
  try {
    for (const child of floors) idle[child.name] = memoryOf(child.pid)?.rss ?? NaN;
    for (const contender of contenders) if (contender.child) idle[contender.id] = memoryOf(contender.child.pid)?.rss ?? NaN;
  } finally {
    await Promise.all(floors.map((child) => child.stop()));
  }
  return idle;
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  mkdirSync(OUT_DIR, { recursive: true });
  const profileDir = OPTIONS.profile ? join(OUT_DIR, 'profiles') : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });

  const anyGateway = GATEWAY_IDS.some(selected);
  if (anyGateway) ensureGatewayBuilt();
  const configDir = mkdtempSync(join(tmpdir(), 'lambda-gateway-bench-'));
  const children: Child[] = [];
  const contenders: Contender[] = [];
  try {
    const upstreamChild = await startChild('upstream', './upstream.ts', []);
    children.push(upstreamChild);
    const upstream = upstreamChild.url;
    const configs = writeGatewayConfigs(configDir, upstream);
    /** A plain `serve` (no profiler: it would slow the start-up and inflate the memory at rest). */
    const plainServe: GatewayProcessOptions = {
      configFile: configs.passthrough,
      upstream,
      nodeOptions: [...IMAGE.nodeOptions, ...NODE_OPTIONS],
      env: IMAGE.env,
    };
    const add = (id: ContenderId, label: string, child: Child, signs: boolean) => {
      children.push(child);
      contenders.push({ id, label, child, url: `${child.url}${PROXY_PATH}`, headers: jsonHeaders, signs });
    };
    const script = async (id: ContenderId, label: string, file: string, signs: boolean) => {
      if (selected(id)) add(id, label, await startChild(id, file, ['--upstream', upstream], { nodeOptions: NODE_OPTIONS }), signs);
    };
    const gateway = async (id: ContenderId, label: string, mode: GatewayMode, serveArgs: string[] = [], imageFlags = true) => {
      const image = imageFlags ? IMAGE : NO_IMAGE_SETTINGS;
      const nodeOptions = [...image.nodeOptions, ...NODE_OPTIONS];
      if (selected(id))
        add(
          id,
          label,
          await startGateway(id, { configFile: configs[mode], upstream, cpuProfileDir: profileDir, nodeOptions, env: image.env, serveArgs }),
          true,
        );
    };
    if (selected('direct')) {
      contenders.push({
        id: 'direct',
        label: 'direct (pre-signed, no proxy)',
        child: undefined,
        url: `${upstream}${INVOKE_PATH}`,
        headers: (body) => presignedHeaders(upstream, body),
        signs: true,
      });
    }
    const nginx = selected('nginx') ? findNginx() : undefined;
    if (nginx) add('nginx', 'nginx (C reference, 1 worker)', await startNginx(nginx, join(configDir, 'nginx'), upstream), false);
    else if (selected('nginx')) console.error('nginx: skipped (no nginx binary; apt-get install nginx to include the C reference)');
    await script('bare', 'bare proxy (node:http in, undici Pool out)', './bare-undici.ts', false);
    await script('bare-node-http', 'bare proxy (node:http in and out)', './bare-node-http.ts', false);
    await script('hand-written', 'hand-written (Express + SDK)', './hand-written.ts', true);
    await gateway('gateway', 'gateway (Node), passthrough', 'passthrough');
    await gateway('gateway-apigw-v2', 'gateway (Node), API GW v2', 'apigateway-v2');
    await gateway('gateway-assume-role', 'gateway (Node), role-chained', 'assume-role');
    // The cost of the Prometheus metrics: `gateway` minus this one.
    await gateway('gateway-no-metrics', 'gateway (Node), passthrough, --no-metrics', 'passthrough', ['--no-metrics']);
    // What the image's Node flags change (memory, CPU): `gateway` without them.
    await gateway('gateway-node-defaults', "gateway (Node), passthrough, Node's default flags", 'passthrough', [], false);

    const idleRss = await measureIdleRss(contenders, anyGateway ? plainServe : undefined);
    const startup = anyGateway ? await measureStartup(plainServe, ALL_BODIES[0]!.body, STARTUP_RUNS) : undefined;
    if (startup) console.error(`start-up to first answer: ${startup.runs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    const smokes: Record<string, string> = {};
    for (const contender of contenders) {
      smokes[contender.id] = await smoke(contender, upstream);
      console.error(`smoke ${contender.id}: ${smokes[contender.id]}`);
    }
    const runnable = contenders.filter((c) => !smokes[c.id]!.startsWith('FAILED'));

    const stsBefore = (await control(upstream, 'stats')).assumeRole as number;
    const cells: Cell[] = [];
    for (const { label: bodyLabel, body } of BODIES) {
      const rounds = bodyLabel === '100 B' ? 2 : 1;
      for (const connections of CONNECTIONS.filter((c) => runsCell(bodyLabel, c))) {
        const byContender = new Map<string, Round[]>(runnable.map((c) => [c.id, []]));
        for (let round = 0; round < rounds; round++) {
          for (const contender of round % 2 === 0 ? runnable : [...runnable].reverse()) {
            byContender.get(contender.id)!.push(await measure(contender, body, connections, round === 0 ? WARMUP : 0));
          }
        }
        for (const contender of runnable) {
          const cell = cellOf(contender.id, bodyLabel, connections, byContender.get(contender.id)!);
          cells.push(cell);
          console.error(
            `${contender.id.padEnd(22)} ${bodyLabel.padStart(5)} ${String(connections).padStart(3)}c  ${cell.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${cell.p50.toFixed(2)} ms  CPU ${cell.cpuPerRequest?.toFixed(0) ?? '—'} µs/req  errors ${cell.errors}`,
          );
        }
      }
    }
    const floorBody = BODIES.find((b) => b.label === '1 MB')?.body;
    const hashFloor = floorBody ? measureHashFloor(floorBody) : undefined;
    if (hashFloor)
      console.error(
        `1 MB floor: SHA-256 ${hashFloor.sha256.toFixed(0)} µs, base64 ${hashFloor.base64.toFixed(0)} µs, SHA-256 of the base64 ${hashFloor.sha256OfBase64.toFixed(0)} µs`,
      );
    const stats = await control(upstream, 'stats');
    const soakResult = SOAK > 0 && runnable.some((c) => c.id === 'gateway') ? await soak({ ...plainServe, cpuProfileDir: profileDir }) : undefined;

    const report: BenchReport = {
      date: new Date().toISOString(),
      machine: machineInfo(),
      settings: {
        secondsPerRound: SECONDS,
        roundsFor100B: 2,
        warmupSeconds: WARMUP,
        soakSeconds: SOAK,
        upstreamSignatureCheck: 'off under load (each signer verified once beforehand)',
        gatewayProcess: `${describeImageEnv(IMAGE)} node ${IMAGE.nodeOptions.join(' ')} packages/gateway/bin/lambda-gateway.mjs serve (compiled dist/, no tsx; the image's settings from deploy/Dockerfile, except gateway-node-defaults)`,
        gatewayLogLevel: 'info (access logs on, stdout to a file emptied every second, as a container runtime writes it)',
        proxyNodeOptions: NODE_OPTIONS.join(' ') || 'none',
        nginx: !selected('nginx') ? 'not selected' : nginx ? `${nginx}, worker_processes 1, upstream keepalive` : 'skipped: no nginx binary',
      },
      contenders: contenders.map((c) => ({ id: c.id, label: c.label, status: smokes[c.id]! })),
      cells,
      soak: soakResult,
      startup,
      hashFloor,
      idleRss,
      upstream: {
        invocations: stats.invocations as number,
        stsAssumeRoleCallsDuringLoad: (stats.assumeRole as number) - stsBefore,
        stsAssumeRoleCallsTotal: stats.assumeRole as number,
      },
      wallSeconds: (Date.now() - startedAt) / 1000,
    };
    const { text, ratios } = formatReport(report);
    report.ratios = ratios;
    writeFileSync(join(OUT_DIR, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(text);
    console.log(`\n(${report.wallSeconds.toFixed(0)} s; JSON in bench-results/latest.json${profileDir ? `; CPU profiles in ${profileDir}` : ''})`);
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    rmSync(configDir, { recursive: true, force: true });
  }
}

await main();
// Response streaming (scripts/bench/streaming.ts, runnable alone), once the contenders have stopped; BENCH_STREAMING=0 skips it.
if (process.env.BENCH_STREAMING !== '0')
  await (await import('./streaming.ts')).runStreamingBench({ requests: 100, megabytes: 50, runs: 3 }, (line) => console.log(`streaming: ${line}`));
