/*
 * The AWS sample events (testdata/, from aws/aws-lambda-go events/testdata — sources in
 * testdata/README.md) against our codecs in-process: each sample request rebuilt as its client
 * sent it, routed by the real router, encoded by the apigateway-v1/-v2 codec once with the raw
 * header lines the Node adapter keeps and once from Headers only (a worker), and every field a
 * gateway controls compared. Each sample result goes through the codec's response mapping.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createRouter } from '../routing/index.ts';
import { apiGatewayV1Codec } from './apigateway-v1.ts';
import { apiGatewayV2Codec } from './apigateway-v2.ts';
import { reconcileRawHeaders } from './header-pairs.ts';
import { stripHopByHop } from './headers.ts';
import { headerLinesOf } from './response-lines.ts';
import {
  SAMPLE_REQUESTS,
  SAMPLE_RESPONSES,
  WORKER_DIFFERENCES,
  compareWithSample,
  differingFields,
  expectedHttpResponse,
  loadSample,
  type SampleFormat,
  type SampleRequestCase,
} from './sample-events-test-support.ts';
import type { InboundRequest, PayloadCodec } from './types.ts';
import { jsonResult, parseEvent, RECEIVED_AT } from './test-utils.ts';

const CODECS: Record<SampleFormat, PayloadCodec> = { v1: apiGatewayV1Codec, v2: apiGatewayV2Codec };

/** One catch-all route, as a migrated API's `{proxy+}` / `$default` route would be configured. */
const router = createRouter([{ name: 'all', matches: [{ path: { type: 'PathPrefix', value: '/' } }], target: null }]);

function inboundRequest(testCase: SampleRequestCase, rawLines: boolean): InboundRequest {
  const body = new TextEncoder().encode(testCase.body ?? '');
  const lines = [...testCase.lines];
  if (testCase.body !== undefined) lines.push(['Content-Length', String(body.byteLength)]);
  // As a runtime's Fetch Headers holds them: each line appended (repeats joined with ", ").
  const received = new Headers();
  for (const [name, value] of lines) received.append(name, value);
  const headers = stripHopByHop(received);
  const host = received.get('host') ?? 'localhost';
  const url = new URL(`https://${host}${testCase.target}`);
  const route = router.match(testCase.method, url, headers);
  if (route === undefined) throw new Error('the catch-all route must match');
  return {
    method: testCase.method,
    url,
    headers,
    headerPairs: rawLines ? reconcileRawHeaders(lines.flat(), headers) : undefined,
    body,
    sourceIp: testCase.sourceIp,
    requestId: 'sample-request',
    receivedAt: RECEIVED_AT,
    pathParameters: route.pathParameters,
    routeKey: route.routeKey,
    resource: route.resource,
    accountId: '123456789012',
  };
}

/** `SAMPLE_EVENTS_REPORT=1` prints matched/compared fields per fixture (the README's counts). */
const report: string[] = [];
afterAll(() => {
  if (process.env['SAMPLE_EVENTS_REPORT']) console.info(report.join('\n'));
});

describe.each([
  { runtime: 'Node (raw header lines)', rawLines: true },
  { runtime: 'worker (Headers only)', rawLines: false },
])('sample request events, $runtime', ({ rawLines }) => {
  it.each(SAMPLE_REQUESTS.map((testCase) => ({ name: testCase.file, testCase })))('$name', ({ testCase }) => {
    const sample = loadSample(testCase.file);
    const event = parseEvent(CODECS[testCase.format].encodeEvent(inboundRequest(testCase, rawLines)));
    const comparisons = compareWithSample(testCase, sample, event);
    report.push(`${rawLines ? 'raw' : 'headers'} ${testCase.file}: ${comparisons.filter((c) => c.equal).length}/${comparisons.length}`);
    const expected = { ...testCase.differences, ...(rawLines ? {} : WORKER_DIFFERENCES[testCase.file]) };
    // Each difference is named with its reason; a field that starts or stops matching fails here.
    expect(differingFields(comparisons).sort()).toEqual(Object.keys(expected).sort());
    // The base64 body is still the sample's bytes.
    if (event.isBase64Encoded === true) expect(Buffer.from(event.body as string, 'base64').toString('utf8')).toBe(sample.body);
  });
});

describe('sample results through the response mapping', () => {
  it.each(SAMPLE_RESPONSES.map((sample) => ({ name: sample.file, ...sample })))('$name', async ({ file, format }) => {
    const result = loadSample(file);
    const inbound = inboundRequest(SAMPLE_REQUESTS[0]!, true);
    const response = CODECS[format].decodeResult(jsonResult(result), inbound);
    const expected = expectedHttpResponse(format, result);
    expect(response.status).toBe(expected.status);
    // The sample's lines, plus the gateway's own request id (PayloadCodec.decodeResult adds it).
    expect(sortLines(responseLines(response))).toEqual(sortLines([...expected.lines, ['x-request-id', inbound.requestId]]));
    expect(await response.text()).toBe(expected.body);
  });
});

/** The header lines a server that writes raw lines (Node) sends for `response`. */
function responseLines(response: Response): [string, string][] {
  const recorded = headerLinesOf(response);
  const out: [string, string][] = [];
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') out.push([name, value]);
    else for (const line of recorded?.get(name) ?? [value]) out.push([name, line]);
  }
  return out;
}

function sortLines(lines: readonly [string, string][]): [string, string][] {
  return [...lines].sort(([a, x], [b, y]) => (a === b ? x.localeCompare(y) : a.localeCompare(b)));
}
