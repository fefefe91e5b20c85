/**
 * The harness of the Gateway API HTTPRoute conformance ports (kubernetes-sigs/gateway-api
 * conformance/tests, copied under testdata/): the suite's YAML goes through the manifest
 * translation with each Service backendRef turned into a kgateway `Backend` of type AWS
 * (payloadTransformMode Envoy) of the same name, the compiled app is served by the Node adapter
 * on a loopback port (so the raw header lines are read as in production), and every function is
 * an echo, in-process behind the HttpTransport: like the suite's echo-basic it answers with the
 * request it received (the Envoy envelope's path, method and headers) and the backend it is
 * (namespace and name), sets the response headers `X-Echo-Set-Header` asks for, and waits
 * `?delay=` before answering. Requests are sent with node:http so Host and header case are
 * exactly the case's.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { nodeRequestContext } from '../adapters/node/node-request-context.ts';
import { serveApp, type RunningServer } from '../adapters/node/serve.ts';
import { parseConfigText } from '../config/documents.ts';
import { compileGateway, type GatewayRouteSpec } from '../core/create-gateway.ts';
import type { GatewayMetrics } from '../core/gateway-metrics.ts';
import type { RandomSource } from '../core/weighted-pick.ts';
import { unitPlatform } from '../core/unit-platform-test-support.ts';
import type { HttpTransport, OutboundRequest } from '../invoke/index.ts';
import { translateManifests } from '../manifests/translate.ts';

/** The suite's backends (conformance/base/manifests.yaml): namespace → Service names. */
const INFRA_BACKENDS: Record<string, string[]> = {
  'gateway-conformance-infra': ['infra-backend-v1', 'infra-backend-v2', 'infra-backend-v3'],
  'gateway-conformance-web-backend': ['web-backend'],
  'gateway-conformance-app-backend': ['app-backend-v1', 'app-backend-v2'],
};
const KGATEWAY = { group: 'gateway.kgateway.dev', kind: 'Backend' };
/** The echo's function name carries the backend's identity: `<namespace>_<name>`. */
const functionNameOf = (namespace: string, name: string) => `${namespace}_${name}`;

function infraBackendDocuments(): unknown[] {
  return Object.entries(INFRA_BACKENDS).flatMap(([namespace, names]) =>
    names.map((name) => ({
      apiVersion: 'gateway.kgateway.dev/v1alpha1',
      kind: 'Backend',
      metadata: { name, namespace },
      spec: {
        type: 'AWS',
        aws: { region: 'us-east-1', accountId: '222222222222', lambda: { functionName: functionNameOf(namespace, name), payloadTransformMode: 'Envoy' } },
      },
    })),
  );
}

type Json = Record<string, unknown>;
const isCoreService = (ref: Json) => (ref.group === undefined || ref.group === '' || ref.group === 'core') && (ref.kind ?? 'Service') === 'Service';

/** Service references → kgateway Backend references (in place). */
function toLambdaBackends(value: unknown): void {
  const manifest = value as { kind?: string; spec?: Json };
  if (manifest.kind === 'HTTPRoute') {
    const convert = (ref: Json) => {
      if (!isCoreService(ref)) return;
      Object.assign(ref, KGATEWAY);
      delete ref.port;
    };
    const convertMirrors = (filters: Json[] | undefined) => {
      for (const filter of filters ?? []) if (filter.type === 'RequestMirror') convert((filter.requestMirror as Json).backendRef as Json);
    };
    for (const rule of (manifest.spec?.rules as Json[] | undefined) ?? []) {
      convertMirrors(rule.filters as Json[] | undefined);
      for (const ref of (rule.backendRefs as Json[] | undefined) ?? []) {
        convert(ref);
        convertMirrors(ref.filters as Json[] | undefined);
      }
    }
  }
  if (manifest.kind === 'ReferenceGrant') {
    for (const to of (manifest.spec?.to as Json[] | undefined) ?? []) if (isCoreService(to)) Object.assign(to, KGATEWAY);
  }
}

/** The routes and warnings of testdata/<file> with the infra Backends. */
export function translateConformanceYaml(file: string) {
  const documents = parseConfigText(readFileSync(resolve(import.meta.dirname, 'testdata', file), 'utf8'), file);
  for (const document of documents) toLambdaBackends(document.value);
  const infra = infraBackendDocuments().map((value, index) => ({ source: 'conformance/base/manifests.yaml', index, value }));
  return translateManifests([...infra, ...documents]);
}

/** What the echo saw (echo-basic's answer). */
export interface EchoedRequest {
  path: string;
  method: string;
  /** The envelope's headers: lower-case names, repeated lines joined with ",". */
  headers: Record<string, string>;
  namespace: string;
  /** The backend (Service) name; echo-basic reports its pod, `<name>-<hash>`. */
  backend: string;
}

/** Per-backend behaviour a test imposes on the echo (say, a mirror that hangs or fails). */
export type EchoOverride = (signal: AbortSignal) => Promise<void>;

export interface EchoTransport extends HttpTransport {
  invocations: number;
  /** Every event received, in order (what the suite reads from the echo pods' logs). */
  received: EchoedRequest[];
  /** Invocations not yet answered. */
  inFlight: number;
  /** Backend name → run before answering (throw to fail the invocation). */
  overrides: Map<string, EchoOverride>;
}

/** echo-basic's retry simulation (/retry/…): attempts per `uuid`, shared by every echo. */
const retryAttempts = new Map<string, number>();

export function echoTransport(): EchoTransport {
  const transport: EchoTransport = {
    invocations: 0,
    received: [],
    inFlight: 0,
    overrides: new Map(),
    async send(request: OutboundRequest) {
      transport.invocations++;
      transport.inFlight++;
      try {
        return await answer(request);
      } finally {
        transport.inFlight--;
      }
    },
  };
  const answer = async (request: OutboundRequest) => {
    // The Invoke URL names the function by ARN: arn:aws:lambda:<region>:<account>:function:<name>.
    const functionName =
      decodeURIComponent(new URL(request.url).pathname.split('/')[3] ?? '')
        .split(':')
        .pop() ?? '';
    const [namespace = '', backend = ''] = functionName.split('_');
    const event = JSON.parse(new TextDecoder().decode(request.body)) as {
      raw_path: string;
      method: string;
      headers: Record<string, string>;
      query_string_parameters: Record<string, string>;
    };
    const query = event.query_string_parameters;
    transport.received.push({ path: event.raw_path, method: event.method, headers: event.headers, namespace, backend });
    await transport.overrides.get(backend)?.(request.signal);
    const delay = query.delay;
    if (delay !== undefined) await sleep(durationOf(delay), request.signal);
    const failure = await retrySimulation(event.raw_path, query, request.signal);
    if (failure !== undefined) return failure;
    const headers: Record<string, string> = {};
    for (const pair of event.headers['x-echo-set-header']?.split(',') ?? []) {
      const [name = '', value = ''] = pair.split(':');
      if (name !== '') headers[name.trim()] = value.trim();
    }
    const echoed: EchoedRequest = { path: event.raw_path, method: event.method, headers: event.headers, namespace, backend };
    const result = { statusCode: 200, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(echoed) };
    return invokeAnswer(result);
  };
  return transport;
}

function invokeAnswer(result: unknown) {
  return { status: 200, headers: new Headers({ 'content-type': 'application/json' }), bytes: async () => new TextEncoder().encode(JSON.stringify(result)) };
}

/** `500ms`, `1s`, or seconds as a bare number (echo-basic's `?delay=`). */
function durationOf(value: string): number {
  return Number.parseFloat(value) * (value.endsWith('ms') ? 1 : 1000);
}

/**
 * echo-basic's retrySimulationHandler (kubernetes-sigs/gateway-api-conformance-images
 * echo-basic/echo-basic.go, the image the suite's retry tests run): under /retry/, the first
 * `succeedAfter` requests of a `uuid` fail, each after `delayRetry`, with `responseCode` as the
 * function's status, or without it by resetting the connection: here the Invoke connection
 * (the transport throws as undici does on ECONNRESET), the Lambda-side counterpart of a TCP RST.
 */
async function retrySimulation(path: string, query: Record<string, string>, signal: AbortSignal) {
  if (!path.startsWith('/retry/')) return undefined;
  const uuid = query.uuid ?? '';
  const succeedAfter = Number(query.succeedAfter);
  const attempts = retryAttempts.get(uuid) ?? 0;
  if (attempts >= succeedAfter) return undefined;
  retryAttempts.set(uuid, attempts + 1);
  if (query.delayRetry !== undefined) await sleep(durationOf(query.delayRetry), signal);
  if (query.responseCode === undefined) throw new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
  return invokeAnswer({ statusCode: Number(query.responseCode), headers: { 'content-type': 'text/plain' }, body: '' });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(resolvePromise, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

export interface ConformanceGateway {
  server: RunningServer;
  transport: EchoTransport;
  warnings: string[];
  close(): Promise<void>;
}

/** Translates testdata/<file>, compiles it and serves it on a loopback port. */
export async function serveConformance(file: string, options: { random?: RandomSource; metrics?: GatewayMetrics } = {}): Promise<ConformanceGateway> {
  const translated = translateConformanceYaml(file);
  return serveEchoRoutes(translated.routes, translated.warnings, options);
}

/** Compiles routes whose functions are echoes (named `<namespace>_<name>`) and serves them on a loopback port. */
export async function serveEchoRoutes(
  routes: GatewayRouteSpec[],
  warnings: string[],
  options: { random?: RandomSource; metrics?: GatewayMetrics } = {},
): Promise<ConformanceGateway> {
  const transport = echoTransport();
  const platform = unitPlatform(transport, { requestContext: nodeRequestContext, ...(options.metrics ? { metrics: options.metrics } : {}) });
  const { app } = compileGateway({ routes, platform, ...(options.random ? { random: options.random } : {}) });
  const server = await serveApp(app, { port: 0, host: '127.0.0.1' });
  return { server, transport, warnings, close: () => server.close(1_000) };
}

export interface CaseRequest {
  path: string;
  method?: string;
  host?: string;
  headers?: Record<string, string>;
  /** echo-basic sets these response headers (the suite's BackendSetResponseHeaders). */
  backendSetResponseHeaders?: Record<string, string>;
}

export interface CaseResponse {
  status: number;
  /** Lower-case names, each header's lines joined with "," (as the suite compares them). */
  headers: Record<string, string>;
  /** The echo's view, when the function answered. */
  echoed: EchoedRequest | undefined;
}

/** Sends one case's request to the gateway, as the suite's roundtripper does. */
export function sendCase(gateway: ConformanceGateway, request: CaseRequest): Promise<CaseResponse> {
  const headers: string[] = ['Host', request.host ?? 'gw.example'];
  for (const [name, value] of Object.entries(request.headers ?? {})) headers.push(name, value);
  const set = Object.entries(request.backendSetResponseHeaders ?? {});
  if (set.length > 0) headers.push('X-Echo-Set-Header', set.map(([name, value]) => `${name}:${value}`).join(','));
  return new Promise((resolvePromise, reject) => {
    const client = httpRequest(`${gateway.server.url}${request.path}`, { method: request.method ?? 'GET', headers }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => {
        const lines: Record<string, string[]> = {};
        const raw = response.rawHeaders;
        for (let i = 0; i + 1 < raw.length; i += 2) (lines[raw[i]!.toLowerCase()] ??= []).push(raw[i + 1]!);
        const text = Buffer.concat(parts).toString();
        const echoed = response.statusCode === 200 && text.startsWith('{"path"') ? (JSON.parse(text) as EchoedRequest) : undefined;
        resolvePromise({
          status: response.statusCode ?? 0,
          headers: Object.fromEntries(Object.entries(lines).map(([name, values]) => [name, values.join(',')])),
          echoed,
        });
      });
    });
    client.on('error', reject);
    client.end();
  });
}

/** One entry of a .go file's `testCases` (http.ExpectedResponse), as far as this gateway can observe it. */
export interface ConformanceCase {
  request: CaseRequest;
  /** The backend (Service) that must answer; its namespace defaults to gateway-conformance-infra. */
  backend?: string;
  namespace?: string;
  /** Default 200. */
  status?: number;
  /** ExpectedRequest: what the function must have received. */
  expectedRequest?: { path?: string; headers?: Record<string, string>; absentHeaders?: string[] };
  /** Response headers (names compared case-insensitively, lines joined with ","). */
  responseHeaders?: Record<string, string>;
  absentResponseHeaders?: string[];
}

/** The suite's GetTestCaseName: `<i> request to '<host><path>'[ with headers]`. */
export function caseName(index: number, entry: ConformanceCase): string {
  const suffix = entry.request.headers ? ' with headers' : '';
  return `${index} request to '${entry.request.host ?? ''}${entry.request.path}'${suffix}`;
}

/** Serves testdata/<file> around the cases of a describe block. */
export function conformanceSuite(file: string, body: (gateway: () => ConformanceGateway) => void, options: Parameters<typeof serveConformance>[1] = {}): void {
  let gateway: ConformanceGateway | undefined;
  beforeAll(async () => {
    gateway = await serveConformance(file, options);
  });
  afterAll(async () => {
    await gateway?.close();
  });
  body(() => gateway!);
}

/** Sends the case and checks what the suite's CompareRoundTrip checks. */
export async function expectCase(gateway: ConformanceGateway, entry: ConformanceCase): Promise<void> {
  const response = await sendCase(gateway, entry.request);
  expect(response.status).toBe(entry.status ?? 200);
  if (entry.backend !== undefined) {
    expect(response.echoed, 'the request reached a backend').toBeDefined();
    expect({ backend: response.echoed?.backend, namespace: response.echoed?.namespace }).toEqual({
      backend: entry.backend,
      namespace: entry.namespace ?? 'gateway-conformance-infra',
    });
  }
  const seen = entry.expectedRequest;
  if (seen) {
    if (seen.path !== undefined) expect(response.echoed?.path).toBe(seen.path);
    for (const [name, value] of Object.entries(seen.headers ?? {})) expect(response.echoed?.headers[name.toLowerCase()], name).toBe(value);
    for (const name of seen.absentHeaders ?? []) expect(response.echoed?.headers, name).not.toHaveProperty(name.toLowerCase());
  }
  for (const [name, value] of Object.entries(entry.responseHeaders ?? {})) expect(response.headers[name.toLowerCase()], name).toBe(value);
  for (const name of entry.absentResponseHeaders ?? []) expect(response.headers, name).not.toHaveProperty(name.toLowerCase());
}
