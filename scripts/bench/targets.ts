import type { BenchReport, Cell, Ratio } from './report.ts';

const MB = 1024 * 1024;
const GATEWAYS = ['gateway', 'gateway-apigw-v2', 'gateway-assume-role'];
/** The baseline every ratio is taken against: node:http in, undici Pool out (bare-undici.ts). */
const BARE = 'bare';

type Find = (contender: string, body: string, connections: number) => Cell | undefined;

const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? undefined : a / b);
const atLeast = (value: number | undefined, bound: number) => (value === undefined ? undefined : value >= bound);
const atMost = (value: number | undefined, bound: number) => (value === undefined ? undefined : value <= bound);

/**
 * The targets (performance, round two) as rows: ratios against the
 * undici bare proxy from this one run, access logs and metrics at their
 * defaults. Rows without a target (—) are context: the end goals (0.9 × and
 * 1.15 ×), nginx, the node:http bare proxy, the 1 MB CPU as a multiple of the
 * hashing floor.
 */
export function targetRatios(report: BenchReport, find: Find, label: (id: string) => string): Ratio[] {
  const ratios: Ratio[] = [];
  // A cell that did not run (--only, --body, --conns) leaves no row rather than an n/a.
  const push = (name: string, value: number | undefined, target: string, met: boolean | undefined) => {
    if (value !== undefined) ratios.push({ name, value, target, met });
  };
  const rps = (id: string, body: string, conns: number) => find(id, body, conns)?.requestsPerSecond;
  const cpu = (id: string, body: string, conns: number) => find(id, body, conns)?.cpuPerRequest;

  for (const id of GATEWAYS) {
    if (!find(id, '100 B', 64) && !find(id, '1 MB', 64)) continue;
    const name = label(id);
    const envelope = id === 'gateway-apigw-v2';
    const throughput = ratio(rps(id, '100 B', 64), rps(BARE, '100 B', 64));
    const bound = envelope ? 0.6 : 0.7;
    push(`${name}: throughput ÷ bare proxy, 64 conns, 100 B (end goal 0.9)`, throughput, `≥ ${bound}`, atLeast(throughput, bound));
    const cpuRatio = ratio(cpu(id, '100 B', 64), cpu(BARE, '100 B', 64));
    push(
      `${name}: CPU per request ÷ bare proxy's, 64 conns, 100 B (end goal 1.15)`,
      cpuRatio,
      envelope ? '—' : '≤ 1.4',
      envelope ? undefined : atMost(cpuRatio, 1.4),
    );
    const toNginx = ratio(rps(id, '100 B', 64), rps('nginx', '100 B', 64));
    if (toNginx !== undefined) push(`${name}: throughput ÷ nginx, 64 conns, 100 B`, toNginx, '—', undefined);
    const toHand = ratio(rps(id, '100 B', 64), rps('hand-written', '100 B', 64));
    if (toHand !== undefined) push(`${name}: throughput ÷ hand-written, 64 conns, 100 B`, toHand, '—', undefined);

    for (const conns of [1, 64]) {
      const large = ratio(rps(id, '1 MB', conns), rps(BARE, '1 MB', conns));
      const largeBound = envelope ? 0.6 : 0.8;
      const targeted = conns === 64;
      push(
        `${name}: throughput ÷ bare proxy, ${conns} conn${conns > 1 ? 's' : ''}, 1 MB`,
        large,
        targeted ? `≥ ${largeBound}` : '—',
        targeted ? atLeast(large, largeBound) : undefined,
      );
      const floor = report.hashFloor ? (envelope ? report.hashFloor.envelope : report.hashFloor.passthrough) : undefined;
      const multiple = ratio(cpu(id, '1 MB', conns), floor);
      if (multiple !== undefined)
        push(
          `${name}: CPU per request ÷ the ${envelope ? 'base64 + SHA-256' : 'SHA-256'} floor (${floor!.toFixed(0)} µs), ${conns} conn${conns > 1 ? 's' : ''}, 1 MB`,
          multiple,
          '—',
          undefined,
        );
    }
    const gw1 = find(id, '1 MB', 1);
    const bare1 = find(BARE, '1 MB', 1);
    if (gw1 && bare1 && report.hashFloor) {
      // The body is read whole and then hashed: if hashing overlapped the read, the added p50 would be below the hash time.
      const added = gw1.p50 - bare1.p50;
      const hashMs = (envelope ? report.hashFloor.envelope : report.hashFloor.passthrough) / 1000;
      push(`${name}: added p50 at 1 conn, 1 MB, ÷ the floor's time (≥ 1: hashing does not overlap reading the body)`, added / hashMs, '—', undefined);
    }

    const added = (() => {
      const gw = find(id, '100 B', 1);
      const bare = find(BARE, '100 B', 1);
      return gw && bare ? gw.p50 - bare.p50 : undefined;
    })();
    push(`${name}: added p50 over the bare proxy, 1 conn, 100 B (ms)`, added, '≤ 0.1 ms', atMost(added, 0.1));
    const peak64 = find(id, '100 B', 64)?.peakRss;
    push(
      `${name}: peak RSS, 64 conns, 100 B (MB)`,
      peak64 === undefined ? undefined : peak64 / MB,
      '≤ 100 MB',
      atMost(peak64 === undefined ? undefined : peak64 / MB, 100),
    );
    const peak512 = find(id, '100 B', 512)?.peakRss;
    if (peak512 !== undefined) push(`${name}: peak RSS, 512 conns, 100 B (MB)`, peak512 / MB, '≤ 150 MB', atMost(peak512 / MB, 150));
    const peakLarge = Math.max(...report.cells.filter((c) => c.contender === id && c.body === '1 MB').map((c) => c.peakRss ?? 0));
    if (peakLarge > 0) push(`${name}: peak RSS in the 1 MB cells, up to 64 × 1 MB in flight (MB)`, peakLarge / MB, '—', undefined);
  }
  for (const other of ['bare-node-http', 'nginx']) {
    const rel = ratio(rps(other, '100 B', 64), rps(BARE, '100 B', 64));
    if (rel !== undefined) push(`${label(other)}: throughput ÷ bare proxy (undici), 64 conns, 100 B`, rel, '—', undefined);
    const relCpu = ratio(cpu(other, '100 B', 64), cpu(BARE, '100 B', 64));
    if (relCpu !== undefined) push(`${label(other)}: CPU per request ÷ bare proxy's (undici), 64 conns, 100 B`, relCpu, '—', undefined);
  }
  // The same peak RSS with Node's default flags (no image NODE_OPTIONS): what the flags buy.
  for (const conns of [64, 512]) {
    const peak = find('gateway-node-defaults', '100 B', conns)?.peakRss;
    if (peak !== undefined)
      push(
        `${label('gateway-node-defaults')}: peak RSS, ${conns} conns, 100 B (MB)`,
        peak / MB,
        conns === 64 ? '≤ 100 MB' : '≤ 150 MB',
        atMost(peak / MB, conns === 64 ? 100 : 150),
      );
    const relCpu = ratio(cpu('gateway-node-defaults', '100 B', conns), cpu('gateway', '100 B', conns));
    if (relCpu !== undefined)
      push(`${label('gateway-node-defaults')}: CPU per request ÷ the gateway's with the image's flags, ${conns} conns, 100 B`, relCpu, '—', undefined);
  }
  if (report.soak) {
    const soak = report.soak;
    const about = `fresh gateway process, ${soak.seconds} s at 64 conns, 100 B, ${soak.requestsPerSecond.toFixed(0)} req/s, ${soak.errors} errors`;
    push(`gateway: peak RSS under load (${about}) (MB)`, soak.peakRss / MB, '≤ 100 MB', soak.peakRss / MB <= 100);
    push(
      `gateway: RSS growth over that run (${(soak.startRss / MB).toFixed(0)} → ${(soak.endRss / MB).toFixed(0)} MB) (%)`,
      soak.growth * 100,
      '≤ 10 %',
      soak.growth <= 0.1,
    );
  }
  if (find('gateway-assume-role', '100 B', 64)) {
    const calls = report.upstream.stsAssumeRoleCallsDuringLoad;
    push('role-chained gateway: STS AssumeRole calls during the whole load', calls, '0 (credentials cached)', calls === 0);
  }
  return ratios;
}
