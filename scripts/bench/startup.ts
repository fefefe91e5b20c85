import { performance } from 'node:perf_hooks';
import { PROXY_PATH } from './common.ts';
import { type GatewayProcessOptions, startGateway } from './gateway-process.ts';

/** Start-up to first answered request, over several fresh processes (ms). */
export interface StartupResult {
  runs: number[];
  min: number;
  median: number;
  max: number;
}

const FIRST_ANSWER_TIMEOUT_MS = 10_000;

/**
 * How long a fresh `lambda-gateway serve` takes from spawn to its first 200
 * answer to a POST through it: what a scale-out or a restarted pod costs.
 * The request is tried as soon as the "gateway listening" line appears and
 * retried at once until it is answered 200 with the body echoed back.
 */
export async function measureStartup(options: GatewayProcessOptions, body: Buffer, runs: number): Promise<StartupResult> {
  const millis: number[] = [];
  for (let run = 0; run < runs; run++) {
    const spawnedAt = performance.now();
    const child = await startGateway(`gateway-startup-${run + 1}`, options);
    try {
      await firstAnswer(`${child.url}${PROXY_PATH}`, body);
      millis.push(performance.now() - spawnedAt);
    } finally {
      await child.stop();
    }
  }
  const sorted = [...millis].sort((a, b) => a - b);
  const at = (index: number) => sorted[index] ?? Number.NaN;
  return { runs: millis, min: at(0), median: at(Math.floor(sorted.length / 2)), max: at(sorted.length - 1) };
}

async function firstAnswer(url: string, body: Buffer): Promise<void> {
  const deadline = performance.now() + FIRST_ANSWER_TIMEOUT_MS;
  let last = '';
  while (performance.now() < deadline) {
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body as Uint8Array<ArrayBuffer> });
      const text = await response.text();
      if (response.status === 200 && text.includes('key1')) return;
      last = `${response.status} ${text.slice(0, 200)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`no 200 answer from a fresh gateway within ${FIRST_ANSWER_TIMEOUT_MS / 1000} s (last: ${last})`);
}
