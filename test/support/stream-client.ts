import { request } from 'node:http';

/** A response read chunk by chunk, with arrival times and how the transfer ended. */
export interface StreamedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  chunks: { at: number; bytes: Buffer }[];
  body: Buffer;
  /** `complete`: the final chunk arrived; `failed`: the connection closed before it. */
  outcome: 'complete' | 'failed';
  startedAt: number;
  finishedAt: number;
}

/**
 * POSTs `body` and records every chunk as it arrives (node:http, so a
 * transfer cut off before its final chunk is seen as such, not papered over).
 * `stopAfterBytes`: hang up once that many body bytes arrived (a client going away).
 */
export function streamRequest(url: string, body: string, options: { stopAfterBytes?: number } = {}): Promise<StreamedResponse> {
  const startedAt = Date.now();
  return new Promise((resolve, reject) => {
    // A fresh connection per call: a cut-off transfer must not leave a broken keep-alive socket for the next test.
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: { at: number; bytes: Buffer }[] = [];
      let received = 0;
      let settled = false;
      const finish = (outcome: StreamedResponse['outcome']) => {
        if (settled) return;
        settled = true;
        const all = Buffer.concat(chunks.map((chunk) => chunk.bytes));
        resolve({ status: res.statusCode ?? 0, headers: res.headers, chunks, body: all, outcome, startedAt, finishedAt: Date.now() });
      };
      res.on('data', (chunk: Buffer) => {
        chunks.push({ at: Date.now(), bytes: chunk });
        received += chunk.length;
        if (options.stopAfterBytes !== undefined && received >= options.stopAfterBytes) {
          req.destroy();
          finish('failed');
        }
      });
      res.on('end', () => finish(res.complete ? 'complete' : 'failed'));
      res.on('aborted', () => finish('failed'));
      res.on('error', () => finish('failed'));
      res.on('close', () => finish(res.complete ? 'complete' : 'failed'));
    });
    req.on('error', (error) => (options.stopAfterBytes === undefined ? reject(error) : undefined));
    req.end(body);
  });
}
