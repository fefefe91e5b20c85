/*
 * Gateway API HTTPRoute filter conformance (kubernetes-sigs/gateway-api @4564255,
 * conformance/tests/<name>.go for the cases, testdata/<name>.yaml for the routes): header
 * modifiers on requests and responses, at rule and backendRef level, and URL rewrites. Each case
 * is the .go file's testCases entry; the echo functions report what they received.
 */
import { describe, expect, it } from 'vitest';
import { caseName, conformanceSuite, expectCase, sendCase, type ConformanceCase } from './conformance-test-support.ts';

const V1 = 'infra-backend-v1';
const V2 = 'infra-backend-v2';

function cases(title: string, file: string, list: ConformanceCase[]) {
  describe(title, () => {
    conformanceSuite(file, (gateway) => {
      list.forEach((entry, index) => {
        it(caseName(index, entry), () => expectCase(gateway(), entry));
      });
    });
  });
}

/** httproute-request-header-modifier.go: HTTPRouteRequestHeaderModifier.Test, shared by both tests. */
const requestHeaderModifierCases: ConformanceCase[] = [
  {
    request: { path: '/set', headers: { 'Some-Other-Header': 'val' } },
    expectedRequest: { path: '/set', headers: { 'Some-Other-Header': 'val', 'X-Header-Set': 'set-overwrites-values' } },
    backend: V1,
  },
  {
    request: { path: '/set', headers: { 'Some-Other-Header': 'val', 'X-Header-Set': 'some-other-value' } },
    expectedRequest: { path: '/set', headers: { 'Some-Other-Header': 'val', 'X-Header-Set': 'set-overwrites-values' } },
    backend: V1,
  },
  {
    request: { path: '/add', headers: { 'Some-Other-Header': 'val' } },
    expectedRequest: { path: '/add', headers: { 'Some-Other-Header': 'val', 'X-Header-Add': 'add-appends-values' } },
    backend: V1,
  },
  {
    request: { path: '/add', headers: { 'Some-Other-Header': 'val', 'X-Header-Add': 'some-other-value' } },
    expectedRequest: { path: '/add', headers: { 'Some-Other-Header': 'val', 'X-Header-Add': 'some-other-value,add-appends-values' } },
    backend: V1,
  },
  {
    request: { path: '/remove', headers: { 'X-Header-Remove': 'val' } },
    expectedRequest: { path: '/remove', absentHeaders: ['X-Header-Remove'] },
    backend: V1,
  },
  {
    request: {
      path: '/multiple',
      headers: { 'X-Header-Set-2': 'set-val-2', 'X-Header-Add-2': 'add-val-2', 'X-Header-Remove-2': 'remove-val-2', 'Another-Header': 'another-header-val' },
    },
    expectedRequest: {
      path: '/multiple',
      headers: {
        'X-Header-Set-1': 'header-set-1',
        'X-Header-Set-2': 'header-set-2',
        'X-Header-Add-1': 'header-add-1',
        'X-Header-Add-2': 'add-val-2,header-add-2',
        'X-Header-Add-3': 'header-add-3',
        'Another-Header': 'another-header-val',
      },
      absentHeaders: ['X-Header-Remove-1', 'X-Header-Remove-2'],
    },
    backend: V1,
  },
  {
    // The filter uses canonicalized header names, the request lowercase names.
    request: {
      path: '/case-insensitivity',
      headers: {
        'x-header-set': 'original-val-set',
        'x-header-add': 'original-val-add',
        'x-header-remove': 'original-val-remove',
        'Another-Header': 'another-header-val',
      },
    },
    expectedRequest: {
      path: '/case-insensitivity',
      headers: { 'X-Header-Set': 'header-set', 'X-Header-Add': 'original-val-add,header-add', 'Another-Header': 'another-header-val' },
      absentHeaders: ['x-header-remove', 'X-Header-Remove'],
    },
    backend: V1,
  },
];

cases('httproute-request-header-modifier.go HTTPRouteRequestHeaderModifier', 'httproute-request-header-modifier.yaml', requestHeaderModifierCases);
cases(
  'httproute-request-header-modifier.go HTTPRouteBackendRequestHeaderModifier (filters on the backendRef)',
  'httproute-request-header-modifier-backend.yaml',
  requestHeaderModifierCases,
);

describe('httproute-request-header-modifier-backend-weights.go', () => {
  conformanceSuite('httproute-request-header-modifier-backend-weights.yaml', (gateway) => {
    it('each of 100 requests carries exactly the Backend header of the backendRef it reached', async () => {
      const reached = new Set<string>();
      for (let i = 0; i < 100; i++) {
        const response = await sendCase(gateway(), { path: '/' });
        expect(response.status).toBe(200);
        const echoed = response.echoed!;
        // One header line set (not added) by the backendRef's own filter, naming the echo that answered.
        expect(echoed.headers.backend).toBe(echoed.backend);
        reached.add(echoed.backend);
      }
      expect(reached).toEqual(new Set([V1, V2]));
    });
  });
});

cases('httproute-response-header-modifier.go', 'httproute-response-header-modifier.yaml', [
  {
    request: { path: '/set', backendSetResponseHeaders: { 'Some-Other-Header': 'val' } },
    responseHeaders: { 'Some-Other-Header': 'val', 'X-Header-Set': 'set-overwrites-values' },
    backend: V1,
  },
  {
    request: { path: '/set', backendSetResponseHeaders: { 'Some-Other-Header': 'val', 'X-Header-Set': 'some-other-value' } },
    responseHeaders: { 'Some-Other-Header': 'val', 'X-Header-Set': 'set-overwrites-values' },
    backend: V1,
  },
  {
    request: { path: '/add', backendSetResponseHeaders: { 'Some-Other-Header': 'val' } },
    responseHeaders: { 'Some-Other-Header': 'val', 'X-Header-Add': 'add-appends-values' },
    backend: V1,
  },
  {
    request: { path: '/add', backendSetResponseHeaders: { 'Some-Other-Header': 'val', 'X-Header-Add': 'some-other-value' } },
    responseHeaders: { 'Some-Other-Header': 'val', 'X-Header-Add': 'some-other-value,add-appends-values' },
    backend: V1,
  },
  {
    request: { path: '/remove', backendSetResponseHeaders: { 'X-Header-Remove': 'val' } },
    absentResponseHeaders: ['X-Header-Remove'],
    backend: V1,
  },
  {
    request: {
      path: '/multiple',
      backendSetResponseHeaders: {
        'X-Header-Set-2': 'set-val-2',
        'X-Header-Add-2': 'add-val-2',
        'X-Header-Remove-2': 'remove-val-2',
        'Another-Header': 'another-header-val',
        'X-Header-Remove-1': 'val',
      },
    },
    responseHeaders: {
      'X-Header-Set-1': 'header-set-1',
      'X-Header-Set-2': 'header-set-2',
      'X-Header-Add-1': 'header-add-1',
      'X-Header-Add-2': 'add-val-2,header-add-2',
      'X-Header-Add-3': 'header-add-3',
      'Another-Header': 'another-header-val',
    },
    absentResponseHeaders: ['X-Header-Remove-1', 'X-Header-Remove-2'],
    backend: V1,
  },
  {
    request: {
      path: '/case-insensitivity',
      backendSetResponseHeaders: {
        'x-header-set': 'original-val-set',
        'x-header-add': 'original-val-add',
        'x-header-remove': 'original-val-remove',
        'Another-Header': 'another-header-val',
      },
    },
    responseHeaders: {
      'X-Header-Set': 'header-set',
      'X-Header-Add': 'original-val-add,header-add',
      'X-Lowercase-Add': 'lowercase-add',
      'X-Mixedcase-Add-1': 'mixedcase-add-1',
      'X-Mixedcase-Add-2': 'mixedcase-add-2',
      'X-Uppercase-Add': 'uppercase-add',
      'Another-Header': 'another-header-val',
    },
    absentResponseHeaders: ['x-header-remove', 'X-Header-Remove'],
    backend: V1,
  },
  {
    request: {
      path: '/response-and-request-header-modifiers',
      headers: { 'X-Header-Remove': 'remove-val', 'X-Header-Add-Append': 'append-val-1', 'X-Header-Echo': 'echo' },
      backendSetResponseHeaders: {
        'X-Header-Set-2': 'set-val-2',
        'X-Header-Add-2': 'add-val-2',
        'X-Header-Remove-2': 'remove-val-2',
        'Another-Header': 'another-header-val',
        'X-Header-Remove-1': 'remove-val-1',
        'X-Header-Echo': 'echo',
      },
    },
    expectedRequest: {
      path: '/response-and-request-header-modifiers',
      headers: {
        'X-Header-Add': 'header-val-1',
        'X-Header-Set': 'set-overwrites-values',
        'X-Header-Add-Append': 'append-val-1,header-val-2',
        'X-Header-Echo': 'echo',
      },
      absentHeaders: ['X-Header-Remove'],
    },
    responseHeaders: {
      'X-Header-Set-1': 'header-set-1',
      'X-Header-Set-2': 'header-set-2',
      'X-Header-Add-1': 'header-add-1',
      'X-Header-Add-2': 'add-val-2,header-add-2',
      'Another-Header': 'another-header-val',
      'X-Header-Echo': 'echo',
    },
    absentResponseHeaders: ['X-Header-Remove-1', 'X-Header-Remove-2'],
    backend: V1,
  },
]);

const modifiedHeaders = {
  'X-Header-Add': 'header-val-1',
  'X-Header-Add-Append': 'append-val-1,header-val-2',
  'X-Header-Set': 'set-overwrites-values',
};
const headersToModify = { 'X-Header-Remove': 'remove-val', 'X-Header-Add-Append': 'append-val-1', 'X-Header-Set': 'set-val' };

cases('httproute-rewrite-path.go', 'httproute-rewrite-path.yaml', [
  { request: { path: '/prefix/one/two' }, expectedRequest: { path: '/one/two' }, backend: V1 },
  { request: { path: '/strip-prefix/three' }, expectedRequest: { path: '/three' }, backend: V1 },
  { request: { path: '/strip-prefix' }, expectedRequest: { path: '/' }, backend: V1 },
  { request: { path: '/full/one/two' }, expectedRequest: { path: '/one' }, backend: V1 },
  {
    request: { path: '/full/rewrite-path-and-modify-headers/test', headers: headersToModify },
    expectedRequest: { path: '/test', headers: modifiedHeaders, absentHeaders: ['X-Header-Remove'] },
    backend: V1,
  },
  {
    request: { path: '/prefix/rewrite-path-and-modify-headers/one', headers: headersToModify },
    expectedRequest: { path: '/prefix/one', headers: modifiedHeaders, absentHeaders: ['X-Header-Remove'] },
    backend: V1,
  },
]);

cases('httproute-backend-url-rewrite.go (URLRewrite on the backendRef)', 'httproute-backend-url-rewrite.yaml', [
  { request: { path: '/full/original' }, expectedRequest: { path: '/rewritten-full' }, backend: V1 },
  { request: { path: '/prefix/original' }, expectedRequest: { path: '/rewritten-prefix/original' }, backend: V1 },
]);
