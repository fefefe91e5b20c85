import { describe, expect, it } from 'vitest';
import { BoundedBytes, drain, readStreamWithin } from './http.ts';

const bytes = (size: number, fill: number) => new Uint8Array(size).fill(fill);

/** A pull stream of chunks of the given sizes (chunk i filled with i + 1), counting pulls and noting a cancel. */
function streamOf(sizes: number[]) {
  const seen = { pulls: 0, cancelled: false };
  let index = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      seen.pulls++;
      const size = sizes[index++];
      if (size === undefined) controller.close();
      else controller.enqueue(bytes(size, index));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

describe('BoundedBytes', () => {
  it('collects chunks up to the limit (inclusive) into one buffer', () => {
    const collected = new BoundedBytes(6);
    expect(collected.push(bytes(2, 1))).toBe(true);
    expect(collected.push(bytes(4, 2))).toBe(true);
    expect(collected.byteLength).toBe(6);
    expect(collected.overLimit).toBe(false);
    expect([...collected.bytes()]).toEqual([1, 1, 2, 2, 2, 2]);
  });

  it('returns a single chunk as is, without copying; nothing pushed is an empty buffer', () => {
    const chunk = bytes(3, 7);
    const collected = new BoundedBytes(10);
    collected.push(chunk);
    expect(collected.bytes()).toBe(chunk);
    expect(new BoundedBytes(10).bytes()).toEqual(new Uint8Array(0));
    const empty = new BoundedBytes(0);
    expect(empty.push(new Uint8Array(0))).toBe(true);
    expect(empty.bytes().byteLength).toBe(0);
  });

  it('refuses the chunk that passes the limit and every later one, and then has no bytes to give', () => {
    const collected = new BoundedBytes(5);
    expect(collected.push(bytes(3, 1))).toBe(true);
    expect(collected.push(bytes(3, 2))).toBe(false);
    expect(collected.overLimit).toBe(true);
    expect(collected.byteLength).toBe(6);
    expect(collected.push(bytes(1, 3))).toBe(false);
    expect(collected.byteLength).toBe(6);
    expect(() => collected.bytes()).toThrow(new RangeError('body larger than 5 bytes'));
  });
});

describe('readStreamWithin', () => {
  it('reads the whole stream when within the limit', async () => {
    const { stream, seen } = streamOf([2, 3]);
    expect([...((await readStreamWithin(stream, 5)) ?? [])]).toEqual([1, 1, 2, 2, 2]);
    expect(seen.cancelled).toBe(false);
  });

  it('an empty stream is an empty buffer', async () => {
    expect(await readStreamWithin(streamOf([]).stream, 5)).toEqual(new Uint8Array(0));
  });

  it('stops at the first chunk past the limit and cancels the rest', async () => {
    const { stream, seen } = streamOf([4, 4, 4, 4, 4, 4, 4, 4]);
    expect(await readStreamWithin(stream, 10)).toBeUndefined();
    expect(seen.cancelled).toBe(true);
    expect(seen.pulls).toBeLessThan(6);
  });

  it("with excess 'drain', reads the rest to its end (without cancelling) before answering undefined", async () => {
    const { stream, seen } = streamOf([4, 4, 4, 4, 4, 4, 4, 4]);
    expect(await readStreamWithin(stream, 10, 'drain')).toBeUndefined();
    expect(seen.cancelled).toBe(false);
    expect(seen.pulls).toBe(9); // eight chunks and the close
  });

  it('throws read errors as they come', async () => {
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('connection reset'));
      },
    });
    await expect(readStreamWithin(failing, 10)).rejects.toThrow('connection reset');
  });
});

describe('drain', () => {
  it('reads to the end; a stream that errors midway ends it too', async () => {
    const { stream, seen } = streamOf([1, 1, 1]);
    await drain(stream.getReader());
    expect(seen.pulls).toBe(4);
    let pulls = 0;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (++pulls === 2) controller.error(new Error('gone'));
        else controller.enqueue(bytes(1, 0));
      },
    });
    await expect(drain(failing.getReader())).resolves.toBeUndefined();
    expect(pulls).toBe(2);
  });
});
