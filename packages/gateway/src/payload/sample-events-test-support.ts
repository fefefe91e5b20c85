/*
 * The AWS sample events in testdata/ (copied from aws/aws-lambda-go, see testdata/README.md) as
 * test cases: for each sample request, the HTTP request its client would have sent, and which
 * event fields the gateway controls and must reproduce. Used by sample-events.test.ts (the codecs
 * in-process) and test/integration/sample-events-scenarios.ts (a real server, Node and worker).
 * Test support only: excluded from the build.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Parsed sample JSON, read field by field. */
// biome-ignore lint/suspicious/noExplicitAny: the samples are untyped JSON documents.
export type SampleJson = Record<string, any>;

/** A sample file in testdata/, parsed. */
export function loadSample(file: string): SampleJson {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, 'testdata', file), 'utf8')) as SampleJson;
}

export type SampleFormat = 'v1' | 'v2';

export interface SampleRequestCase {
  /** File in testdata/. */
  file: string;
  format: SampleFormat;
  method: string;
  /** Request target: path and query exactly as the client sent them. */
  target: string;
  /** Header lines in order, names as the client spelled them (Host first). */
  lines: [string, string][];
  /** Body text (UTF-8), absent for none. */
  body?: string;
  /** The client address the sample reports (in-process only: a real server sees the loopback peer). */
  sourceIp: string;
  /**
   * Header names (lower-case) the client had to send that the hand-written sample leaves out
   * (Host, Content-Length for a body, User-Agent when only requestContext shows it): removed
   * from our event's headers before the comparison.
   */
  requiredExtras: string[];
  /** Compared fields expected to differ from the sample, each with the reason. */
  differences: Record<string, string>;
}

/** Why a sample without Content-Type gets a base64 body here (payload/body.ts). */
const NO_CONTENT_TYPE =
  'the sample sends a text body without Content-Type; the gateway sends bodies without a textual Content-Type as base64 (body.ts, the ALB/Envoy rule)';
const ROUTE_KEY = 'the sample comes from the $default route; the gateway reports the matched route ("ANY /{proxy+}" for PathPrefix /)';

export const SAMPLE_REQUESTS: readonly SampleRequestCase[] = [
  {
    file: 'apigw-request.json',
    format: 'v1',
    method: 'POST',
    target: '/hello/world?name=me',
    // Every line of the sample's multiValueHeaders, in its casing (API Gateway/CloudFront added
    // CloudFront-*, Via, X-Amz-Cf-Id and X-Forwarded-*; here the client sends them, as a CDN in front would).
    lines: [
      ['Host', 'gy415nuibc.execute-api.us-east-1.amazonaws.com'],
      ['Accept', '*/*'],
      ['Accept-Encoding', 'gzip, deflate'],
      ['cache-control', 'no-cache'],
      ['CloudFront-Forwarded-Proto', 'https'],
      ['CloudFront-Is-Desktop-Viewer', 'true'],
      ['CloudFront-Is-Mobile-Viewer', 'false'],
      ['CloudFront-Is-SmartTV-Viewer', 'false'],
      ['CloudFront-Is-Tablet-Viewer', 'false'],
      ['CloudFront-Viewer-Country', 'US'],
      ['Content-Type', 'application/json'],
      ['headerName', 'headerValue'],
      ['Postman-Token', '9f583ef0-ed83-4a38-aef3-eb9ce3f7a57f'],
      ['User-Agent', 'PostmanRuntime/2.4.5'],
      ['Via', '1.1 d98420743a69852491bbdea73f7680bd.cloudfront.net (CloudFront)'],
      ['X-Amz-Cf-Id', 'pn-PWIJc6thYnZm5P0NMgOUglL1DYtl0gdeJky8tqsg8iS_sgsKD1A=='],
      ['X-Forwarded-For', '54.240.196.186, 54.182.214.83'],
      ['X-Forwarded-Port', '443'],
      ['X-Forwarded-Proto', 'https'],
    ],
    body: '{\r\n\t"a": 1\r\n}',
    sourceIp: '192.168.196.186',
    requiredExtras: ['content-length'],
    differences: {
      'requestContext.stage': 'the sample is from stage "testStage"; the gateway has no stages and reports "$default"',
      isBase64Encoded: 'the sample predates the field (REST API events carry isBase64Encoded; the gateway sends false)',
    },
  },
  {
    file: 'apigw-v2-request-no-authorizer.json',
    format: 'v2',
    method: 'GET',
    target: '/',
    // curl's lines plus those API Gateway added (content-length: 0, x-amzn-trace-id, x-forwarded-*).
    lines: [
      ['host', 'aaaaaaaaaa.execute-api.us-west-2.amazonaws.com'],
      ['accept', '*/*'],
      ['content-length', '0'],
      ['user-agent', 'curl/7.58.0'],
      ['x-amzn-trace-id', 'Root=1-5e9f0c65-1de4d666d4dd26aced652b6c'],
      ['x-forwarded-for', '1.2.3.4'],
      ['x-forwarded-port', '443'],
      ['x-forwarded-proto', 'https'],
    ],
    sourceIp: '1.2.3.4',
    requiredExtras: [],
    differences: { routeKey: ROUTE_KEY, 'requestContext.routeKey': ROUTE_KEY },
  },
  {
    file: 'apigw-v2-request-iam.json',
    format: 'v2',
    method: 'GET',
    target: '/my/path?parameter1=value1&parameter1=value2&parameter2=value',
    lines: [
      ['Host', 'id.execute-api.us-east-1.amazonaws.com'],
      ['Header1', 'value1'],
      ['Header2', 'value2'],
      ['Cookie', 'cookie1; cookie2'],
      ['User-Agent', 'agent'],
    ],
    body: '{\r\n\t"a": 1\r\n}',
    sourceIp: 'IP',
    requiredExtras: ['host', 'content-length', 'user-agent'],
    differences: {
      headers: 'the hand-written sample keeps "Header1"/"Header2" capitalised; HTTP APIs lower-case header names (AWS docs), as the gateway does',
      pathParameters: 'the hand-written sample has proxy "hello/world" for rawPath /my/path; the gateway reports the matched rest, "my/path"',
      routeKey: ROUTE_KEY,
      'requestContext.routeKey': ROUTE_KEY,
      body: NO_CONTENT_TYPE,
      isBase64Encoded: NO_CONTENT_TYPE,
    },
  },
  {
    file: 'lambda-urls-request.json',
    format: 'v2',
    method: 'POST',
    target: '/my/path?parameter1=value1&parameter1=value2&parameter2=value',
    // "header2": "value1,value2" is a header sent twice; the cookies come on two Cookie lines.
    // The sample's host "<url-id>.lambda-url…" is not a valid Host, so "url-id" stands in.
    lines: [
      ['Host', 'url-id.lambda-url.us-west-2.on.aws'],
      ['header1', 'value1'],
      ['header2', 'value1'],
      ['header2', 'value2'],
      ['Cookie', 'cookie1'],
      ['Cookie', 'cookie2'],
      ['User-Agent', 'agent'],
    ],
    body: 'Hello from client!',
    sourceIp: '123.123.123.123',
    requiredExtras: ['host', 'content-length', 'user-agent'],
    differences: {
      routeKey: 'the sample omits routeKey (function URLs send "$default"); the gateway reports the matched route',
      'requestContext.routeKey': 'the sample omits it; the gateway reports the matched route',
      'requestContext.stage': 'the sample omits it (function URLs send "$default", as the gateway does)',
      pathParameters: 'function URLs have no routes; the gateway\'s PathPrefix / route reports proxy "my/path"',
      body: NO_CONTENT_TYPE,
      isBase64Encoded: NO_CONTENT_TYPE,
    },
  },
];

/**
 * What the Worker sees instead of the raw lines (README "Runtimes"): lower-case names, a repeated
 * header one ", "-joined value. Per sample, the further fields that then differ, and why.
 */
export const WORKER_DIFFERENCES: Record<string, Record<string, string>> = {
  'apigw-request.json': {
    headers: 'Headers lower-cases names; REST APIs keep the client casing',
    multiValueHeaders: 'Headers lower-cases names; REST APIs keep the client casing',
  },
  'lambda-urls-request.json': {
    headers: 'a header sent twice is one "value1, value2" (", "-joined by Headers), not "value1,value2"',
  },
};

/** The fields a gateway controls, per format. Ids, times, account, apiId, domain and authorizer are AWS's. */
export const COMPARED_FIELDS: Readonly<Record<SampleFormat, readonly string[]>> = {
  v1: [
    'resource',
    'path',
    'httpMethod',
    'headers',
    'multiValueHeaders',
    'queryStringParameters',
    'multiValueQueryStringParameters',
    'pathParameters',
    'requestContext.httpMethod',
    'requestContext.path',
    'requestContext.resourcePath',
    'requestContext.stage',
    'requestContext.protocol',
    'requestContext.identity.sourceIp',
    'requestContext.identity.userAgent',
    'body',
    'isBase64Encoded',
  ],
  v2: [
    'version',
    'routeKey',
    'rawPath',
    'rawQueryString',
    'cookies',
    'headers',
    'queryStringParameters',
    'pathParameters',
    'requestContext.http.method',
    'requestContext.http.path',
    'requestContext.http.protocol',
    'requestContext.http.sourceIp',
    'requestContext.http.userAgent',
    'requestContext.routeKey',
    'requestContext.stage',
    'body',
    'isBase64Encoded',
  ],
};

export interface FieldComparison {
  field: string;
  sample: unknown;
  ours: unknown;
  equal: boolean;
}

/** Every compared field of `event` against the sample (absent on one side and present on the other is a difference). */
export function compareWithSample(testCase: SampleRequestCase, sample: SampleJson, event: SampleJson): FieldComparison[] {
  return COMPARED_FIELDS[testCase.format].map((field) => {
    const expected = valueAt(sample, field);
    let ours = valueAt(event, field);
    if ((field === 'headers' || field === 'multiValueHeaders') && isObject(ours)) ours = withoutNames(ours, testCase.requiredExtras);
    return { field, sample: expected, ours, equal: deepEqual(expected, ours) };
  });
}

/** The fields that differ, for asserting against `differences`. */
export function differingFields(comparisons: readonly FieldComparison[]): string[] {
  return comparisons.filter((c) => !c.equal).map((c) => c.field);
}

function valueAt(root: SampleJson, path: string): unknown {
  let value: unknown = root;
  for (const key of path.split('.')) value = isObject(value) ? value[key] : undefined;
  return value;
}

function withoutNames(map: Record<string, unknown>, lowerNames: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(map).filter(([name]) => !lowerNames.includes(name.toLowerCase())));
}

function isObject(value: unknown): value is SampleJson {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Key order does not matter in JSON objects; array order does. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isObject(value))
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical(value[key])]),
    );
  return value;
}

/** A header line split as the raw lines of a response: name lower-cased, value trimmed. */
export type HeaderLine = [name: string, value: string];

/**
 * What the API Gateway docs say a client receives for a sample result: the status, each header
 * value on its own line (multiValueHeaders win over headers; cookies one Set-Cookie line each)
 * and the body.
 */
export function expectedHttpResponse(format: SampleFormat, result: SampleJson): { status: number; lines: HeaderLine[]; body: string } {
  const lines: HeaderLine[] = [];
  const multi: Record<string, string[]> = format === 'v1' ? (result.multiValueHeaders ?? {}) : {};
  for (const [name, values] of Object.entries(multi)) for (const value of values) lines.push([name.toLowerCase(), value]);
  const fromMulti = new Set(Object.keys(multi).map((name) => name.toLowerCase()));
  for (const [name, value] of Object.entries<string>(result.headers ?? {})) {
    if (!fromMulti.has(name.toLowerCase())) lines.push([name.toLowerCase(), value]);
  }
  for (const cookie of (format === 'v2' ? result.cookies : undefined) ?? []) lines.push(['set-cookie', cookie as string]);
  const body = result.isBase64Encoded === true ? Buffer.from(result.body as string, 'base64').toString('utf8') : (result.body as string);
  return { status: result.statusCode as number, lines, body };
}

/** Response samples: the file and the envelope that reads it back. */
export const SAMPLE_RESPONSES: readonly { file: string; format: SampleFormat }[] = [
  { file: 'apigw-response.json', format: 'v1' },
  { file: 'lambda-urls-response.json', format: 'v2' },
];
