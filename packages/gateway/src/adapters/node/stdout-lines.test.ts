import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeStdoutLine } from './stdout-lines.ts';

afterEach(() => vi.restoreAllMocks());

describe('writeStdoutLine', () => {
  it('writes the lines of one event-loop turn in order, in one write', async () => {
    const writes: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    writeStdoutLine('{"n":1}');
    writeStdoutLine('{"n":2}');
    writeStdoutLine('{"n":3}');
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual(['{"n":1}\n{"n":2}\n{"n":3}\n']);
  });

  it('never holds more than a bounded number of lines', () => {
    const writes: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    for (let i = 0; i < 512; i++) writeStdoutLine('x');
    expect(writes).toHaveLength(1);
    expect(writes[0]!.split('\n')).toHaveLength(513);
  });
});
