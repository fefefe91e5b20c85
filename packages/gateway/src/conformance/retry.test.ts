/*
 * Gateway API HTTPRoute retry conformance (GEP-1731; kubernetes-sigs/gateway-api @4564255,
 * conformance/tests/<name>.go for the cases, testdata/<name>.yaml for the routes). The echo
 * functions simulate echo-basic's /retry/ handler (conformance-test-support.ts): the first
 * `succeedAfter` invocations of a `uuid` fail with `responseCode` as the function's status, or,
 * without it, by resetting the Invoke connection; each case gets a fresh uuid.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { conformanceSuite, sendCase } from './conformance-test-support.ts';

const V3 = 'infra-backend-v3';

interface RetryCase {
  name: string;
  path: string;
  simulation: Record<string, string>;
  /** The status the client must get (several: any of them). */
  want: number | number[];
}

function retryCases(title: string, file: string, list: RetryCase[]) {
  describe(title, () => {
    conformanceSuite(file, (gateway) => {
      list.forEach((entry, index) => {
        it(`${index} request to '${entry.path}' ${entry.name}`, async () => {
          const query = new URLSearchParams({ ...entry.simulation, uuid: randomUUID() });
          const response = await sendCase(gateway(), { path: `${entry.path}?${query}` });
          const want = Array.isArray(entry.want) ? entry.want : [entry.want];
          expect(want).toContain(response.status);
          // CompareRoundTrip: a 200 comes from the echo of the Backend the route names.
          if (response.status === 200) expect(response.echoed?.backend).toBe(V3);
        });
      });
    });
  });
}

const attempts3 = '/retry/code-500-attempts-3';
const all2 = '/retry/code-all-attempts-2';
retryCases('httproute-retry.go HTTPRouteRetry', 'httproute-retry.yaml', [
  {
    name: 'succeeds after 2 retries when retry is configured for status code 500 and max attempts is 3',
    path: attempts3,
    simulation: { responseCode: '500', succeedAfter: '2' },
    want: 200,
  },
  { name: 'fails when required retries on 500 exceed max attempts', path: attempts3, simulation: { responseCode: '500', succeedAfter: '4' }, want: 500 },
  {
    name: 'does not retry on 503 when retry is only configured for status code 500',
    path: attempts3,
    simulation: { responseCode: '503', succeedAfter: '2' },
    want: 503,
  },
  ...[500, 502, 503, 504].flatMap((code): RetryCase[] => [
    {
      name: `succeeds after 1 retry on ${code} when retry is configured for all status code and max attempts is 2`,
      path: all2,
      simulation: { responseCode: String(code), succeedAfter: '1' },
      want: 200,
    },
    {
      name: `fails when required retries on ${code} exceed max attempts`,
      path: all2,
      simulation: { responseCode: String(code), succeedAfter: '3' },
      want: code,
    },
  ]),
]);

retryCases('httproute-retry-connection-error.go HTTPRouteRetryConnectionError', 'httproute-retry-connection-error.yaml', [
  {
    name: 'succeeds after 2 retries on connection errors and max attempts is 3',
    path: '/retry/no-status-code-attempts-3',
    simulation: { succeedAfter: '2' },
    want: 200,
  },
  {
    name: 'fails when required retries on connection errors exceed max attempts',
    path: '/retry/no-status-code-attempts-3',
    simulation: { succeedAfter: '4' },
    want: [500, 503],
  },
]);

retryCases('httproute-retry-with-timeouts.go HTTPRouteRetryWithTimeouts', 'httproute-retry-with-timeouts.yaml', [
  {
    name: 'succeeds after 2 retries on backend timeout with max attempts is 3',
    path: '/retry/backend-request-timeout-200ms',
    simulation: { responseCode: '500', succeedAfter: '2', delayRetry: '300ms' },
    want: 200,
  },
  {
    name: 'fails when required retries on backend timeout exceed max attempts',
    path: '/retry/backend-request-timeout-200ms',
    simulation: { responseCode: '500', succeedAfter: '3', delayRetry: '300ms' },
    want: 504,
  },
  {
    name: 'succeeds when retries complete within the request timeout',
    path: '/retry/request-timeout-200ms',
    simulation: { responseCode: '500', succeedAfter: '1' },
    want: 200,
  },
  {
    name: 'fails with 504 when retry delays exceed the request timeout',
    path: '/retry/request-timeout-200ms',
    simulation: { responseCode: '500', succeedAfter: '4', delayRetry: '100ms' },
    want: 504,
  },
]);
