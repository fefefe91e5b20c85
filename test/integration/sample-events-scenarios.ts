import { connect } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../../packages/local-aws/src/index.ts';
import {
  SAMPLE_REQUESTS,
  SAMPLE_RESPONSES,
  WORKER_DIFFERENCES,
  compareWithSample,
  differingFields,
  expectedHttpResponse,
  loadSample,
  type HeaderLine,
  type SampleFormat,
  type SampleRequestCase,
} from '../../packages/gateway/src/payload/sample-events-test-support.ts';
import type { RunningGateway, RuntimeUnderTest } from '../support/runtimes.ts';

/*
 * The AWS sample events (packages/gateway/src/payload/testdata, from aws/aws-lambda-go
 * events/testdata) through a real server against the local AWS: each sample request is sent as
 * its client sent it (exact header lines over a socket), the function reports the event it got,
 * and the fields a gateway controls are compared with the sample; each sample result comes back
 * as the HTTP response the API Gateway docs describe.
 */

const SCENARIO = resolve(import.meta.dirname, '../fixtures/sample-events/scenario.yaml');
const CREDS = { accessKey: 'AKIASAMPLES000000001', secretKey: 'samplesSecretKey/000000000000000000000' };
const MODES: Record<SampleFormat, string> = { v1: 'apigateway-v1', v2: 'apigateway-v2' };

/** One catch-all route to the sample function in the format's envelope. */
function gatewayConfig(format: SampleFormat): string {
  return `
backends:
  samples: { region: us-east-1, accountId: "222222222222", functionName: sample-events, payloadMode: ${MODES[format]}, auth: { type: secret, name: creds } }
routes:
  - { name: all, matches: [{ path: { type: PathPrefix, value: / } }], backend: samples }
`;
}

interface RawResponse {
  status: number;
  /** Every header line, name lower-cased, in order. */
  lines: HeaderLine[];
  body: string;
}

/** Sends exactly these lines (and the body with its Content-Length) over a socket and reads the answer. */
function send(baseUrl: string, method: string, target: string, lines: readonly [string, string][], body?: string): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const bytes = Buffer.from(body ?? '', 'utf8');
  const head = [`${method} ${target} HTTP/1.1`, ...lines.map(([name, value]) => `${name}: ${value}`)];
  if (body !== undefined) head.push(`Content-Length: ${bytes.byteLength}`);
  head.push('Connection: close', '', '');
  return new Promise((done, fail) => {
    const socket = connect(Number(url.port), url.hostname);
    let received = Buffer.alloc(0);
    const finish = (response: RawResponse) => {
      socket.destroy();
      done(response);
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const response = completeResponse(received);
      if (response !== undefined) finish(response);
    });
    socket.on('error', fail);
    socket.on('end', () => fail(new Error(`connection closed before a complete response: ${received.toString('latin1')}`)));
    // write, not end: a half-closed socket is one the server may drop before it answers.
    socket.write(Buffer.concat([Buffer.from(head.join('\r\n'), 'latin1'), bytes]));
  });
}

/**
 * The response once `data` holds all of it (by Content-Length or the last chunk), else
 * undefined. Servers may keep the connection open despite `Connection: close` (miniflare does).
 */
function completeResponse(data: Buffer): RawResponse | undefined {
  const split = data.indexOf('\r\n\r\n');
  if (split === -1) return undefined;
  const [statusLine, ...headerLines] = data.subarray(0, split).toString('latin1').split('\r\n');
  const lines = headerLines.map((line): HeaderLine => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
  });
  const rest = data.subarray(split + 4);
  const header = (name: string) => lines.find(([n]) => n === name)?.[1];
  let body: Buffer | undefined;
  if (header('transfer-encoding')?.toLowerCase() === 'chunked') body = dechunk(rest);
  else {
    const length = Number(header('content-length') ?? 0);
    if (rest.length >= length) body = rest.subarray(0, length);
  }
  if (body === undefined) return undefined;
  return { status: Number(statusLine?.split(' ')[1]), lines, body: decoded(body, header('content-encoding')).toString('utf8') };
}

/** A sample that sends Accept-Encoding gets a compressed answer where the runtime compresses (workerd does). */
function decoded(body: Buffer, encoding: string | undefined): Buffer {
  if (encoding === 'gzip') return gunzipSync(body);
  if (encoding === 'deflate') return inflateSync(body);
  if (encoding === 'br') return brotliDecompressSync(body);
  return body;
}

/** The body of a complete chunked message, or undefined while the last chunk has not arrived. */
function dechunk(data: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = data.indexOf('\r\n', at);
    if (eol === -1) return undefined;
    const size = Number.parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (size === 0) return data.indexOf('\r\n', eol + 2) === -1 ? undefined : Buffer.concat(parts);
    if (data.length < eol + 2 + size + 2) return undefined;
    parts.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

/**
 * The sample fields that differ on a real server beyond the sample's own differences: the
 * source address is the loopback peer, and a worker sees only Headers (README "Runtimes").
 */
/** What workerd (miniflare) does beyond Headers-only (measured here; not in the in-process test). */
const WORKERD_DIFFERENCES: Record<string, Record<string, string>> = {
  'apigw-v2-request-no-authorizer.json': {
    headers: 'workerd adds cf-connecting-ip and accept-encoding "br, gzip" to the request it hands the worker',
  },
  'lambda-urls-request.json': {
    cookies: 'workerd joins two Cookie lines with ", " (undici with "; "), so cookies[] gets one "cookie1, cookie2" entry',
  },
};

function runtimeDifferences(runtime: RuntimeUnderTest, testCase: SampleRequestCase): Record<string, string> {
  const sourceIp = testCase.format === 'v1' ? 'requestContext.identity.sourceIp' : 'requestContext.http.sourceIp';
  return {
    [sourceIp]: 'the client is on loopback here',
    ...(runtime.name === 'worker' ? { ...WORKER_DIFFERENCES[testCase.file], ...WORKERD_DIFFERENCES[testCase.file] } : {}),
  };
}

export function describeSampleEventScenarios(runtime: RuntimeUnderTest): void {
  let aws: LocalAws;
  const gateways = new Map<SampleFormat, RunningGateway>();

  beforeAll(async () => {
    aws = await startLocalAws({ scenario: SCENARIO });
    for (const format of ['v1', 'v2'] as const) {
      gateways.set(format, await runtime.start({ aws, config: gatewayConfig(format), secrets: { creds: CREDS } }));
    }
  }, 60_000);

  afterAll(async () => {
    for (const gateway of gateways.values()) await gateway.close();
    await aws?.close();
  });

  describe(`sample request events (${runtime.name})`, () => {
    it.each(SAMPLE_REQUESTS.map((testCase) => ({ name: testCase.file, testCase })))('$name', async ({ testCase }) => {
      const gateway = gateways.get(testCase.format)!;
      const response = await send(gateway.url, testCase.method, testCase.target, testCase.lines, testCase.body);
      expect(response.status, response.body).toBe(200);
      const event = JSON.parse(response.body) as Record<string, unknown>;
      const comparisons = compareWithSample(testCase, loadSample(testCase.file), event);
      const expected = { ...testCase.differences, ...runtimeDifferences(runtime, testCase) };
      expect(differingFields(comparisons).sort(), JSON.stringify(comparisons.filter((c) => !c.equal))).toEqual(Object.keys(expected).sort());
    });
  });

  describe(`sample results (${runtime.name})`, () => {
    it.each(SAMPLE_RESPONSES.map((sample) => ({ name: sample.file, ...sample })))('$name', async ({ file, format }) => {
      const gateway = gateways.get(format)!;
      const response = await send(gateway.url, 'GET', '/respond', [
        ['Host', 'samples.example.com'],
        ['X-Sample-Response', file],
      ]);
      const expected = expectedHttpResponse(format, loadSample(file));
      expect(response.status).toBe(expected.status);
      expect(response.body).toBe(expected.body);
      // The lines of every name the result set (the gateway adds its own, e.g. x-request-id and date).
      const names = new Set(expected.lines.map(([name]) => name));
      const sent = response.lines.filter(([name]) => names.has(name));
      expect(sortLines(sent)).toEqual(sortLines(expected.lines));
    });
  });
}

function sortLines(lines: readonly HeaderLine[]): HeaderLine[] {
  return [...lines].sort(([a, x], [b, y]) => (a === b ? x.localeCompare(y) : a.localeCompare(b)));
}
