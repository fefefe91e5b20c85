import { createJsonLogger } from '../../packages/gateway/src/logging/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificate, get, getH2, readConformance, startListenerStack, type ListenerStack } from '../support/listener-stack.ts';
import { freePort } from '../support/free-port.ts';

/*
 * The Gateway API conformance cases that need several Gateways in one config, or SNI against
 * Host, served on real ports against the local AWS (kubernetes-sigs/gateway-api
 * @4564255ac2c35d582249b3cdf261bdf51c8bca32: conformance/tests/<name>.yaml copied to
 * testdata/gateway-api with the base Gateways of conformance/base/manifests.yaml, expectations
 * from the matching .go). The suite gives each Gateway its own address; here each Gateway gets
 * its own free port (two Gateways on one port would share it, told apart by hostname only).
 */

let stack: ListenerStack;
beforeAll(async () => {
  stack = await startListenerStack();
}, 60_000);
afterAll(() => stack?.close());

/** The YAML documents with `port: 80` replaced in each Gateway manifest by that Gateway's port. */
function withGatewayPorts(yaml: string, ports: Record<string, number>): string {
  return yaml
    .split(/^---$/m)
    .map((document) => {
      const gateway = /^kind: Gateway$/m.test(document) ? /^ {2}name: (\S+)$/m.exec(document)?.[1] : undefined;
      const port = gateway === undefined ? undefined : ports[gateway];
      return port === undefined ? document : document.replaceAll(/port: (80|443)\n/g, `port: ${port}\n`);
    })
    .join('---');
}

type Served = Awaited<ReturnType<ListenerStack['serveYaml']>>;

describe('conformance: httproute-multiple-gateways (one route on two Gateways, one dedicated route each)', async () => {
  const ports = { 'same-namespace': await freePort(), 'all-namespaces': await freePort() };
  let gateway: Served;
  beforeAll(async () => {
    const yaml = [await readConformance('same-namespace'), await readConformance('all-namespaces'), await readConformance('httproute-multiple-gateways')];
    gateway = await stack.serveYaml('multiple-gateways', withGatewayPorts(yaml.join('\n---\n'), ports));
  }, 30_000);
  afterAll(() => gateway?.close(1_000));

  // Source: conformance/tests/httproute-multiple-gateways.go, the four subtests (two per Gateway).
  it.each([
    ['same-namespace', '/shared', 'infra-backend-v1'],
    ['same-namespace', '/', 'infra-backend-v2'],
    ['all-namespaces', '/shared', 'infra-backend-v1'],
    ['all-namespaces', '/', 'infra-backend-v3'],
  ] as const)('Gateway %s: %s → %s', async (name, path, backend) => {
    expect(await get(ports[name], 'example.com', undefined, path)).toEqual({ status: 200, backend });
  });
});

describe('conformance: httproute-hostname-intersection, the second Gateway (httproute-hostname-intersection-all)', async () => {
  const ports = { 'httproute-hostname-intersection': await freePort(), 'httproute-hostname-intersection-all': await freePort() };
  let gateway: Served;
  beforeAll(async () => {
    gateway = await stack.serveYaml('hostname-intersection', withGatewayPorts(await readConformance('httproute-hostname-intersection'), ports));
  }, 30_000);
  afterAll(() => gateway?.close(1_000));

  // Source: conformance/tests/httproute-hostname-intersection.go, "HTTPRoutes intersects with an unspecified hostname listener" (all 6).
  it.each([
    ['first.com', 200, 'infra-backend-v2'],
    ['sub.first.com', 200, 'infra-backend-v2'],
    ['second.com', 200, 'infra-backend-v2'],
    ['sub.second.com', 200, 'infra-backend-v2'],
    ['third.com', 404, undefined],
    ['sub.third.com', 404, undefined],
  ] as const)('Host %s → %i %s', async (host, status, backend) => {
    expect(await get(ports['httproute-hostname-intersection-all'], host)).toEqual({ status, backend });
  });

  // The first Gateway's routes do not leak onto the second one, and the reverse.
  it('keeps each Gateway to its own routes', async () => {
    expect(await get(ports['httproute-hostname-intersection-all'], 'very.specific.com', undefined, '/s1')).toEqual({ status: 404, backend: undefined });
    expect(await get(ports['httproute-hostname-intersection'], 'very.specific.com', undefined, '/s1')).toEqual({ status: 200, backend: 'infra-backend-v1' });
    expect(await get(ports['httproute-hostname-intersection'], 'first.com')).toEqual({ status: 404, backend: undefined });
  });
});

describe('conformance: httproute-cross-namespace (a route of another namespace, admitted by a namespace Selector)', async () => {
  const port = await freePort();
  let gateway: Served;
  beforeAll(async () => {
    const yaml = [
      await readConformance('backend-namespaces'),
      await readConformance('namespace-web-backend'),
      await readConformance('httproute-cross-namespace'),
    ];
    gateway = await stack.serveYaml('cross-namespace', withGatewayPorts(yaml.join('\n---\n'), { 'backend-namespaces': port }));
  }, 30_000);
  afterAll(() => gateway?.close(1_000));

  // Source: conformance/tests/httproute-cross-namespace.go, "Simple HTTP request should reach web-backend".
  it('GET / → 200 web-backend', async () => {
    expect(await get(port, 'example.com')).toEqual({ status: 200, backend: 'web-backend' });
  });
});

describe('conformance: httproute-https-listener-detect-misdirected-requests (421 when SNI and Host pick different listeners)', async () => {
  const port = await freePort();
  // The suite's certificate names as exact names (Node's client refuses the two-label wildcard `*.org`).
  const pem = await certificate(['example.org', 'second-example.org', 'unknown-example.org', '*.wildcard.org']);
  const logLines: Array<Record<string, unknown>> = [];
  let gateway: Served;
  beforeAll(async () => {
    await stack.writeSecret('tls-validity-checks-certificate', { 'tls.crt': pem.cert, 'tls.key': pem.private });
    const yaml = [await readConformance('same-namespace-with-https-listener'), await readConformance('httproute-https-listener-detect-misdirected-requests')];
    gateway = await stack.serveYaml(
      'misdirected',
      withGatewayPorts(yaml.join('\n---\n'), { 'same-namespace-with-https-listener': port }),
      createJsonLogger((line) => logLines.push(JSON.parse(line) as Record<string, unknown>), 'info'),
    );
  }, 30_000);
  afterAll(() => gateway?.close(1_000));

  // Source: conformance/tests/httproute-https-listener-detect-misdirected-requests.go, cases (all 15), over HTTP/2 as the suite sends them.
  it.each([
    ['example.org', 'example.org', 200, 'infra-backend-v1'],
    ['example.org', 'second-example.org', 421, undefined],
    ['example.org', 'unknown-example.org', 404, undefined],
    ['second-example.org', 'second-example.org', 200, 'infra-backend-v2'],
    ['second-example.org', 'example.org', 421, undefined],
    ['second-example.org', 'unknown-example.org', 421, undefined],
    ['third-example.wildcard.org', 'third-example.wildcard.org', 200, 'infra-backend-v3'],
    ['third-example.wildcard.org', 'fith-example.wildcard.org', 200, 'infra-backend-v3'],
    ['third-example.wildcard.org', 'fourth-example.wildcard.org', 421, undefined],
    ['third-example.wildcard.org', 'second-example.org', 421, undefined],
    ['third-example.wildcard.org', 'unknown-example.org', 421, undefined],
    ['fourth-example.wildcard.org', 'fourth-example.wildcard.org', 200, 'infra-backend-v1'],
    ['fourth-example.wildcard.org', 'fith-example.wildcard.org', 421, undefined],
    ['unknown-example.org', 'example.org', 200, 'infra-backend-v1'],
    ['unknown-example.org', 'unknown-example.org', 404, undefined],
  ] as const)('SNI %s, Host %s → %i %s', async (servername, host, status, backend) => {
    expect(await getH2(port, servername, host, '/detect-misdirected-requests', pem.cert)).toEqual({ status, backend });
  });

  it('answers 421 over HTTP/1.1 too', async () => {
    expect(await get(port, 'second-example.org', { ca: pem.cert, servername: 'example.org' }, '/detect-misdirected-requests')).toEqual({
      status: 421,
      backend: undefined,
    });
  });

  it('logs the 421 and the 404 as failed requests, as every answered request is logged, and counts them', async () => {
    const unrouted = async () => {
      const text = await (await fetch(`${gateway.admin!.url}/metrics`)).text();
      const count = (code: string) =>
        Number(text.match(new RegExp(`^lambda_gateway_unrouted_requests_total\\{code="${code}",error="\\w+"\\} (\\d+)$`, 'm'))?.[1] ?? 0);
      return { '404': count('404'), '421': count('421') };
    };
    const before = await unrouted();
    logLines.length = 0;
    await get(port, 'second-example.org', { ca: pem.cert, servername: 'example.org' }, '/detect-misdirected-requests');
    await getH2(port, 'example.org', 'unknown-example.org', '/detect-misdirected-requests', pem.cert);
    expect(logLines.filter((line) => line.msg === 'request failed')).toEqual([
      expect.objectContaining({
        level: 'warn',
        status: 421,
        error: 'MisdirectedRequest',
        serverName: 'example.org',
        host: 'second-example.org',
        path: '/detect-misdirected-requests',
      }),
      expect.objectContaining({
        level: 'warn',
        status: 404,
        error: 'RouteNotFound',
        method: 'GET',
        path: '/detect-misdirected-requests',
        requestId: expect.any(String),
      }),
    ]);
    expect(await unrouted()).toEqual({ '404': before['404'] + 1, '421': before['421'] + 1 });
  });
});
