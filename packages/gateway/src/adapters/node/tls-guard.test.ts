/** `--max-connections` on the HTTPS server (HTTP/1.1 and HTTP/2 over TLS), on a real port with a certificate made here. */
import { Hono } from 'hono';
import { connect as connectHttp2 } from 'node:http2';
import { connect, type TLSSocket } from 'node:tls';
import { generate } from 'selfsigned';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveApp, type RunningServer } from './serve.ts';

let pem: { cert: string; private: string };
let server: RunningServer | undefined;
const sockets: TLSSocket[] = [];
beforeAll(async () => {
  pem = await generate([{ name: 'commonName', value: 'a.test' }], { keyType: 'ec', algorithm: 'sha256' });
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await server?.close(500);
  server = undefined;
});

async function start(maxConnections: number): Promise<RunningServer> {
  const app = new Hono();
  app.get('/ok', (c) => c.text('ok'));
  server = await serveApp(app, { port: 0, host: '127.0.0.1', limits: { maxConnections }, tls: { tls: { cert: pem.cert, key: pem.private } } });
  return server;
}

/** An HTTP/1.1-over-TLS connection: what the server sent, and when it closed. */
function open(port: number): Promise<{ socket: TLSSocket; received: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', servername: 'a.test', rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] });
    sockets.push(socket);
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', () => undefined);
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.once('secureConnect', () => resolve({ socket, received: () => received, closed }));
    socket.once('error', reject);
  });
}

describe('the connection cap over TLS', () => {
  it('over --max-connections an HTTP/1.1 connection gets a JSON 503 and is closed; once one closes, requests are served again', async () => {
    const { port } = await start(2);
    const held = [await open(port), await open(port)];
    const extra = await open(port);
    extra.socket.write('GET /ok HTTP/1.1\r\nHost: a.test\r\n\r\n');
    await extra.closed;
    expect(extra.received()).toMatch(/^HTTP\/1\.1 503 /);
    expect(JSON.parse(extra.received().slice(extra.received().indexOf('\r\n\r\n') + 4))).toEqual(
      expect.objectContaining({ error: 'Overloaded', requestId: expect.any(String) }),
    );
    held[0]!.socket.destroy();
    await held[0]!.closed;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = await open(port);
    again.socket.write('GET /ok HTTP/1.1\r\nHost: a.test\r\nConnection: close\r\n\r\n');
    await again.closed;
    expect(again.received()).toMatch(/^HTTP\/1\.1 200 [\s\S]*\r\n\r\nok$/);
  });

  it('an HTTP/2 connection over the cap is closed without an answer; under it, it is served', async () => {
    const { port } = await start(1);
    const held = await open(port);
    const refused = connectHttp2(`https://127.0.0.1:${port}`, { servername: 'a.test', rejectUnauthorized: false });
    refused.on('error', () => undefined);
    await new Promise<void>((resolve) => refused.once('close', () => resolve()));
    held.socket.destroy();
    await held.closed;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const session = connectHttp2(`https://127.0.0.1:${port}`, { servername: 'a.test', rejectUnauthorized: false });
    const body = await new Promise<string>((resolve, reject) => {
      const stream = session.request({ ':path': '/ok' });
      let text = '';
      stream.on('data', (chunk) => (text += chunk));
      stream.on('end', () => resolve(text));
      stream.on('error', reject);
    });
    session.close();
    expect(body).toBe('ok');
  });
});

describe("unparsable HTTP/1.1 requests over TLS get the plain server's JSON answers", () => {
  it.each([
    [
      'Content-Length with Transfer-Encoding (smuggling)',
      'POST /ok HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      400,
      'BadRequest',
    ],
    ['a 100 KB header', `GET /ok HTTP/1.1\r\nHost: a\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`, 431, 'RequestHeadersTooLarge'],
    ['CONNECT (a forward proxy request)', 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n', 405, 'MethodNotAllowed'],
  ])('%s: %i %s, then closed', async (_name, raw, status, error) => {
    const { port } = await start(10);
    const client = await open(port);
    client.socket.write(raw);
    await client.closed;
    const [head = '', body = ''] = client.received().split('\r\n\r\n');
    expect(Number(head.split(' ')[1])).toBe(status);
    expect(head).toMatch(/\r\ncontent-type: application\/json/i);
    expect(JSON.parse(body)).toEqual(expect.objectContaining({ error, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) }));
  });
});
