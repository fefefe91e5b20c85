import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../packages/gateway/src/cli/check.ts';
import { startGateway } from '../../packages/gateway/src/cli/serve.ts';
import { translateYaml } from '../../packages/gateway/src/manifests/manifest-test-support.ts';
import { silentLogger } from '../../packages/gateway/src/logging/index.ts';

/*
 * Which listeners a route attaches to (parentRef sectionName / port, allowedRoutes), checked on
 * the translation: the Gateway API conformance cases whose expectation is a route status
 * (kubernetes-sigs/gateway-api @4564255ac2c35d582249b3cdf261bdf51c8bca32, conformance/tests/<name>.yaml
 * and .go) become "not attached, with a warning saying why" here, the gateway having no status to
 * write. Then `check`'s listener report and `--port` with several listener ports.
 */

const CONFORMANCE = join(import.meta.dirname, 'testdata', 'gateway-api');
const read = (name: string) => readFile(join(CONFORMANCE, `${name}.yaml`), 'utf8');

const BACKEND = ['v1', 'v2', 'v3']
  .map(
    (version) => `apiVersion: gateway.kgateway.dev/v1alpha1
kind: Backend
metadata: { name: infra-backend-${version}, namespace: gateway-conformance-infra }
spec: { type: AWS, aws: { region: us-east-1, accountId: "222222222222", lambda: { functionName: echo, payloadTransformMode: Envoy } } }
`,
  )
  .concat(
    `apiVersion: gateway.kgateway.dev/v1alpha1
kind: Backend
metadata: { name: web-backend, namespace: gateway-conformance-web-backend }
spec: { type: AWS, aws: { region: us-east-1, accountId: "222222222222", lambda: { functionName: echo, payloadTransformMode: Envoy } } }
`,
  )
  .join('---\n');
const toBackends = (yaml: string) =>
  yaml.replace(
    /backendRefs:\n(\s+)- name: (\S+)\n(\s+)(kind: Service\n\s+)?port: 8080/g,
    'backendRefs:\n$1- { group: gateway.kgateway.dev, kind: Backend, name: $2 }',
  );

async function translate(...names: string[]) {
  const documents = await Promise.all(names.map(read));
  return translateYaml([BACKEND, ...documents.map(toBackends)].join('---\n'));
}

describe('conformance: parentRefs that select no listener (NoMatchingParent: the route is not served)', () => {
  // Each case: its route YAML (conformance/tests/<case>.yaml) on its Gateway (the case's own, or
  // conformance/base/manifests.yaml `same-namespace`); the .go expects Accepted=False NoMatchingParent
  // and 0 routes attached to the Gateway.
  it.each([
    ['httproute-invalid-parentref-not-matching-listener-port', ['same-namespace'], 'port 81 selects no listener'],
    ['httproute-invalid-parentref-not-matching-section-name', ['same-namespace'], 'sectionName http1 port 80 selects no listener'],
    ['httproute-invalid-parentref-section-name-not-matching-port', [], 'sectionName http port 81 selects no listener'],
  ])('%s', async (name, gateways, reason) => {
    const translated = await translate(...gateways, name);
    expect(translated.routes).toEqual([]);
    expect(translated.attachments).toEqual({});
    expect(translated.warnings.filter((warning) => warning.includes('spec.parentRefs'))).toEqual([expect.stringContaining(reason)]);
  });
});

describe('conformance: routes no listener admits (NotAllowedByListeners: not attached, the Gateway serves none)', () => {
  // Each case: the Gateways and route YAML (conformance/tests/<case>.yaml, conformance/base/manifests.yaml);
  // its .go has three subtests: Accepted=False NotAllowedByListeners, no accepted parents, 0 routes on the Gateway.
  describe.each([
    [
      'httproute-disallowed-kind',
      [],
      // The TLS listener is not served at all (and its allowedRoutes.kinds lists only TLSRoute).
      'parentRef gateway-conformance-infra/tlsroutes-only selects no listener',
    ],
    [
      'httproute-invalid-cross-namespace-parent-ref',
      ['same-namespace'],
      'listener http of Gateway gateway-conformance-infra/same-namespace: allowedRoutes.namespaces.from is Same and the route is in namespace gateway-conformance-web-backend',
    ],
  ])('%s', (name, gateways, reason) => {
    it('the route is not accepted: a warning says why', async () => {
      const translated = await translate(...gateways, name);
      expect(translated.warnings.filter((warning) => warning.includes('spec.parentRefs'))).toEqual([expect.stringContaining(`not served (${reason}`)]);
    });
    it('the route has no parent (it is attached to no listener)', async () => {
      expect((await translate(...gateways, name)).attachments).toEqual({});
    });
    it('the Gateway has 0 routes (nothing is served for it)', async () => {
      expect((await translate(...gateways, name)).routes).toEqual([]);
    });
  });

  it('httproute-disallowed-kind: the TLS listener itself is reported as not served', async () => {
    const translated = await translate('httproute-disallowed-kind');
    expect(translated.listeners).toEqual([]);
    expect(translated.warnings).toContainEqual(expect.stringContaining('spec.listeners[0].protocol: TLS listeners are not served'));
  });

  it('httproute-cross-namespace: the Selector of backend-namespaces admits the route of the labelled namespace', async () => {
    // conformance/tests/httproute-cross-namespace.go: Accepted and ResolvedRefs True (served: listeners-gateways.node.test.ts).
    const translated = await translate('backend-namespaces', 'namespace-web-backend', 'httproute-cross-namespace');
    expect(Object.values(translated.attachments ?? {})).toEqual([[{ listener: 'gateway-conformance-infra/backend-namespaces/http', hostnames: [] }]]);
    expect(translated.warnings.filter((warning) => warning.includes('cross-namespace'))).toEqual([]);
  });
});

const gateway = (allowedRoutes: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: gateway-conformance-infra }
spec:
  gatewayClassName: x
  listeners: [{ name: http, port: 8080, protocol: HTTP, allowedRoutes: ${allowedRoutes} }]
`;
const route = (namespace: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: ${namespace} }
spec:
  parentRefs: [{ name: gw, namespace: gateway-conformance-infra }]
  rules: [{ backendRefs: [{ group: gateway.kgateway.dev, kind: Backend, name: infra-backend-v1, namespace: gateway-conformance-infra }] }]
`;
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata: { name: apps, labels: { gateway-conformance: backend } }\n';

describe('allowedRoutes', () => {
  const attached = (yaml: string) => Object.values(translateYaml(yaml).attachments ?? {}).map((entries) => entries.map((entry) => entry.listener));

  it('takes routes of the Gateway namespace by default (Same), of any with All', () => {
    expect(attached([BACKEND, gateway('{}'), route('gateway-conformance-infra')].join('---\n'))).toEqual([['gateway-conformance-infra/gw/http']]);
    const other = translateYaml([BACKEND, gateway('{}'), route('apps')].join('---\n'));
    expect(other.routes).toEqual([]);
    expect(other.warnings).toContainEqual(expect.stringContaining('allowedRoutes.namespaces.from is Same and the route is in namespace apps'));
    expect(attached([BACKEND, gateway('{ namespaces: { from: All } }'), route('apps')].join('---\n'))).toEqual([['gateway-conformance-infra/gw/http']]);
  });

  it("matches a Selector against the labels of the config's Namespace manifests (and kubernetes.io/metadata.name)", () => {
    const selector = '{ namespaces: { from: Selector, selector: { matchLabels: { gateway-conformance: backend } } } }';
    expect(attached([BACKEND, NAMESPACE, gateway(selector), route('apps')].join('---\n'))).toEqual([['gateway-conformance-infra/gw/http']]);
    const unknown = translateYaml([BACKEND, gateway(selector), route('apps')].join('---\n'));
    expect(unknown.routes).toEqual([]);
    expect(unknown.warnings).toContainEqual(expect.stringContaining('namespace apps has no Namespace manifest in the config'));
    const byName = '{ namespaces: { from: Selector, selector: { matchExpressions: [{ key: kubernetes.io/metadata.name, operator: In, values: [apps] }] } } }';
    expect(attached([BACKEND, gateway(byName), route('apps')].join('---\n'))).toEqual([['gateway-conformance-infra/gw/http']]);
  });

  it('refuses routes when kinds leaves out HTTPRoute', () => {
    const translated = translateYaml([BACKEND, gateway('{ kinds: [{ kind: GRPCRoute }] }'), route('gateway-conformance-infra')].join('---\n'));
    expect(translated.routes).toEqual([]);
    expect(translated.warnings).toContainEqual(expect.stringContaining('allowedRoutes.kinds does not include HTTPRoute'));
  });
});

describe('check and --port with several listener ports', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-listener-check-'));
  const file = join(dir, 'gateway.yaml');
  const yaml = [BACKEND, toBackends(await read('httproute-listener-port-matching'))].join('---\n');

  it('check lists the listeners (port → container port) and the listeners of each route', async () => {
    await writeFile(file, yaml);
    let text = '';
    expect(await checkConfig({ config: [file], output: 'text', env: {}, write: (out) => (text = out) })).toBe(0);
    expect(text).toContain('default port: 10080 (Gateway HTTP listener port 80 + 10000, unprivileged; --port not allowed: 3 ports served)');
    expect(text).toContain('listeners (5 on 3 ports; routes no listener takes: port 10080):');
    expect(text).toMatch(/gateway-conformance-infra\/httproute-listener-port-matching\/listener-1\s+HTTP\s+80 -> 10080\s+foo\.com\s+-/);
    expect(text).toMatch(/^LISTENERS\s+HOST\s+ROUTE/m);
    expect(text).toMatch(
      /^httproute-listener-port-matching\/listener-2, httproute-listener-port-matching\/listener-3\s+bar\.com\s+HTTPRoute gateway-conformance-infra\/backend-v2/m,
    );
  });

  it('serve refuses --port when the listeners use several ports (exit 2: a usage error)', async () => {
    await writeFile(file, yaml);
    await expect(startGateway({ config: [file], port: 0, host: '127.0.0.1', adminPort: 0, watch: false, logger: silentLogger, env: {} })).rejects.toThrow(
      /--port \(or PORT\) replaces the port or certificate of one served port, but the Gateway listeners are served on 3 ports \(10080, 8080, 8090\)/,
    );
    await rm(dir, { recursive: true, force: true });
  });
});
