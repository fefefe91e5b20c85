import { describe, expect, it } from 'vitest';
import type { HttpTransport } from '../invoke/index.ts';
import { createJsonLogger } from '../logging/index.ts';
import { compileGateway } from './create-gateway.ts';
import type { RequestSample } from './gateway-metrics.ts';
import type { GatewayMetrics } from './gateway-metrics.ts';
import { unitPlatform } from './unit-platform-test-support.ts';
import { webRequestContext } from './web-request-context.ts';

const echoTransport: HttpTransport = {
  async send(request) {
    return { status: 200, headers: new Headers({ 'content-type': 'application/json' }), bytes: async () => request.body as Uint8Array };
  },
};

const routes = [
  {
    name: 'echo',
    matches: [{ path: { type: 'PathPrefix' as const, value: '/echo' } }],
    backend: { functionName: 'echo', accountId: '222222222222', region: 'us-west-2', payloadMode: 'passthrough' as const },
  },
];

/** A platform whose request context defers like Node's (RequestContext.afterResponse), with the tasks kept for the test to run. */
function deferringPlatform(deferred: Array<() => void> | undefined) {
  const lines: Array<Record<string, unknown>> = [];
  const samples: RequestSample[] = [];
  const metrics = { requestStarted() {}, requestFinished: (sample: RequestSample) => samples.push(sample) } as unknown as GatewayMetrics;
  const platform = unitPlatform(echoTransport, {
    logger: createJsonLogger((line) => lines.push(JSON.parse(line) as Record<string, unknown>), 'info'),
    metrics,
    requestContext: (request) => ({ ...webRequestContext(request), ...(deferred ? { afterResponse: (task: () => void) => deferred.push(task) } : {}) }),
  });
  return { platform, lines, samples };
}

describe('the access-log line and the metrics of a request', () => {
  it('wait for RequestContext.afterResponse where the runtime has it: the answer is returned first', async () => {
    const deferred: Array<() => void> = [];
    const { platform, lines, samples } = deferringPlatform(deferred);
    const gateway = compileGateway({ routes, platform });
    const response = await gateway.fetch(new Request('http://gw.test/echo', { method: 'POST', body: '{"a":1}', headers: { 'x-request-id': 'r-1' } }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"a":1}');
    expect(lines.filter((line) => line.msg === 'request')).toEqual([]);
    expect(samples).toEqual([]);
    expect(deferred).toHaveLength(1);
    deferred[0]!();
    expect(lines.filter((line) => line.msg === 'request')).toEqual([
      expect.objectContaining({ requestId: 'r-1', status: 200, route: 'echo', backend: 'echo', path: '/echo' }),
    ]);
    expect(samples).toEqual([expect.objectContaining({ route: 'echo', backend: 'echo', status: 200, requestBytes: 7, responseBytes: 7 })]);
  });

  it('are recorded before the answer is returned without it (the Web context, the worker)', async () => {
    const { platform, lines, samples } = deferringPlatform(undefined);
    const gateway = compileGateway({ routes, platform });
    const response = await gateway.fetch(new Request('http://gw.test/echo', { method: 'POST', body: '{}', headers: { 'x-request-id': 'r-2' } }));
    expect(response.status).toBe(200);
    expect(lines.filter((line) => line.msg === 'request')).toEqual([expect.objectContaining({ requestId: 'r-2', status: 200 })]);
    expect(samples).toHaveLength(1);
  });

  it('a failed request is deferred the same way, with its error code', async () => {
    const deferred: Array<() => void> = [];
    const { platform, lines } = deferringPlatform(deferred);
    const failing: HttpTransport = {
      async send() {
        throw new TypeError('fetch failed');
      },
    };
    const gateway = compileGateway({ routes, platform: { ...platform, transport: failing } });
    const response = await gateway.fetch(new Request('http://gw.test/echo', { method: 'POST', body: '{}' }));
    expect(response.status).toBe(503);
    expect(lines.filter((line) => line.msg === 'request failed')).toEqual([]);
    for (const task of deferred) task();
    expect(lines.filter((line) => line.msg === 'request failed')).toEqual([expect.objectContaining({ status: 503, error: 'BackendUnreachable' })]);
  });

  it('a failure to record is logged, never thrown into the server that runs the deferred task', async () => {
    const deferred: Array<() => void> = [];
    const { platform, lines } = deferringPlatform(deferred);
    const broken = {
      ...platform,
      metrics: {
        requestStarted() {},
        requestFinished() {
          throw new Error('label set full');
        },
      },
    };
    const response = await compileGateway({ routes, platform: broken }).fetch(
      new Request('http://gw.test/echo', { method: 'POST', body: '{}', headers: { 'x-request-id': 'r-3' } }),
    );
    expect(response.status).toBe(200);
    expect(() => deferred[0]!()).not.toThrow();
    expect(lines.filter((line) => line.level === 'error')).toEqual([
      expect.objectContaining({ msg: 'request not recorded', requestId: 'r-3', error: 'label set full' }),
    ]);
  });
});
