import { describe, expect, it } from 'vitest';
import type { HttpTransport } from '../invoke/index.ts';
import { compileGateway } from './create-gateway.ts';
import type { Platform } from './platform.ts';
import { unitPlatform } from './unit-platform-test-support.ts';

/** Answers every Invoke with the function's JSON echo of what it was sent. */
const echoTransport: HttpTransport = {
  async send(request) {
    const body = new TextEncoder().encode(JSON.stringify({ sent: new TextDecoder().decode(request.body) }));
    return { status: 200, headers: new Headers({ 'content-type': 'application/json', 'x-amzn-requestid': 'lambda-1' }), bytes: async () => body };
  },
};

const routes = [
  {
    name: 'echo',
    matches: [{ path: { type: 'PathPrefix' as const, value: '/echo' } }],
    backend: { functionName: 'echo', accountId: '222222222222', region: 'us-west-2', payloadMode: 'passthrough' as const },
  },
];

async function described(response: Response) {
  return { status: response.status, headers: [...response.headers], body: response.body === null ? null : await response.text() };
}

/** Each request sent once through Hono (`app.fetch`) and once through `fetch`: the answers must be the same. */
async function bothWays(platform: Platform, init: { method: string; path: string; body?: string }) {
  const gateway = compileGateway({ routes, platform });
  const request = () =>
    new Request(`http://gateway.test${init.path}`, {
      method: init.method,
      headers: { 'x-request-id': 'req-fixed-1' },
      ...(init.body ? { body: init.body } : {}),
    });
  return { viaHono: await described(await gateway.app.fetch(request())), direct: await described(await gateway.fetch(request())) };
}

describe("the gateway's fetch (no Hono dispatch in front)", () => {
  const cases = [
    { method: 'POST', path: '/echo/a?x=1', body: '{"k":1}' },
    { method: 'GET', path: '/echo' },
    { method: 'HEAD', path: '/echo' },
    { method: 'GET', path: '/no/route' },
    { method: 'HEAD', path: '/no/route' },
    { method: 'GET', path: '/healthz' },
    { method: 'HEAD', path: '/healthz' },
    { method: 'GET', path: '/readyz?probe=1' },
    { method: 'POST', path: '/healthz' },
    // Hono decodes a path with a percent sign before matching: `/health%7A` is the probe for it.
    { method: 'GET', path: '/health%7A' },
    { method: 'GET', path: '/echo%2Fx' },
  ];
  for (const init of cases) {
    it(`answers ${init.method} ${init.path} as the Hono app does`, async () => {
      const { viaHono, direct } = await bothWays(unitPlatform(echoTransport), init);
      expect(direct).toEqual(viaHono);
      expect(direct.status).not.toBe(500);
    });
  }

  it('HEAD: the status and headers of the GET answer, no body', async () => {
    const { direct } = await bothWays(unitPlatform(echoTransport), { method: 'HEAD', path: '/echo' });
    expect(direct.status).toBe(200);
    expect(direct.body).toBeNull();
    expect(direct.headers).toContainEqual(['x-request-id', 'req-fixed-1']);
  });

  it('an unexpected failure is a 500 InternalError naming nothing, logged once, both ways', async () => {
    const logged: Array<{ message: string; fields: unknown }> = [];
    const broken = unitPlatform(echoTransport, {
      requestContext: () => {
        throw new Error('adapter exploded at /secret/path');
      },
      logger: {
        debug() {},
        info() {},
        warn() {},
        error: (message, fields) => logged.push({ message, fields }),
      },
    });
    const { viaHono, direct } = await bothWays(broken, { method: 'POST', path: '/echo', body: '{}' });
    expect(direct).toEqual(viaHono);
    expect(direct.status).toBe(500);
    expect(JSON.parse(direct.body!)).toMatchObject({ error: 'InternalError' });
    expect(direct.body).not.toContain('secret');
    expect(logged).toEqual([
      { message: 'unhandled error', fields: { error: 'adapter exploded at /secret/path' } },
      { message: 'unhandled error', fields: { error: 'adapter exploded at /secret/path' } },
    ]);
  });
});
