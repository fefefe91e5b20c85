import type { LoadResult } from './load.ts';
import type { machineInfo } from './machine.ts';
import type { HashFloor } from './floor.ts';
import type { StartupResult } from './startup.ts';
import { targetRatios } from './targets.ts';

/** One contender under one load: body size × connections. */
export interface Cell extends LoadResult {
  contender: string;
  body: string;
  connections: number;
  /** Bytes; undefined for `direct` (no proxy process). */
  peakRss: number | undefined;
  /** The proxy process's CPU time (user + system) per request, µs; undefined for `direct`. */
  cpuPerRequest: number | undefined;
}

export interface Ratio {
  name: string;
  value: number | undefined;
  target: string;
  met: boolean | undefined;
}

export interface BenchReport {
  date: string;
  machine: ReturnType<typeof machineInfo>;
  settings: Record<string, string | number>;
  contenders: Array<{ id: string; label: string; status: string }>;
  cells: Cell[];
  soak:
    | { seconds: number; contender: string; requestsPerSecond: number; errors: number; startRss: number; endRss: number; peakRss: number; growth: number }
    | undefined;
  /** Fresh `serve` processes, spawn to first 200; undefined when no gateway contender ran. */
  startup: StartupResult | undefined;
  /** The 1 MB body's SHA-256 and base64 alone, µs; undefined when no 1 MB cell ran. */
  hashFloor?: HashFloor | undefined;
  upstream: { invocations: number; stsAssumeRoleCallsDuringLoad: number; stsAssumeRoleCallsTotal: number };
  /** Bytes, at rest: `node`, a fresh compiled `serve` (SERVE_AT_REST), and each contender before its first request. */
  idleRss: Record<string, number>;
  wallSeconds: number;
  ratios?: Ratio[];
}

const MB = 1024 * 1024;
/** The idle-RSS entry of a fresh compiled `lambda-gateway serve` (passthrough, no request yet). */
export const SERVE_AT_REST = 'lambda-gateway serve';

/** The markdown table (pasted as-is into the README) and the ratios against the targets. */
export function formatReport(report: BenchReport): { text: string; ratios: Ratio[] } {
  const find = (contender: string, body: string, connections: number) =>
    report.cells.find((c) => c.contender === contender && c.body === body && c.connections === connections);
  const label = new Map(report.contenders.map((c) => [c.id, c.label]));

  const lines = [
    `Machine: ${report.machine.cpus} CPUs (${report.machine.cpuModel}), Node ${report.machine.node}, load average at start ${report.machine.loadAverageAtStart.join(' / ')}. ${report.date.slice(0, 16).replace('T', ' ')} UTC.`,
    `Each cell: ${report.settings.warmupSeconds} s warm-up, then ${report.settings.secondsPerRound} s measured with autocannon (100 B cells: two such rounds, the second in reverse order, pooled). Upstream signature check: ${report.settings.upstreamSignatureCheck}. Gateways: ${report.settings.gatewayProcess}. Gateway logs: ${report.settings.gatewayLogLevel}. Extra Node flags for the proxies: ${report.settings.proxyNodeOptions}. nginx: ${report.settings.nginx}.`,
    ...(report.hashFloor
      ? [
          `1 MB floor, measured alone in the bench process: SHA-256 ${report.hashFloor.sha256.toFixed(0)} µs, base64 ${report.hashFloor.base64.toFixed(0)} µs, SHA-256 of the base64 text ${report.hashFloor.sha256OfBase64.toFixed(0)} µs.`,
        ]
      : []),
    '',
    '| body | conns | contender | req/s | p50 ms | p99 ms | max ms | errors | peak RSS MB | CPU µs/req |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const cell of report.cells) {
    lines.push(
      `| ${cell.body} | ${cell.connections} | ${label.get(cell.contender)} | ${cell.requestsPerSecond.toFixed(0)} | ${cell.p50.toFixed(2)} | ${cell.p99.toFixed(2)} | ${cell.max.toFixed(1)} | ${cell.errors} | ${cell.peakRss === undefined ? '—' : (cell.peakRss / MB).toFixed(0)} | ${cell.cpuPerRequest === undefined ? '—' : cell.cpuPerRequest.toFixed(0)} |`,
    );
  }
  for (const contender of report.contenders) {
    if (contender.status.startsWith('FAILED')) lines.push(`| all | — | ${contender.label} | ${contender.status} | | | | | | |`);
  }

  const ratios: Ratio[] = [];
  if (report.startup) {
    const { min, median, max, runs } = report.startup;
    const about = `median of ${runs.length} fresh processes; min ${min.toFixed(0)} / median ${median.toFixed(0)} / max ${max.toFixed(0)} ms`;
    ratios.push({
      name: `lambda-gateway serve: start-up to first answered request, spawn to 200 (${about}) (s)`,
      value: median / 1000,
      target: '≤ 0.3 s',
      met: median <= 300,
    });
  }
  const serveAtRest = report.idleRss[SERVE_AT_REST];
  if (serveAtRest !== undefined) {
    ratios.push({
      name: 'lambda-gateway serve: RSS at rest, passthrough, before its first request (MB)',
      value: serveAtRest / MB,
      target: '≤ 60 MB',
      met: serveAtRest / MB <= 60,
    });
  }
  ratios.push(...targetRatios(report, find, (id) => label.get(id) ?? id));
  for (const connections of [1, 64]) {
    // CPU per request pooled over the alternating rounds: steadier than req/s on a shared machine.
    const withMetrics = find('gateway', '100 B', connections)?.cpuPerRequest;
    const withoutMetrics = find('gateway-no-metrics', '100 B', connections)?.cpuPerRequest;
    if (withMetrics === undefined || withoutMetrics === undefined || withoutMetrics === 0) continue;
    const cost = ((withMetrics - withoutMetrics) / withoutMetrics) * 100;
    ratios.push({
      name: `gateway: Prometheus metrics cost, CPU µs/req ${withMetrics.toFixed(0)} vs ${withoutMetrics.toFixed(0)} with --no-metrics, 100 B, ${connections} conns (%)`,
      value: cost,
      target: '< 5 %',
      met: cost < 5,
    });
  }

  const idle = Object.entries(report.idleRss).map(([name, bytes]) => `${label.get(name) ?? name} ${(bytes / MB).toFixed(0)}`);
  lines.push('', `RSS at rest, MB: ${idle.join(', ')}.`);

  lines.push('', '| measure | value | target | met |', '|---|---:|---|---|');
  for (const r of ratios) {
    lines.push(`| ${r.name} | ${r.value === undefined ? 'n/a' : r.value.toFixed(2)} | ${r.target} | ${r.met === undefined ? '' : r.met ? 'yes' : 'NO'} |`);
  }
  return { text: lines.join('\n'), ratios };
}
