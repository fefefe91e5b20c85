import { describe, expect, it } from 'vitest';
import { GatewayError } from '../errors/index.ts';
import { readBodyWithLimit } from './body-limit.ts';

function streamOf(chunks: number[], onPull: () => void): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull();
      const size = chunks[index++];
      if (size === undefined) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(index));
    },
  });
}

describe('readBodyWithLimit', () => {
  it('returns the whole body when under the limit', async () => {
    const body = await readBodyWithLimit(new Request('http://x/', { method: 'POST', body: 'hello' }), 10);
    expect(new TextDecoder().decode(body)).toBe('hello');
  });

  it('returns an empty body for requests without one', async () => {
    expect((await readBodyWithLimit(new Request('http://x/'), 10)).byteLength).toBe(0);
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    let pulls = 0;
    const request = new Request('http://x/', {
      method: 'POST',
      body: streamOf([5, 5], () => pulls++),
      headers: { 'content-length': '11' },
      duplex: 'half',
    } as RequestInit);
    const error = await readBodyWithLimit(request, 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).status).toBe(413);
    expect(pulls).toBeLessThanOrEqual(1); // the stream may prime one chunk; nothing more is read
  });

  it('stops reading a streamed body at the first chunk past the limit', async () => {
    let pulls = 0;
    const request = new Request('http://x/', { method: 'POST', body: streamOf([4, 4, 4, 4, 4, 4, 4, 4], () => pulls++), duplex: 'half' } as RequestInit);
    const error = (await readBodyWithLimit(request, 10).catch((e: unknown) => e)) as GatewayError;
    expect([error.status, error.code]).toEqual([413, 'PayloadTooLarge']);
    expect(pulls).toBeLessThan(6);
  });
});
