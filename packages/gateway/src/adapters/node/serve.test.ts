import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { serveApp } from './serve.ts';

describe('serveApp close()', () => {
  it('lets a request in flight finish (no reset on shutdown), then stops accepting', async () => {
    const app = new Hono();
    app.get('/slow', async (c) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return c.text('finished');
    });
    const server = await serveApp(app, { port: 0, host: '127.0.0.1' });
    const inFlight = fetch(`${server.url}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = server.close(5_000);
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('finished');
    await closed;
    await expect(fetch(`${server.url}/slow`)).rejects.toThrow();
  });

  it('cuts connections still open after the grace period', async () => {
    const app = new Hono();
    app.get('/hang', () => new Promise<Response>(() => undefined));
    const server = await serveApp(app, { port: 0, host: '127.0.0.1' });
    const hanging = fetch(`${server.url}/hang`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close(200);
    expect(await hanging).toBeInstanceOf(Error);
  });
});
