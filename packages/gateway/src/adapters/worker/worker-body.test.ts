import { describe, expect, it } from 'vitest';
import { readWorkerBody } from './worker-body.ts';

/** A request whose body is `chunks` chunks of `size` bytes; `pulled()` says how many were read. */
function request(chunks: number, size: number, headers: Record<string, string> = {}) {
  let pulls = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulls === chunks) return controller.close();
      pulls++;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  const raw = new Request('http://worker/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  return { raw, pulled: () => pulls };
}

describe('readWorkerBody', () => {
  it('returns a body within the limit', async () => {
    const { raw } = request(3, 10);
    expect((await readWorkerBody(raw, 30)).byteLength).toBe(30);
  });

  it('reads a body declared over the limit to its end (so workerd does not reset the client) and answers 413', async () => {
    const { raw, pulled } = request(5, 10, { 'content-length': '50' });
    await expect(readWorkerBody(raw, 20)).rejects.toMatchObject({ status: 413, code: 'PayloadTooLarge' });
    expect(pulled()).toBe(5);
  });

  it('a streamed body past the limit: 413 too, after reading the rest', async () => {
    const { raw, pulled } = request(5, 10);
    await expect(readWorkerBody(raw, 25)).rejects.toMatchObject({ status: 413 });
    expect(pulled()).toBe(5);
  });
});
