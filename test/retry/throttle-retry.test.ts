/**
 * Throttle retries against the local AWS's reserved concurrency: only 429
 * TooManyRequestsException is retried, after Retry-After, within the backend's
 * timeout and its retry budget; a timeout (the function may have run) never is.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffMs } from '../../packages/gateway/src/invoke/index.ts';
import { startLocalAws, type LocalAws } from '../../packages/local-aws/src/index.ts';
import { startGateway, type GatewayUnderTest } from '../support/stack.ts';

const SCENARIO = resolve(import.meta.dirname, '../fixtures/throttle-scenario.yaml');
const KEYS = { accessKey: 'AKIATHROTTLETEST0001', secretKey: 'throttleTestSecret/000000000000000000000', sessionToken: '' };

/** One route per backend, `/<name>`, each calling `functionName` with the user's keys. */
function config(backends: Record<string, { functionName: string; timeoutMs?: number; retry?: unknown }>): string {
  return JSON.stringify({
    backends: Object.fromEntries(
      Object.entries(backends).map(([name, backend]) => [
        name,
        { region: 'us-east-1', accountId: '111111111111', auth: { type: 'secret', name: 'aws-creds' }, ...backend },
      ]),
    ),
    routes: Object.keys(backends).map((name) => ({ name, matches: [{ path: { type: 'PathPrefix', value: `/${name}` } }], backend: name })),
  });
}

const RETRY = { throttled: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 500 } };

let aws: LocalAws;
let gateway: GatewayUnderTest;
beforeAll(async () => {
  aws = await startLocalAws({ scenario: SCENARIO });
  gateway = await startGateway({
    aws,
    secrets: { 'aws-creds': KEYS },
    config: config({
      plain: { functionName: 'limited' },
      retrying: { functionName: 'limited', retry: RETRY },
      exhausted: { functionName: 'throttled', retry: RETRY },
      deadline: { functionName: 'throttled', timeoutMs: 1_500, retry: { throttled: { maxAttempts: 10, baseDelayMs: 50 } } },
      budgeted: { functionName: 'throttled', retry: { throttled: { maxAttempts: 2, baseDelayMs: 50, budgetMax: 2, budgetRatio: 0 } } },
      timeout: { functionName: 'slow', timeoutMs: 300, retry: RETRY },
    }),
  });
});
afterAll(async () => {
  await gateway?.close();
  await aws?.close();
});

const post = (path: string, ms: number) => fetch(`${gateway.url}${path}`, { method: 'POST', body: JSON.stringify({ ms }) });
const retryLines = () =>
  gateway.logs.filter((line) => line.includes('throttled by Lambda, retrying')).map((line) => JSON.parse(line) as Record<string, unknown>);

describe('throttle retries (retry.throttled)', () => {
  it('without retry.throttled a 429 is returned at once; with it, the throttled call is retried after Retry-After and succeeds', async () => {
    // Generous margins: the second request must arrive while the first holds the one slot.
    const busy = post('/plain', 1_500);
    await new Promise((done) => setTimeout(done, 400));
    const refused = await post('/plain', 0);
    expect(refused.status).toBe(429);
    expect((await refused.json()) as object).toMatchObject({ error: 'TooManyRequests', lambdaErrorType: 'TooManyRequestsException' });
    expect((await busy).status).toBe(200);

    aws.resetCalls();
    const before = retryLines().length;
    const first = post('/retrying', 900);
    await new Promise((done) => setTimeout(done, 400));
    const started = Date.now();
    const second = await post('/retrying', 0);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ slept: 0 });
    // Lambda's Retry-After: 1 is a floor for the wait.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect((await first).status).toBe(200);
    expect(aws.calls('lambda:Invoke')).toBe(3);
    const [line] = retryLines().slice(before);
    expect(line).toMatchObject({ level: 'warn', backend: 'retrying', attempt: 2, lambdaErrorType: 'TooManyRequestsException' });
    expect(line!.delayMs as number).toBeGreaterThanOrEqual(1_000);
    // Counted on the admin port's /metrics too, per backend.
    const metrics = await (await fetch(`${gateway.adminUrl}/metrics`)).text();
    expect(metrics).toMatch(/^lambda_gateway_lambda_throttle_retries_total\{backend="retrying"\} 1$/m);
  }, 30_000);

  it('gives up after maxAttempts with the last 429', async () => {
    aws.resetCalls();
    const response = await post('/exhausted', 0);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(aws.calls('lambda:Invoke')).toBe(3);
  }, 30_000);

  it('retries only within the backend timeout, counted from the first attempt', async () => {
    aws.resetCalls();
    const started = Date.now();
    const response = await post('/deadline', 0);
    expect(response.status).toBe(429);
    // 1 s Retry-After fits once in 1.5 s; a second wait would not.
    expect(aws.calls('lambda:Invoke')).toBe(2);
    expect(Date.now() - started).toBeLessThan(1_500 + 1_000);
  }, 30_000);

  it('spends at most the retry budget: 4 concurrent throttled requests with a budget of 2 make 6 calls', async () => {
    aws.resetCalls();
    const statuses = await Promise.all([0, 1, 2, 3].map(() => post('/budgeted', 0).then((response) => response.status)));
    expect(statuses).toEqual([429, 429, 429, 429]);
    expect(aws.calls('lambda:Invoke')).toBe(6);
  }, 30_000);

  it('never retries a timeout, after which the function may have run', async () => {
    aws.resetCalls();
    const before = retryLines().length;
    const response = await post('/timeout', 2_000);
    expect(response.status).toBe(504);
    expect(aws.calls('lambda:Invoke')).toBe(1);
    expect(retryLines().length).toBe(before);
  }, 30_000);
});

describe('backoffMs', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000, budgetRatio: 0.2, budgetMax: 10 };
  it('is equal-jittered exponential, capped, and never below Retry-After', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffMs(policy, attempt, undefined, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((attempt) => backoffMs(policy, attempt, undefined, () => 1))).toEqual([100, 200, 400, 800, 1_000]);
    expect(backoffMs(policy, 1, '2', () => 0.5)).toBe(2_050);
    expect(backoffMs(policy, 1, 'soon', () => 0)).toBe(50);
  });
});
