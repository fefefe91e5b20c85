/*
 * Gateway API RequestMirror conformance (kubernetes-sigs/gateway-api @4564255,
 * conformance/tests/<name>.go for the cases, testdata/<name>.yaml for the routes). The suite
 * reads the mirror pods' logs for the request's path; here the echo functions record every
 * event they receive (EchoTransport.received), and the mirror must have had the request within
 * a few seconds of the client's answer, with the headers the primary got.
 */
import { describe, expect, it } from 'vitest';
import type { GatewayMetrics } from '../core/gateway-metrics.ts';
import { MAX_MIRRORS_IN_FLIGHT } from '../core/request-mirror.ts';
import { seededRandom } from '../core/weighted-pick.ts';
import { caseName, conformanceSuite, expectCase, sendCase, type ConformanceCase, type ConformanceGateway } from './conformance-test-support.ts';

const V1 = 'infra-backend-v1';
const V2 = 'infra-backend-v2';
const V3 = 'infra-backend-v3';

const pathOf = (path: string) => path.split('?')[0];

async function eventually(check: () => boolean, what: string, ms = 3_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** expectCase, then: every backend of `mirroredTo` received the same request (path and headers) as the primary. */
async function expectMirrored(gateway: ConformanceGateway, entry: ConformanceCase, mirroredTo: string[]): Promise<void> {
  const before = gateway.transport.received.length;
  await expectCase(gateway, entry);
  const since = () => gateway.transport.received.slice(before).filter((seen) => pathOf(seen.path) === entry.request.path);
  await eventually(() => mirroredTo.every((backend) => since().some((seen) => seen.backend === backend)), `the mirrors ${mirroredTo.join(', ')}`);
  const primary = since().find((seen) => seen.backend === entry.backend)!;
  for (const backend of mirroredTo) {
    const mirrored = since().filter((seen) => seen.backend === backend);
    expect(mirrored, `${backend} got the request once`).toHaveLength(1);
    expect(mirrored[0]!.headers).toEqual(primary.headers);
  }
}

const headersToModify = { 'X-Header-Remove': 'remove-val', 'X-Header-Add-Append': 'append-val-1' };
const modified = {
  headers: { 'X-Header-Add': 'header-val-1', 'X-Header-Add-Append': 'append-val-1,header-val-2', 'X-Header-Set': 'set-overwrites-values' },
  absentHeaders: ['X-Header-Remove'],
};

function mirrorCases(title: string, file: string, list: Array<{ entry: ConformanceCase; mirroredTo: string[] }>) {
  describe(title, () => {
    conformanceSuite(file, (gateway) => {
      list.forEach(({ entry, mirroredTo }, index) => {
        it(caseName(index, entry), () => expectMirrored(gateway(), entry, mirroredTo));
      });
    });
  });
}

mirrorCases('httproute-request-mirror.go HTTPRouteRequestMirror', 'httproute-request-mirror.yaml', [
  { entry: { request: { path: '/mirror' }, expectedRequest: { path: '/mirror' }, backend: V1 }, mirroredTo: [V2] },
  {
    entry: {
      request: { path: '/mirror-and-modify-headers', headers: headersToModify },
      expectedRequest: { path: '/mirror-and-modify-headers', ...modified },
      backend: V1,
    },
    mirroredTo: [V2],
  },
]);

mirrorCases('httproute-request-multiple-mirrors.go HTTPRouteRequestMultipleMirrors', 'httproute-request-multiple-mirrors.yaml', [
  { entry: { request: { path: '/multi-mirror' }, expectedRequest: { path: '/multi-mirror' }, backend: V1 }, mirroredTo: [V2, V3] },
  {
    entry: {
      request: { path: '/multi-mirror-and-modify-request-headers', headers: headersToModify },
      expectedRequest: { path: '/multi-mirror-and-modify-request-headers', ...modified },
      backend: V1,
    },
    mirroredTo: [V2, V3],
  },
]);

/** httproute-request-percentage-mirror.go: 500 requests, 10 at a time, the mirrored count within 3 standard deviations. */
const TOTAL = 500;
const CONCURRENCY = 10;

describe('httproute-request-percentage-mirror.go HTTPRouteRequestPercentageMirror (seeded random source)', () => {
  conformanceSuite(
    'httproute-request-percentage-mirror.yaml',
    (gateway) => {
      const cases: Array<{ entry: ConformanceCase; percent: number }> = [
        { entry: { request: { path: '/percent-mirror' }, expectedRequest: { path: '/percent-mirror' }, backend: V1 }, percent: 20 },
        { entry: { request: { path: '/percent-mirror-fraction' }, expectedRequest: { path: '/percent-mirror-fraction' }, backend: V1 }, percent: 50 },
        {
          entry: {
            request: { path: '/percent-mirror-and-modify-headers', headers: headersToModify },
            expectedRequest: { path: '/percent-mirror-and-modify-headers', ...modified },
            backend: V1,
          },
          percent: 35,
        },
      ];
      cases.forEach(({ entry, percent }, index) => {
        it(`${caseName(index, entry)}: ${percent} % of ${TOTAL} mirrored to ${V2}`, async () => {
          const before = gateway().transport.received.length;
          let next = 0;
          const worker = async () => {
            while (next++ < TOTAL) await expectCase(gateway(), entry);
          };
          await Promise.all(Array.from({ length: CONCURRENCY }, worker));
          await eventually(() => gateway().transport.inFlight === 0, 'the mirrors to finish');
          const seen = gateway()
            .transport.received.slice(before)
            .filter((request) => pathOf(request.path) === entry.request.path);
          expect(seen.filter((request) => request.backend === V1)).toHaveLength(TOTAL);
          const mirrored = seen.filter((request) => request.backend === V2).length;
          const p = percent / 100;
          const margin = 3 * Math.sqrt(TOTAL * p * (1 - p));
          expect(mirrored).toBeGreaterThanOrEqual(TOTAL * p - margin);
          expect(mirrored).toBeLessThanOrEqual(TOTAL * p + margin);
        });
      });
    },
    { random: seededRandom(1731) },
  );
});

/** Beyond the suite: what a mirror must never do to the client. */
describe('RequestMirror: fire-and-forget, bounded', () => {
  const outcomes: string[] = [];
  const metrics: GatewayMetrics = {
    requestStarted() {},
    requestFinished() {},
    mirrorRequest: (backend, outcome) => outcomes.push(`${backend} ${outcome}`),
  };
  conformanceSuite(
    'httproute-request-mirror.yaml',
    (gateway) => {
      it('a failing mirror does not change the answer; it is counted as failed', async () => {
        gateway().transport.overrides.set(V2, async () => {
          throw new TypeError('fetch failed');
        });
        outcomes.length = 0;
        const response = await sendCase(gateway(), { path: '/mirror' });
        expect(response.status).toBe(200);
        expect(response.echoed?.backend).toBe(V1);
        await eventually(() => outcomes.length > 0, 'the mirror outcome');
        expect(outcomes).toEqual([`Backend gateway-conformance-infra/${V2} failed`]);
        gateway().transport.overrides.delete(V2);
      });

      it(`a hanging mirror does not hold the answer; over ${MAX_MIRRORS_IN_FLIGHT} in flight, mirrors are dropped and counted`, async () => {
        let release!: () => void;
        const released = new Promise<void>((resolve) => {
          release = resolve;
        });
        gateway().transport.overrides.set(V2, () => released);
        outcomes.length = 0;
        const before = gateway().transport.received.length;
        const started = Date.now();
        for (let i = 0; i < MAX_MIRRORS_IN_FLIGHT + 6; i++) {
          const response = await sendCase(gateway(), { path: '/mirror' });
          expect(response.echoed?.backend).toBe(V1);
        }
        // 70 answers while every mirror hangs: the client never waited for one.
        expect(Date.now() - started).toBeLessThan(5_000);
        await eventually(() => outcomes.length === 6, 'the dropped mirrors');
        expect(
          gateway()
            .transport.received.slice(before)
            .filter((seen) => seen.backend === V2),
        ).toHaveLength(MAX_MIRRORS_IN_FLIGHT);
        expect(new Set(outcomes)).toEqual(new Set([`Backend gateway-conformance-infra/${V2} dropped`]));
        release();
        await eventually(() => outcomes.length === 6 + MAX_MIRRORS_IN_FLIGHT, 'the released mirrors');
        expect(outcomes.filter((outcome) => outcome.endsWith(' sent'))).toHaveLength(MAX_MIRRORS_IN_FLIGHT);
        gateway().transport.overrides.delete(V2);
      });
    },
    { metrics },
  );
});
