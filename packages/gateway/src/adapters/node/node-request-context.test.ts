import { Hono } from 'hono';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { nodeRequestContext } from './node-request-context.ts';
import { serveApp } from './serve.ts';

/** An app that answers with what the request context saw. */
function contextEcho(): Hono {
  const app = new Hono();
  app.post('/', async (c) => {
    const context = nodeRequestContext(c.req.raw, c.env);
    const body = new TextDecoder().decode(await context.readBody(64));
    return c.json({ peerAddress: context.peerAddress, rawHeaders: context.rawHeaders, body, clientGone: typeof context.clientGone });
  });
  return app;
}

describe('nodeRequestContext', () => {
  it('on a Node server: the body from the IncomingMessage, the TCP peer, the raw header pairs as sent, a client-gone subscription', async () => {
    const server = await serveApp(contextEcho(), { port: 0, host: '127.0.0.1' });
    try {
      const answer = await new Promise<string>((resolve, reject) => {
        // A flat header list goes on the wire as given (no default Host added, hence ours).
        const client = request(
          `${server.url}/`,
          { method: 'POST', headers: ['Host', 'gw.test', 'X-Mixed-Case', 'a', 'x-mixed-case', 'b', 'Content-Length', '7'] },
          (res) => {
            const parts: Buffer[] = [];
            res.on('data', (part: Buffer) => parts.push(part));
            res.on('end', () => resolve(`${res.statusCode} ${Buffer.concat(parts).toString()}`));
          },
        );
        client.on('error', reject);
        client.end('{"a":1}');
      });
      expect(answer.slice(0, 4)).toBe('200 ');
      const seen = JSON.parse(answer.slice(4)) as { peerAddress: string; rawHeaders: string[]; body: string; clientGone: string };
      expect(seen.peerAddress).toBe('127.0.0.1');
      expect(seen.body).toBe('{"a":1}');
      expect(seen.clientGone).toBe('function');
      // Case and repetition as on the wire, which Fetch `Headers` would fold.
      const pairs = seen.rawHeaders.flatMap((value, index) => (index % 2 === 0 ? [[value, seen.rawHeaders[index + 1]]] : []));
      expect(pairs).toEqual(
        expect.arrayContaining([
          ['X-Mixed-Case', 'a'],
          ['x-mixed-case', 'b'],
        ]),
      );
    } finally {
      await server.close(1_000);
    }
  });

  it('without Node bindings (app.request()): the Web Request alone, body limit included', async () => {
    const response = await contextEcho().request('/', { method: 'POST', body: '{"b":2}' });
    expect(await response.json()).toEqual({ body: '{"b":2}', clientGone: 'undefined' });
    const context = nodeRequestContext(new Request('http://gw/', { method: 'POST', body: 'x'.repeat(65) }), undefined);
    await expect(context.readBody(64)).rejects.toMatchObject({ status: 413, code: 'PayloadTooLarge' });
  });

  it('afterResponse runs a task once the response is written out, before a client in this process has read it; also when the client left first', async () => {
    const observed: Array<{ path: string; finished: boolean }> = [];
    const app = new Hono();
    const defer = (c: { req: { raw: Request; path: string }; env: unknown }) => {
      const context = nodeRequestContext(c.req.raw, c.env);
      const { outgoing } = c.env as { outgoing: import('node:http').ServerResponse };
      context.afterResponse?.(() => observed.push({ path: c.req.path, finished: outgoing.writableFinished }));
    };
    app.get('/now', (c) => {
      defer(c);
      return c.text('x'.repeat(1000));
    });
    app.get('/late', async (c) => {
      defer(c);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return c.text('too late');
    });
    const server = await serveApp(app, { port: 0, host: '127.0.0.1' });
    try {
      const response = await fetch(`${server.url}/now`);
      // Recorded by the time the client has the headers: the task ran in the ticks after the write.
      expect(observed).toEqual([{ path: '/now', finished: true }]);
      expect((await response.text()).length).toBe(1000);
      const gone = new AbortController();
      const late = fetch(`${server.url}/late`, { signal: gone.signal });
      setTimeout(() => gone.abort(), 50);
      await expect(late).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(observed).toEqual([
        { path: '/now', finished: true },
        { path: '/late', finished: false },
      ]);
    } finally {
      await server.close(1_000);
    }
  });
});
