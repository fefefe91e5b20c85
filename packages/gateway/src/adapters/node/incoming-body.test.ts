import { createHash } from 'node:crypto';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { GatewayError } from '../../errors/index.ts';
import { rememberedBodySha256 } from '../../aws/sigv4/known-body-hash.ts';
import { readIncomingBody } from './incoming-body.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A server whose handler reads the body with `limit` and reports the outcome (the 413 is answered like the gateway does). */
async function serverReading(limit: number, hashForSigning = false): Promise<{ url: string; outcomes: Array<Uint8Array | GatewayError> }> {
  const outcomes: Array<Uint8Array | GatewayError> = [];
  server = createServer((req: IncomingMessage, res) => {
    readIncomingBody(req, limit, hashForSigning).then(
      (body) => {
        outcomes.push(body);
        res.end(Buffer.from(body));
      },
      (error: GatewayError) => {
        outcomes.push(error);
        res.writeHead(error.status).end(error.code);
      },
    );
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, outcomes };
}

/** Sends `chunks` (one write each, `gapMs` apart) and resolves with the response, without waiting for the upload to finish. */
function upload(
  url: string,
  chunks: Buffer[],
  options: { headers?: Record<string, string>; gapMs?: number; end?: boolean } = {},
): Promise<{ status: number; body: string; sentBeforeResponse: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const req = request(url, { method: 'POST', headers: options.headers }, (res) => {
      const sentBeforeResponse = sent;
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString(), sentBeforeResponse });
      });
    });
    req.on('error', (error) => (sent === chunks.length ? undefined : reject(error)));
    req.flushHeaders();
    const next = (index: number) => {
      if (req.destroyed) return;
      if (index === chunks.length) {
        if (options.end !== false) req.end();
        return;
      }
      req.write(chunks[index]);
      sent++;
      setTimeout(() => next(index + 1), options.gapMs ?? 0);
    };
    next(0);
  });
}

describe('readIncomingBody', () => {
  it('returns a small body byte for byte', async () => {
    const { url } = await serverReading(1024);
    const response = await upload(url, [Buffer.from('{"key":"välue"}')]);
    expect([response.status, response.body]).toEqual([200, '{"key":"välue"}']);
  });

  it('concatenates a chunked body within the limit', async () => {
    const { url, outcomes } = await serverReading(64);
    const response = await upload(url, [Buffer.from('{"a":'), Buffer.from('"12345'), Buffer.from('"}')], { gapMs: 20 });
    expect([response.status, response.body]).toEqual([200, '{"a":"12345"}']);
    expect(outcomes[0]).toBeInstanceOf(Uint8Array);
  });

  it('with hashForSigning, records the SHA-256 of a body of several chunks as it arrives (one chunk: left to the signer)', async () => {
    const { url, outcomes } = await serverReading(1 << 20, true);
    const chunks = [Buffer.alloc(70_000, 'a'), Buffer.alloc(70_000, 'b'), Buffer.from('"end"')];
    expect((await upload(url, chunks, { gapMs: 10 })).status).toBe(200);
    const body = outcomes[0] as Uint8Array;
    expect(Buffer.from(body).equals(Buffer.concat(chunks))).toBe(true);
    expect(rememberedBodySha256(body)).toBe(createHash('sha256').update(Buffer.concat(chunks)).digest('hex'));
    await upload(url, [Buffer.from('{"one":"chunk"}')]);
    expect(rememberedBodySha256(outcomes[1] as Uint8Array)).toBeUndefined();
  });

  it('without hashForSigning, records no hash', async () => {
    const { url, outcomes } = await serverReading(1 << 20);
    await upload(url, [Buffer.alloc(70_000, 'a'), Buffer.alloc(70_000, 'b')], { gapMs: 10 });
    expect(rememberedBodySha256(outcomes[0] as Uint8Array)).toBeUndefined();
  });

  it('returns an empty body for a request without one', async () => {
    const { url } = await serverReading(10);
    expect(await upload(url, [])).toMatchObject({ status: 200, body: '' });
  });

  it('refuses a declared Content-Length over the limit before reading (413 while the client has sent nothing)', async () => {
    const { url, outcomes } = await serverReading(10);
    const response = await upload(url, [], { headers: { 'content-length': '11' }, end: false });
    expect([response.status, response.body]).toEqual([413, 'PayloadTooLarge']);
    expect(outcomes[0]).toMatchObject({ status: 413, code: 'PayloadTooLarge' });
  });

  it('cuts a chunked body at the first chunk past the limit: 413 before the upload ends', async () => {
    const { url } = await serverReading(10);
    const chunks = Array.from({ length: 20 }, () => Buffer.alloc(4, 0x20));
    const response = await upload(url, chunks, { gapMs: 15 });
    expect([response.status, response.body]).toEqual([413, 'PayloadTooLarge']);
    expect(response.sentBeforeResponse).toBeLessThan(chunks.length);
  });

  it('rejects with 400 when the client goes away mid-body', async () => {
    const { url, outcomes } = await serverReading(1024);
    const req = request(url, { method: 'POST', headers: { 'content-length': '100' } });
    req.on('error', () => undefined);
    req.write('{"partial":');
    await new Promise((resolve) => setTimeout(resolve, 50));
    req.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(outcomes[0]).toMatchObject({ status: 400, code: 'BadRequest' });
  });
});
