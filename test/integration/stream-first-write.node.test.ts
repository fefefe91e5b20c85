/**
 * On Node a streamed response's headers and its first chunk leave the gateway in
 * one socket write (the socket is corked for the turn that writes both), so the
 * first write to the client's socket holds the status line, the headers and the
 * first chunk, long before the function's next write (seen by recording the
 * server side's socket writes; a client's reads could join two writes).
 */
import { connect, Socket } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../../packages/local-aws/src/index.ts';
import { KEYS, secretOf, startGateway, type GatewayUnderTest } from '../support/stack.ts';

let aws: LocalAws;
let gateway: GatewayUnderTest;
beforeAll(async () => {
  aws = await startLocalAws({ scenario: resolve(import.meta.dirname, '../fixtures/streaming-scenario.yaml') });
  gateway = await startGateway({
    aws,
    secrets: { 'aws-creds': secretOf(KEYS.gateway) },
    config: JSON.stringify({
      backends: {
        stream: {
          region: 'us-east-1',
          accountId: '222222222222',
          functionName: 'stream',
          invocationMode: 'ResponseStream',
          auth: { type: 'secret', name: 'aws-creds' },
        },
      },
      routes: [{ matches: [{ path: { type: 'PathPrefix', value: '/stream' } }], backend: 'stream' }],
    }),
  });
}, 30_000);
afterAll(async () => {
  await gateway?.close();
  await aws?.close();
});

/**
 * What the gateway's side of the client connection hands to the kernel, one entry
 * per write call (a `writev` joined): Node's stream machinery calls
 * `Socket#_writeGeneric` once per write or writev it makes.
 */
function recordServerWrites(serverPort: number): { writes: string[]; stop(): void } {
  const proto = Socket.prototype as unknown as { _writeGeneric: (this: Socket, writev: boolean, data: unknown, ...rest: unknown[]) => unknown };
  const original = proto._writeGeneric;
  const writes: string[] = [];
  proto._writeGeneric = function (this: Socket, writev, data, ...rest) {
    if (this.localPort === serverPort) {
      const parts = writev ? (data as { chunk: Buffer | string }[]).map((entry) => entry.chunk) : [data as Buffer | string];
      writes.push(parts.map((part) => (typeof part === 'string' ? part : Buffer.from(part).toString('latin1'))).join(''));
    }
    return original.call(this, writev, data, ...rest);
  };
  return { writes, stop: () => void (proto._writeGeneric = original) };
}

function post(body: string): Promise<string> {
  const { hostname, port } = new URL(gateway.url);
  return new Promise((resolveRead, rejectRead) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST /stream HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    });
    let all = '';
    socket.on('data', (chunk: Buffer) => (all += chunk.toString('latin1')));
    socket.on('close', () => resolveRead(all));
    socket.on('error', rejectRead);
  });
}

describe('a streamed response on Node', () => {
  it('sends its headers and first chunk in one write', async () => {
    const recorder = recordServerWrites(Number(new URL(gateway.url).port));
    let answer: string;
    try {
      answer = await post(JSON.stringify({ chunks: ['first chunk', 'second chunk'], delayMs: 400 }));
    } finally {
      recorder.stop();
    }
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(answer).toContain('second chunk');
    const [firstWrite] = recorder.writes;
    // The status line, the headers and the first chunk (chunked framing) in the first write; the second chunk 400 ms later.
    expect(firstWrite).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(firstWrite).toContain('\r\n\r\nb\r\nfirst chunk\r\n');
    expect(firstWrite).not.toContain('second chunk');
  }, 30_000);
});
