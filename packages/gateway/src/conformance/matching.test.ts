/*
 * Gateway API HTTPRoute matching conformance (kubernetes-sigs/gateway-api @4564255,
 * conformance/tests/<name>.go for the cases, testdata/<name>.yaml for the routes), each case as
 * in the .go file's testCases, served by the Node adapter with echo Lambda functions
 * (conformance-test-support.ts).
 */
import { describe, it } from 'vitest';
import { caseName, conformanceSuite, expectCase, type ConformanceCase } from './conformance-test-support.ts';

const V1 = 'infra-backend-v1';
const V2 = 'infra-backend-v2';
const V3 = 'infra-backend-v3';
const to = (backend: string, path: string, extra: Omit<ConformanceCase['request'], 'path'> = {}): ConformanceCase => ({ request: { path, ...extra }, backend });
const notFound = (path: string, extra: Omit<ConformanceCase['request'], 'path'> = {}): ConformanceCase => ({ request: { path, ...extra }, status: 404 });

function cases(file: string, list: ConformanceCase[]) {
  describe(`${file.replace('.yaml', '.go')}`, () => {
    conformanceSuite(file, (gateway) => {
      list.forEach((entry, index) => {
        it(caseName(index, entry), () => expectCase(gateway(), entry));
      });
    });
  });
}

cases('httproute-simple-same-namespace.yaml', [to(V1, '/')]);

cases('httproute-exact-path-matching.yaml', [to(V1, '/one'), to(V2, '/two'), notFound('/'), notFound('/one/example'), notFound('/two/'), notFound('/Two')]);

cases('httproute-matching.yaml', [
  to(V1, '/'),
  to(V1, '/example'),
  to(V1, '/', { headers: { Version: 'one' } }),
  to(V2, '/v2'),
  to(V2, '/v2/example'),
  to(V2, '/', { headers: { Version: 'two' } }),
  to(V2, '/v2/'),
  // Not a path segment prefix so should not match /v2.
  to(V1, '/v2example'),
  to(V1, '/foo/v2/example'),
]);

cases('httproute-path-match-order.yaml', [
  to(V3, '/match/exact/one'),
  to(V2, '/match/exact'),
  to(V1, '/match'),
  to(V2, '/match/prefix/one/any'),
  to(V1, '/match/prefix/any'),
  to(V3, '/match/any'),
]);

cases('httproute-header-matching.yaml', [
  to(V1, '/', { headers: { Version: 'one' } }),
  to(V2, '/', { headers: { Version: 'two' } }),
  to(V1, '/', { headers: { Version: 'two', Color: 'orange' } }),
  to(V2, '/', { headers: { Version: 'two', Color: 'blue' } }),
  notFound('/', { headers: { Color: 'orange' } }),
  notFound('/', { headers: { 'Some-Other-Header': 'one' } }),
  to(V1, '/', { headers: { Color: 'blue' } }),
  to(V1, '/', { headers: { Color: 'green' } }),
  to(V2, '/', { headers: { Color: 'red' } }),
  to(V2, '/', { headers: { Color: 'yellow' } }),
  notFound('/', { headers: { Color: 'purple' } }),
]);

cases('httproute-method-matching.yaml', [
  to(V1, '/', { method: 'POST' }),
  to(V2, '/', { method: 'GET' }),
  notFound('/', { method: 'HEAD' }),
  // Combinations of method matching with other core matches.
  to(V1, '/path1', { method: 'GET' }),
  to(V2, '/', { method: 'PUT', headers: { version: 'one' } }),
  to(V3, '/path2', { method: 'POST', headers: { version: 'two' } }),
  // ORed matches match when only one of them is used.
  to(V1, '/path3', { method: 'PATCH' }),
  to(V1, '/path4', { method: 'DELETE', headers: { version: 'three' } }),
  // ANDed match types do not match when only a subset is used.
  notFound('/', { method: 'PUT' }),
  notFound('/path4', { method: 'DELETE' }),
  // Precedence among matching rules.
  to(V1, '/path5', { method: 'PATCH' }),
  to(V2, '/', { method: 'PATCH', headers: { version: 'four' } }),
]);

cases('httproute-query-param-matching.yaml', [
  to(V1, '/?animal=whale'),
  to(V2, '/?animal=dolphin'),
  to(V3, '/?animal=dolphin&color=blue'),
  to(V3, '/?ANIMAL=Whale'),
  to(V1, '/?animal=whale&otherparam=irrelevant'),
  to(V2, '/?animal=dolphin&color=yellow'),
  notFound('/?color=blue'),
  notFound('/?animal=dog'),
  notFound('/?animal=whaledolphin'),
  notFound('/'),
  // Combinations of query param matching with other core matches.
  to(V1, '/path1?animal=whale'),
  to(V2, '/?animal=whale', { headers: { version: 'one' } }),
  to(V3, '/path2?animal=whale', { headers: { version: 'two' } }),
  // ORed matches match when only one of them is used.
  to(V1, '/path3?animal=shark'),
  to(V1, '/path4?animal=kraken', { headers: { version: 'three' } }),
  // ANDed match types do not match when only a subset is used.
  notFound('/?animal=shark'),
  notFound('/path4?animal=kraken'),
  // Precedence among matching rules.
  to(V1, '/path5?animal=hydra'),
  to(V3, '/?animal=hydra', { headers: { version: 'four' } }),
]);

// httproute-named-rule.go: both answer 200 (the suite checks no backend); the backend is asserted too.
cases('httproute-named-rule.yaml', [to(V1, '/named'), to(V2, '/unnamed')]);
