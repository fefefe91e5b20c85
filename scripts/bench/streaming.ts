/**
 * Response streaming bench: time to first byte through the gateway vs directly at one
 * connection, and a 50 MB streamed response (throughput vs direct, gateway RSS growth).
 *
 *   npx tsx scripts/bench/streaming.ts [--requests 100] [--megabytes 50] [--runs 3] [--profile DIR]
 *
 * `--profile DIR` runs the gateway with `--cpu-prof` (read with scripts/bench/profile-top.ts);
 * The gateway runs with the container image's NODE_OPTIONS (deploy/Dockerfile), as production
 * does; `--gateway-node-options=…` replaces them (`--gateway-node-options=` for Node's defaults).
 *
 * Upstream: the local AWS (in this process) serving InvokeWithResponseStream for the
 * `stream.mjs` fixture; "direct" is this process calling it signed, reading the raw
 * event-stream body; "gateway" is the compiled `serve` (a child process) with a
 * ResponseStream backend, read as plain HTTP. Both paths include the local AWS's own
 * cost, so the ratio is the gateway's share. Targets: TTFB added ≤ 1 ms, throughput
 * ≥ 0.8 × direct, gateway RSS growth ≤ 20 MB.
 */
import { AwsV4Signer } from 'aws4fetch';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startLocalAws } from '../../packages/local-aws/src/index.ts';
import { type Child, startChild } from './child.ts';
import { BASE_KEYS, REGION } from './common.ts';
import { ensureGatewayBuilt } from './gateway-build.ts';
import { startGateway } from './gateway-process.ts';
import { imageSettings } from './image-settings.ts';
import { cpuMillisOf, memoryOf, sampleRss } from './process-stats.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const ACCOUNT = '222222222222';
const FUNCTION_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:bench-stream`;
const STREAM_PATH = `/2021-11-15/functions/${encodeURIComponent(FUNCTION_ARN)}/response-streaming-invocations`;

export interface StreamingBenchResult {
  ttfb: {
    directMedianMs: number;
    gatewayMedianMs: number;
    addedMs: number;
    directP90Ms: number;
    gatewayP90Ms: number;
    bareProxyMedianMs: number;
    gatewayCpuUsPerRequest: number;
  };
  bulk: {
    megabytes: number;
    directMBps: number;
    gatewayMBps: number;
    ratio: number;
    gatewayRssGrowthMB: number;
    bareProxyMBps: number;
    gatewayCpuMsPerMB: number;
  };
}

function scenarioYaml(): string {
  return `defaultRegion: ${REGION}
functionsDir: ${JSON.stringify(join(ROOT, 'packages/local-aws/fixtures/functions'))}
accounts:
  "${ACCOUNT}":
    users:
      bench:
        accessKeys: [{ accessKeyId: ${BASE_KEYS.accessKeyId}, secretAccessKey: ${BASE_KEYS.secretAccessKey} }]
        policies: [{ Version: "2012-10-17", Statement: [{ Effect: Allow, Action: lambda:InvokeFunction, Resource: "*" }] }]
    functions:
      bench-stream: { handler: stream.mjs, timeoutSeconds: 120 }
`;
}

function gatewayYaml(endpoint: string): string {
  return `backends:
  stream:
    region: ${REGION}
    accountId: "${ACCOUNT}"
    functionName: bench-stream
    invocationMode: ResponseStream
    endpointURL: ${endpoint}
routes:
  - { matches: [{ path: { type: Exact, value: /stream } }], backend: stream }
`;
}

interface Timed {
  ttfbMs: number;
  totalMs: number;
  bytes: number;
}

/** One POST over `agent`: time to the first body byte and to the end, bytes received. */
function timedPost(url: string, headers: Record<string, string>, body: string, agent: Agent): Promise<Timed> {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    let first: bigint | undefined;
    let bytes = 0;
    const req = request(url, { method: 'POST', headers, agent }, (res) => {
      res.on('data', (chunk: Buffer) => {
        first ??= process.hrtime.bigint();
        bytes += chunk.length;
      });
      res.on('end', () => {
        const end = process.hrtime.bigint();
        if (res.statusCode !== 200) reject(new Error(`${url}: status ${res.statusCode}`));
        resolvePromise({ ttfbMs: Number((first ?? end) - started) / 1e6, totalMs: Number(end - started) / 1e6, bytes });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function signedHeaders(url: string, body: string): Promise<Record<string, string>> {
  const signer = new AwsV4Signer({
    url,
    method: 'POST',
    body,
    service: 'lambda',
    region: REGION,
    ...BASE_KEYS,
    headers: { 'content-type': 'application/json' },
  });
  const signed = await signer.sign();
  return Object.fromEntries(signed.headers);
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

/** Runs the streaming bench; `log` gets progress lines. */
export async function runStreamingBench(
  options: { requests: number; megabytes: number; runs: number; cpuProfileDir?: string | undefined; gatewayNodeOptions?: string[] },
  log = console.log,
): Promise<StreamingBenchResult> {
  ensureGatewayBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'lambda-gateway-bench-stream-'));
  writeFileSync(join(dir, 'scenario.yaml'), scenarioYaml());
  // Lambda's 2 MB/s cap past the first 6 MB is off: the bench measures the gateway, not the cap.
  const aws = await startLocalAws({ scenario: join(dir, 'scenario.yaml'), streaming: { cappedBytesPerSecond: Number.POSITIVE_INFINITY } });
  writeFileSync(join(dir, 'gateway.yaml'), gatewayYaml(aws.url));
  let gateway: Child | undefined;
  let bare: Child | undefined;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const image = imageSettings();
    gateway = await startGateway('gateway', {
      configFile: join(dir, 'gateway.yaml'),
      upstream: aws.url,
      cpuProfileDir: options.cpuProfileDir,
      nodeOptions: options.gatewayNodeOptions ?? image.nodeOptions,
      env: image.env,
      // No readiness drain at the end: stopProcess forces an exit after 5 s, before `--cpu-prof` could write.
      serveArgs: ['--drain-delay', '0'],
    });
    const directUrl = `${aws.url}${STREAM_PATH}`;
    const gatewayUrl = `${gateway.url}/stream`;
    // A third series for scale: a plain node:http proxy piping the same signed request and the raw
    // event stream (no decoding, signing or logging): the cost of one more hop on this machine.
    bare = await startChild('bare-node-http', './bare-node-http.ts', ['--upstream', aws.url, '--path', STREAM_PATH]);
    const bareUrl = `${bare.url}${STREAM_PATH}`;
    const viaBare = async (body: string) => timedPost(bareUrl, await signedHeaders(directUrl, body), body, agent);
    const direct = async (body: string) => timedPost(directUrl, await signedHeaders(directUrl, body), body, agent);
    const viaGateway = (body: string) => timedPost(gatewayUrl, { 'content-type': 'application/json' }, body, agent);

    const small = JSON.stringify({ chunks: ['x'] });
    for (let i = 0; i < 20; i++) {
      await direct(small);
      await viaGateway(small);
      await viaBare(small);
    }
    const directTtfb: number[] = [];
    const gatewayTtfb: number[] = [];
    const bareTtfb: number[] = [];
    // The gateway's own CPU time per request: unlike wall-clock figures, barely moved by other load on the machine.
    const cpuAtStart = cpuMillisOf(gateway.pid) ?? 0;
    // Interleaved, so that machine load shifts both series alike.
    for (let i = 0; i < options.requests; i++) {
      directTtfb.push((await direct(small)).ttfbMs);
      gatewayTtfb.push((await viaGateway(small)).ttfbMs);
      bareTtfb.push((await viaBare(small)).ttfbMs);
    }
    // The gateway is idle during the direct and bare calls: its CPU time over the loop is its share.
    const gatewayCpuMs = (cpuMillisOf(gateway.pid) ?? 0) - cpuAtStart;
    const ttfb = {
      directMedianMs: percentile(directTtfb, 0.5),
      gatewayMedianMs: percentile(gatewayTtfb, 0.5),
      addedMs: percentile(gatewayTtfb, 0.5) - percentile(directTtfb, 0.5),
      directP90Ms: percentile(directTtfb, 0.9),
      gatewayP90Ms: percentile(gatewayTtfb, 0.9),
      bareProxyMedianMs: percentile(bareTtfb, 0.5),
      gatewayCpuUsPerRequest: (gatewayCpuMs * 1000) / options.requests,
    };
    log(
      `TTFB at 1 connection (${options.requests} requests): direct ${ttfb.directMedianMs.toFixed(2)} ms, gateway ${ttfb.gatewayMedianMs.toFixed(2)} ms (median; +${ttfb.addedMs.toFixed(2)} ms); bare node:http proxy ${ttfb.bareProxyMedianMs.toFixed(2)} ms; gateway CPU ${ttfb.gatewayCpuUsPerRequest.toFixed(0)} µs/request`,
    );

    const bulkBody = JSON.stringify({ binaryBytes: options.megabytes * 1024 * 1024 });
    let directBest = 0;
    let gatewayBest = 0;
    let bareBest = 0;
    let growth = 0;
    let cpuBest = Number.POSITIVE_INFINITY;
    for (let run = 0; run < options.runs; run++) {
      const d = await direct(bulkBody);
      directBest = Math.max(directBest, d.bytes / 1024 / 1024 / (d.totalMs / 1000));
      const before = memoryOf(gateway.pid)?.rss ?? 0;
      const samples = sampleRss(gateway.pid, 20);
      const cpuBefore = cpuMillisOf(gateway.pid) ?? 0;
      const g = await viaGateway(bulkBody);
      cpuBest = Math.min(cpuBest, (cpuMillisOf(gateway.pid) ?? 0) - cpuBefore);
      const peak = Math.max(...samples.stop());
      if (g.bytes !== options.megabytes * 1024 * 1024) throw new Error(`gateway sent ${g.bytes} bytes, expected ${options.megabytes} MB`);
      gatewayBest = Math.max(gatewayBest, g.bytes / 1024 / 1024 / (g.totalMs / 1000));
      growth = Math.max(growth, (peak - before) / 1024 / 1024);
      const b = await viaBare(bulkBody);
      bareBest = Math.max(bareBest, b.bytes / 1024 / 1024 / (b.totalMs / 1000));
    }
    const bulk = {
      megabytes: options.megabytes,
      directMBps: directBest,
      gatewayMBps: gatewayBest,
      ratio: gatewayBest / directBest,
      gatewayRssGrowthMB: growth,
      bareProxyMBps: bareBest,
      gatewayCpuMsPerMB: cpuBest / options.megabytes,
    };
    log(
      `${options.megabytes} MB stream (best of ${options.runs}): direct ${directBest.toFixed(0)} MB/s, gateway ${gatewayBest.toFixed(0)} MB/s (${bulk.ratio.toFixed(2)}×), gateway RSS growth ${growth.toFixed(1)} MB; bare node:http proxy ${bareBest.toFixed(0)} MB/s; gateway CPU ${bulk.gatewayCpuMsPerMB.toFixed(2)} ms/MB`,
    );
    return { ttfb, bulk };
  } finally {
    agent.destroy();
    await gateway?.stop();
    await bare?.stop();
    await aws.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string' },
      megabytes: { type: 'string' },
      runs: { type: 'string' },
      profile: { type: 'string' },
      'gateway-node-options': { type: 'string' },
    },
  });
  const result = await runStreamingBench({
    requests: Number(values.requests ?? 100),
    megabytes: Number(values.megabytes ?? 50),
    runs: Number(values.runs ?? 3),
    cpuProfileDir: values.profile ? resolve(values.profile) : undefined,
    gatewayNodeOptions: values['gateway-node-options']?.split(' ').filter(Boolean),
  });
  const ok = result.ttfb.addedMs <= 1 && result.bulk.ratio >= 0.8 && result.bulk.gatewayRssGrowthMB <= 20;
  console.log(`targets (TTFB +≤1 ms, ≥0.8× throughput, RSS growth ≤20 MB): ${ok ? 'met' : 'NOT met'}`);
}
