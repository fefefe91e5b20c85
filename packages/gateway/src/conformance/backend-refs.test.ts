/*
 * Gateway API HTTPRoute conformance for backendRefs that do not resolve, ReferenceGrants,
 * rules without backendRefs, rewrite-host and timeouts (kubernetes-sigs/gateway-api @4564255,
 * conformance/tests/<name>.go for the cases, testdata/<name>.yaml for the routes). The suite's
 * ResolvedRefs conditions are the translation warnings here (lambda-gateway writes no status).
 */
import { describe, expect, it } from 'vitest';
import { caseName, conformanceSuite, expectCase, type ConformanceCase } from './conformance-test-support.ts';

function cases(title: string, file: string, list: ConformanceCase[], warning?: RegExp) {
  describe(title, () => {
    conformanceSuite(file, (gateway) => {
      if (warning)
        it('reports the unresolved reference (the suite: ResolvedRefs False)', () => expect(gateway().warnings).toContainEqual(expect.stringMatching(warning)));
      list.forEach((entry, index) => {
        it(caseName(index, entry), async () => {
          const before = gateway().transport.invocations;
          await expectCase(gateway(), entry);
          // A 500 for an unresolved reference is the gateway's own: no function runs.
          if (entry.status === 500) expect(gateway().transport.invocations).toBe(before);
        });
      });
    });
  });
}

cases(
  'httproute-invalid-backendref-unknown-kind.go (InvalidKind)',
  'httproute-invalid-backendref-unknown-kind.yaml',
  [{ request: { method: 'GET', path: '/v2' }, status: 500 }],
  /backendRefs\[0\]: kind NonExistent \(group "unknownkind.example.com"\) is not supported.*: its requests are answered 500$/,
);

cases(
  'httproute-invalid-nonexistent-backendref.go (BackendNotFound)',
  'httproute-invalid-nonexistent-backendref.yaml',
  [{ request: { method: 'GET', path: '/' }, status: 500 }],
  /backendRefs\[0\]: Backend gateway-conformance-infra\/nonexistent not found: its requests are answered 500$/,
);

const notPermitted =
  /Backend gateway-conformance-web-backend\/web-backend is in another namespace and no ReferenceGrant in gateway-conformance-web-backend permits HTTPRoutes of gateway-conformance-infra/;
cases(
  'httproute-invalid-cross-namespace-backend-ref.go (RefNotPermitted)',
  'httproute-invalid-cross-namespace-backend-ref.yaml',
  [{ request: { method: 'GET', path: '/' }, status: 500 }],
  notPermitted,
);

cases(
  'httproute-invalid-reference-grant.go (seven ReferenceGrants, each wrong in one field)',
  'httproute-invalid-reference-grant.yaml',
  [{ request: { method: 'GET', path: '/' }, status: 500 }],
  notPermitted,
);

cases('httproute-reference-grant.go', 'httproute-reference-grant.yaml', [
  { request: { method: 'GET', path: '/' }, backend: 'web-backend', namespace: 'gateway-conformance-web-backend' },
]);

describe('httproute-reference-grant.go: after deleting the ReferenceGrant', () => {
  // The suite deletes the grant from the cluster; here that is the same YAML without it.
  conformanceSuite('httproute-invalid-cross-namespace-backend-ref.yaml', (gateway) => {
    it('Simple HTTP request should return 500 after deleting the relevant reference grant', () =>
      expectCase(gateway(), { request: { method: 'GET', path: '/' }, status: 500 }));
  });
});

cases(
  'httproute-partially-invalid-via-invalid-reference-grant.go',
  'httproute-partially-invalid-via-invalid-reference-grant.yaml',
  [
    { request: { method: 'GET', path: '/v2' }, status: 500 },
    { request: { method: 'GET', path: '/' }, backend: 'app-backend-v1', namespace: 'gateway-conformance-app-backend' },
  ],
  /Backend gateway-conformance-app-backend\/app-backend-v2 is in another namespace/,
);

cases('httproute-omitted-backendrefs.go', 'httproute-omitted-backendrefs.yaml', [
  { request: { path: '/forward' }, backend: 'infra-backend-v1' },
  { request: { path: '/omitted-no-forward' }, status: 500 },
  { request: { path: '/empty-no-forward' }, status: 500 },
]);

// ExpectedRequest.Host is not asserted: Envoy's aws_lambda envelope carries no Host (Envoy holds
// it as the :authority pseudo-header, which jsonizeRequest skips), so a function cannot see it.
// The route's hostname (rewrite.example), the backend chosen and the rest of the request are.
cases('httproute-rewrite-host.go (Host not observable in the Envoy envelope)', 'httproute-rewrite-host.yaml', [
  { request: { path: '/one', host: 'rewrite.example' }, expectedRequest: { path: '/one' }, backend: 'infra-backend-v1' },
  { request: { path: '/two', host: 'rewrite.example' }, expectedRequest: { path: '/two' }, backend: 'infra-backend-v2' },
  {
    request: {
      path: '/rewrite-host-and-modify-headers',
      host: 'rewrite.example',
      headers: { 'X-Header-Remove': 'remove-val', 'X-Header-Add-Append': 'append-val-1' },
    },
    expectedRequest: {
      path: '/rewrite-host-and-modify-headers',
      headers: { 'X-Header-Add': 'header-val-1', 'X-Header-Add-Append': 'append-val-1,header-val-2', 'X-Header-Set': 'set-overwrites-values' },
      absentHeaders: ['X-Header-Remove'],
    },
    backend: 'infra-backend-v2',
  },
  // Beyond the .go file: the route's hostname is honoured.
  { request: { path: '/one', host: 'other.example' }, status: 404 },
]);

// The echo waits `?delay=`; timeouts of 500 ms against a 1 s delay.
cases('httproute-timeout-request.go', 'httproute-timeout-request.yaml', [
  { request: { path: '/request-timeout' } },
  { request: { path: '/request-timeout?delay=1s' }, status: 504 },
  { request: { path: '/disable-request-timeout?delay=1s' } },
]);

cases('httproute-timeout-backend-request.go', 'httproute-timeout-backend-request.yaml', [
  { request: { path: '/backend-timeout' } },
  { request: { path: '/backend-timeout?delay=1s' }, status: 504 },
  { request: { path: '/disable-backend-timeout?delay=1s' } },
]);
