import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOrThrow } from '../../validation/index.ts';
import { BackendDescriptorSchema, resolveBackend } from '../../descriptor/index.ts';
import { GatewayError } from '../../errors/index.ts';
import { ResponseTooLargeError, fetchTransport, invokeLambda, type HttpTransport } from '../../invoke/index.ts';
import { createUndiciTransport } from './undici-transport.ts';

/** What the tiny server saw of the last request. */
let lastRequest: { method: string; url: string; headers: IncomingMessage['headers']; body: Buffer } | undefined;

/** A few routes that exercise every case the pipeline distinguishes. */
function route(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const path = req.url ?? '';
  if (path.startsWith('/echo')) {
    res.setHeader('content-type', 'application/json');
    res.setHeader('set-cookie', ['a=1', 'b=2']);
    res.setHeader('x-amzn-requestid', 'req-1');
    res.end(body);
  } else if (path === '/large') {
    // 1 MB in many writes: the transport must reassemble every chunk, in order.
    res.writeHead(200, { 'content-type': 'application/json' });
    for (let i = 0; i < 64; i++) res.write(Buffer.alloc(16 * 1024, 0x61 + (i % 26)));
    res.end();
  } else if (path === '/huge-chunked') {
    // 7 MB with no Content-Length: only counting the streamed bytes can stop it.
    res.writeHead(200, { 'content-type': 'application/json' });
    for (let i = 0; i < 112; i++) res.write(Buffer.alloc(64 * 1024, 0x61));
    res.end();
  } else if (path === '/huge-declared') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(7 * 1024 * 1024) });
    res.end(Buffer.alloc(7 * 1024 * 1024, 0x61));
  } else if (path === '/status/418') {
    res.writeHead(418, { 'x-amzn-errortype': 'Teapot' }).end('{"message":"short and stout"}');
  } else if (path === '/redirect') {
    res.writeHead(302, { location: '/echo' }).end();
  } else if (path === '/slow-headers') {
    setTimeout(() => res.end('{}'), 2_000).unref();
  } else if (path === '/slow-body') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"partial":');
    setTimeout(() => res.end('1}'), 2_000).unref();
  } else {
    res.writeHead(404).end();
  }
}

let server: Server;
let base: string;
/** A port nothing listens on: bound, read, then closed. */
let deadPort: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      lastRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      route(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  deadPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const undici = createUndiciTransport();
afterAll(() => undici.close());

const transports: Array<[string, HttpTransport]> = [
  ['fetchTransport', fetchTransport],
  ['undici transport', undici],
];

const send = (transport: HttpTransport, path: string, signal = AbortSignal.timeout(5_000)) =>
  transport.send({
    url: `${base}${path}`,
    method: 'POST',
    headers: new Headers({ 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse', authorization: 'AWS4-HMAC-SHA256 test' }),
    body: new TextEncoder().encode('{"hello":"wörld"}'),
    signal,
  });

/** A backend pointing at the tiny server (function path ignored by it), for the pipeline-level checks. */
function backendAt(endpointURL: string, timeoutMs = 5_000) {
  const descriptor = parseOrThrow(BackendDescriptorSchema, { functionName: 'f', region: 'us-east-1', accountId: '123456789012', endpointURL, timeoutMs });
  return resolveBackend(descriptor, () => undefined);
}
const credentials = { description: 'test', getCredentials: () => Promise.resolve({ accessKeyId: 'AKID', secretAccessKey: 'secret' }) };

describe.each(transports)('%s', (_name, transport) => {
  it('sends method, headers and body as given, and returns status, headers and body', async () => {
    const response = await send(transport, '/echo?Qualifier=live');
    expect(lastRequest).toMatchObject({ method: 'POST', url: '/echo?Qualifier=live' });
    expect(lastRequest?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-amz-invocation-type': 'RequestResponse',
      authorization: 'AWS4-HMAC-SHA256 test',
      'content-length': '18',
    });
    expect(lastRequest?.body.toString('utf8')).toBe('{"hello":"wörld"}');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-amzn-requestid')).toBe('req-1');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(new TextDecoder().decode(await response.bytes())).toBe('{"hello":"wörld"}');
  });

  it('reassembles a large chunked body', async () => {
    const bytes = await (await send(transport, '/large')).bytes();
    expect(bytes.byteLength).toBe(1024 * 1024);
    expect([bytes[0], bytes[16 * 1024], bytes[1024 * 1024 - 1]]).toEqual([0x61, 0x62, 0x61 + (63 % 26)]);
  });

  it('returns error statuses and redirects as they are (never follows)', async () => {
    const teapot = await send(transport, '/status/418');
    expect([teapot.status, teapot.headers.get('x-amzn-errortype')]).toEqual([418, 'Teapot']);
    expect(new TextDecoder().decode(await teapot.bytes())).toBe('{"message":"short and stout"}');
    const redirect = await send(transport, '/redirect');
    expect([redirect.status, redirect.headers.get('location')]).toEqual([302, '/echo']);
    expect((await redirect.bytes()).byteLength).toBe(0);
  });

  it('rejects when the signal aborts before the headers or during the body', async () => {
    await expect(send(transport, '/slow-headers', AbortSignal.timeout(100))).rejects.toBeDefined();
    const response = await send(transport, '/slow-body', AbortSignal.timeout(200));
    expect(response.status).toBe(200);
    await expect(response.bytes()).rejects.toBeDefined();
  });

  it('refuses a response body past maxResponseBytes, declared or streamed', async () => {
    for (const path of ['/huge-declared', '/huge-chunked']) {
      const error = await transport
        .send({
          url: `${base}${path}`,
          method: 'POST',
          headers: new Headers(),
          body: new Uint8Array(0),
          signal: AbortSignal.timeout(5_000),
          maxResponseBytes: 1024 * 1024,
        })
        .then((response) => response.bytes())
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ResponseTooLargeError);
    }
  });

  it('rejects on a network failure', async () => {
    await expect(
      transport.send({
        url: `http://127.0.0.1:${deadPort}/x`,
        method: 'POST',
        headers: new Headers(),
        body: new Uint8Array(0),
        signal: AbortSignal.timeout(5_000),
      }),
    ).rejects.toBeDefined();
  });

  describe('through invokeLambda', () => {
    const invoke = (endpoint: string, timeoutMs?: number) =>
      invokeLambda(backendAt(endpoint, timeoutMs), new TextEncoder().encode('{}'), { credentials, transport }).catch((error: unknown) => error);

    it('maps a timeout (headers or body) to 504 BackendTimeout', async () => {
      // The function path is not one of the server's routes, so point the endpoint at a prefix that is.
      const slowServer = createServer((_req, res) => {
        setTimeout(() => res.end('{}'), 2_000).unref();
      });
      await new Promise<void>((resolve) => slowServer.listen(0, '127.0.0.1', resolve));
      try {
        const error = await invoke(`http://127.0.0.1:${(slowServer.address() as AddressInfo).port}`, 100);
        expect(error).toBeInstanceOf(GatewayError);
        expect(error).toMatchObject({ status: 504, code: 'BackendTimeout' });
      } finally {
        slowServer.closeAllConnections();
        await new Promise<void>((resolve) => slowServer.close(() => resolve()));
      }
    });

    it('maps a network failure to 503 BackendUnreachable', async () => {
      expect(await invoke(`http://127.0.0.1:${deadPort}`)).toMatchObject({ status: 503, code: 'BackendUnreachable' });
    });

    it('maps a response larger than Lambda could send to 502 BackendError', async () => {
      const hugeServer = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        for (let i = 0; i < 112; i++) res.write(Buffer.alloc(64 * 1024, 0x61));
        res.end();
      });
      await new Promise<void>((resolve) => hugeServer.listen(0, '127.0.0.1', resolve));
      try {
        expect(await invoke(`http://127.0.0.1:${(hugeServer.address() as AddressInfo).port}`)).toMatchObject({ status: 502, code: 'BackendError' });
      } finally {
        hugeServer.closeAllConnections();
        await new Promise<void>((resolve) => hugeServer.close(() => resolve()));
      }
    });

    it('maps Lambda API errors from status, headers and body', async () => {
      // The tiny server answers 404 with no body for the Invoke path: an unknown-function style error.
      expect(await invoke(base)).toMatchObject({ status: 502, code: 'BackendMisconfigured' });
    });
  });
});

describe('undici transport', () => {
  it('keeps connections alive: sequential requests reuse pooled sockets', async () => {
    const transport = createUndiciTransport();
    let connections = 0;
    const counting = createServer((_req, res) => res.end('{}'));
    counting.on('connection', () => connections++);
    await new Promise<void>((resolve) => counting.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(counting.address() as AddressInfo).port}/`;
      for (let i = 0; i < 20; i++) {
        const response = await transport.send({ url, method: 'POST', headers: new Headers(), body: new Uint8Array(0), signal: AbortSignal.timeout(5_000) });
        await response.bytes();
      }
      // undici may open a second socket while the first is being released; never one per request.
      expect(connections).toBeLessThanOrEqual(2);
    } finally {
      await transport.close();
      counting.closeAllConnections();
      await new Promise<void>((resolve) => counting.close(() => resolve()));
    }
  });
});
