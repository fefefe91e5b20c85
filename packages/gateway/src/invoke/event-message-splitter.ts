/** The event-stream format's largest message (its prelude and headers included). */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/** Prelude (12) + message CRC (4): no message is shorter. */
const MIN_MESSAGE_BYTES = 16;

/**
 * Cuts network reads into whole event-stream messages by the total length
 * in each message's first 4 bytes; everything else (prelude CRC, headers,
 * message CRC) is left to @smithy/eventstream-codec's `decode`.
 *
 * Why not @smithy/core's `getChunkedStream`: it copies every byte twice
 * (`slice` then `set` into a fresh buffer per message) and yields through an
 * async generator, the largest cost of a streamed response in the gateway
 * after the socket writes. Here a message that lies within one read is a
 * view of that read (no copy); only a message that spans reads is copied,
 * once, into a buffer of its own size.
 */
export class EventMessageSplitter {
  #partial: Uint8Array | undefined;
  #filled = 0;
  /** Up to 3 bytes of a length field that spans reads. */
  #lengthBytes: Uint8Array | undefined;

  /** The messages completed by `chunk`, in order (views or own copies). */
  push(chunk: Uint8Array, out: Uint8Array[]): void {
    let offset = 0;
    while (offset < chunk.byteLength) {
      if (this.#partial) {
        const take = Math.min(this.#partial.byteLength - this.#filled, chunk.byteLength - offset);
        this.#partial.set(chunk.subarray(offset, offset + take), this.#filled);
        this.#filled += take;
        offset += take;
        if (this.#filled === this.#partial.byteLength) {
          out.push(this.#partial);
          this.#partial = undefined;
        }
        continue;
      }
      if (this.#lengthBytes || chunk.byteLength - offset < 4) {
        // The length field itself spans reads: gather its 4 bytes first.
        const have = this.#lengthBytes ?? new Uint8Array(0);
        const take = Math.min(4 - have.byteLength, chunk.byteLength - offset);
        const joined = new Uint8Array(have.byteLength + take);
        joined.set(have, 0);
        joined.set(chunk.subarray(offset, offset + take), have.byteLength);
        offset += take;
        if (joined.byteLength < 4) {
          this.#lengthBytes = joined;
          return;
        }
        this.#lengthBytes = undefined;
        this.#startPartial(joined, 0);
        continue;
      }
      const length = messageLength(chunk, offset);
      if (chunk.byteLength - offset >= length) {
        out.push(chunk.subarray(offset, offset + length));
        offset += length;
        continue;
      }
      this.#startPartial(chunk, offset);
      offset += 4;
    }
  }

  /** At the end of the body: throws if it stopped inside a message. */
  end(): void {
    if (this.#partial || this.#lengthBytes) throw new Error('Truncated event message received.');
  }

  #startPartial(source: Uint8Array, offset: number): void {
    const length = messageLength(source, offset);
    this.#partial = new Uint8Array(length);
    this.#partial.set(source.subarray(offset, offset + 4), 0);
    this.#filled = 4;
  }
}

function messageLength(bytes: Uint8Array, offset: number): number {
  const length = new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0, false);
  if (length < MIN_MESSAGE_BYTES || length > MAX_MESSAGE_BYTES) throw new Error(`invalid event message length ${length}`);
  return length;
}
