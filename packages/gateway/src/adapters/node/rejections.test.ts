/**
 * Requests Node's parser refuses, and the server's own refusals: each gets a
 * JSON body with `error` and a `requestId` (real server, raw sockets).
 */
import { Hono } from 'hono';
import { connect } from 'node:net';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIncomingBody } from './incoming-body.ts';
import { serveApp, type RunningServer } from './serve.ts';

let server: RunningServer;
beforeAll(async () => {
  const app = new Hono();
  app.get('/ok', (c) => c.text('ok'));
  app.post('/upload', async (c) => {
    const { incoming } = c.env as { incoming: import('node:http').IncomingMessage };
    try {
      const body = await readIncomingBody(incoming, 6 * 1024 * 1024);
      return c.json({ bytes: body.length });
    } catch (error) {
      const status = (error as { status: number }).status as 413;
      return c.json({ error: (error as { code: string }).code }, status);
    }
  });
  server = await serveApp(app, { port: 0, host: '127.0.0.1', limits: { maxHeaders: 100, maxHeaderBytes: 16 * 1024 } });
});
afterAll(() => server.close(1_000));

/** Writes `raw` on a fresh connection and returns everything the server sent before closing. */
function rawExchange(raw: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('end', () => resolve(received));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
    socket.write(raw);
    setTimeout(() => socket.destroy(), 5_000).unref();
  });
}

function parse(response: string): { status: number; head: string; body: Record<string, unknown> } {
  const [head = '', body = ''] = response.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), head, body: JSON.parse(body) as Record<string, unknown> };
}

const UUID = /^[0-9a-f-]{36}$/;

describe('JSON rejections', () => {
  it.each([
    // Each from the adversarial run in issue 11.
    ['a 100 KB header', `GET /ok HTTP/1.1\r\nHost: a\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`, 431, 'RequestHeadersTooLarge'],
    [
      'Content-Length with Transfer-Encoding (smuggling)',
      'POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      400,
      'BadRequest',
    ],
    ['two different Content-Lengths', 'POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nContent-Length: 5\r\n\r\nabcd', 400, 'BadRequest'],
    ['an obs-fold header', 'GET /ok HTTP/1.1\r\nHost: a\r\nX-Folded: one\r\n two\r\n\r\n', 400, 'BadRequest'],
    ['an HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 400, 'BadRequest'],
    ['a Host with userinfo', 'GET /ok HTTP/1.1\r\nHost: user@evil.com\r\n\r\n', 400, 'BadRequest'],
    ['OPTIONS *', 'OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n', 400, 'BadRequest'],
    ['CONNECT', 'CONNECT evil.com:443 HTTP/1.1\r\nHost: evil.com:443\r\n\r\n', 405, 'MethodNotAllowed'],
  ])('%s: a JSON body and a request id', async (_name, raw, status, code) => {
    const { status: got, head, body } = parse(await rawExchange(raw));
    expect(got).toBe(status);
    expect(head.toLowerCase()).toContain('content-type: application/json');
    expect(body).toEqual(expect.objectContaining({ error: code, message: expect.any(String), requestId: expect.stringMatching(UUID) }));
  });

  it('more headers than --max-headers: 431, and the client’s request id is echoed', async () => {
    const headers = Array.from({ length: 150 }, (_, i) => `X-H${i}: v\r\n`).join('');
    const { status, body } = parse(await rawExchange(`GET /ok HTTP/1.1\r\nHost: a\r\nX-Request-Id: trace-1\r\n${headers}\r\n`));
    expect(status).toBe(431);
    expect(body).toEqual(expect.objectContaining({ error: 'RequestHeadersTooLarge', requestId: 'trace-1' }));
  });

  it.each([
    ['keep-alive', undefined],
    ['Connection: close', false],
  ] as const)(
    'a declared Content-Length over the limit (%s): Node’s own http client reads the 413, 15 of 15',
    async (_name, agent) => {
      // 7 MiB + 1 byte, over the 6 MiB limit.
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      const length = 7 * chunk.length + 1;
      for (let run = 0; run < 15; run++) {
        const result = await new Promise<{ status: number; text: string }>((resolve, reject) => {
          const req = request(`${server.url}/upload`, { method: 'POST', agent, headers: { 'content-length': String(length) } }, (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          });
          req.on('error', reject);
          // Sent over ~0.8 s, as from a client on a real link: a server that gives the rest of the
          // body a fixed short time (@hono/node-server's own cleanup: 500 ms) resets the connection.
          const chunks = Array.from({ length: 8 }, (_, i) => chunk.subarray(0, i < 7 ? chunk.length : 1));
          const writeNext = () => {
            const next = chunks.shift();
            if (next === undefined) return req.end();
            req.write(next);
            setTimeout(writeNext, 100);
          };
          writeNext();
        });
        expect(result.status).toBe(413);
        expect(JSON.parse(result.text)).toEqual({ error: 'PayloadTooLarge' });
      }
    },
    60_000,
  );
});
