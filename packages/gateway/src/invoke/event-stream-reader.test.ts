import { EventStreamCodec } from '@smithy/eventstream-codec';
import { describe, expect, it } from 'vitest';
import { EventStreamError, LambdaEventStreamReader, type StreamEvent } from './event-stream-reader.ts';

const codec = new EventStreamCodec(
  (bytes) => new TextDecoder().decode(bytes),
  (text) => new TextEncoder().encode(text),
);

function event(eventType: string, body: Uint8Array): Uint8Array {
  return codec.encode({
    headers: {
      ':event-type': { type: 'string', value: eventType },
      ':message-type': { type: 'string', value: 'event' },
      ':content-type': { type: 'string', value: 'application/octet-stream' },
    },
    body,
  });
}

/** The payloads: sizes around the interesting edges (empty, under/over a 4-byte length field, large). */
const payloads = [0, 1, 3, 100, 70_000].map((size) => Uint8Array.from({ length: size }, (_, i) => (i * 7 + size) % 256));
const wire = concat([...payloads.map((payload) => event('PayloadChunk', payload)), event('InvokeComplete', new TextEncoder().encode('{}'))]);

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function streamOf(bytes: Uint8Array, cuts: number[]): ReadableStream<Uint8Array> {
  const edges = [0, ...cuts.filter((cut) => cut > 0 && cut < bytes.byteLength).sort((a, b) => a - b), bytes.byteLength];
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i + 1 < edges.length; i++) controller.enqueue(bytes.slice(edges[i], edges[i + 1]));
      controller.close();
    },
  });
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<StreamEvent[]> {
  const reader = new LambdaEventStreamReader(body);
  const events: StreamEvent[] = [];
  for (;;) {
    const next = await reader.next();
    events.push(next);
    if (next.type === 'end') return events;
  }
}

describe('LambdaEventStreamReader', () => {
  /** Chunks as base64 text: a deep comparison of 70 kB arrays a hundred times is slow. */
  const comparable = (events: StreamEvent[]) =>
    events.map((item) => (item.type === 'chunk' ? { type: item.type, bytes: Buffer.from(item.bytes).toString('base64') } : item));
  const expected = [
    ...payloads.map((bytes) => ({ type: 'chunk' as const, bytes: Buffer.from(bytes).toString('base64') })),
    { type: 'complete', errorCode: undefined, errorDetails: undefined },
    { type: 'end' },
  ];

  it('decodes messages however the network cuts them (within a read, across reads, inside the length field)', async () => {
    const cutSets = [[], [1], [2], [3], [5], [17], [wire.byteLength - 1], Array.from({ length: 200 }, (_, i) => i * 1 + 1)];
    // Every cut through the first messages, one read per byte there, and a few random cuttings.
    for (let cut = 1; cut < 80; cut++) cutSets.push([cut, cut + 1, cut + 2]);
    let seed = 1;
    for (let round = 0; round < 20; round++) {
      const cuts: number[] = [];
      for (let i = 0; i < 8; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        cuts.push(seed % wire.byteLength);
      }
      cutSets.push(cuts);
    }
    for (const cuts of cutSets) {
      const events = await readAll(streamOf(wire, cuts));
      expect(comparable(events), `cuts ${cuts.join(',')}`).toEqual(expected);
    }
  });

  it('refuses a body that stops inside a message', async () => {
    const reader = new LambdaEventStreamReader(streamOf(wire.subarray(0, wire.byteLength - 5), [10]));
    await expect(
      (async () => {
        for (;;) if ((await reader.next()).type === 'end') return;
      })(),
    ).rejects.toThrow(EventStreamError);
  });

  it('refuses a corrupted message (CRC) and an impossible length', async () => {
    const corrupt = wire.slice();
    corrupt[20]! ^= 0xff;
    await expect(readAll(streamOf(corrupt, []))).rejects.toThrow(EventStreamError);
    const huge = wire.slice();
    new DataView(huge.buffer).setUint32(0, 0xfffffff0, false);
    await expect(readAll(streamOf(huge, []))).rejects.toThrow(/malformed event stream: invalid event message length/);
  });
});
