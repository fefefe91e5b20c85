/**
 * A server for the RSS measurement in packages/gateway/src/adapters/node/server-limits.test.ts, run as its own
 * process so the client's buffers are not counted: serveApp with an upload
 * route that buffers the body and holds it 1 s, and `/peak-rss`.
 * Usage: tsx rss-probe-server.ts MAX_IN_FLIGHT (prints the port on stdout).
 */
import { Hono } from 'hono';
import type { IncomingMessage } from 'node:http';
import { readIncomingBody } from '../../packages/gateway/src/adapters/node/incoming-body.ts';
import { serveApp } from '../../packages/gateway/src/adapters/node/serve.ts';

let peak = process.memoryUsage().rss;
setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5).unref();
const app = new Hono();
app.get('/peak-rss', (c) => c.json({ peak, now: process.memoryUsage().rss }));
app.post('/upload', async (c) => {
  const body = await readIncomingBody((c.env as { incoming: IncomingMessage }).incoming, 6 * 1024 * 1024);
  // Held long enough that 40 uploads sent at once are all in flight together even on a busy
  // machine (at 300 ms a slow run let them arrive one after another, and the unlimited case then
  // held few bodies at a time: +113 MB instead of the usual +255 to +304).
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  return c.json({ bytes: body.length });
});
const server = await serveApp(app, { port: 0, host: '127.0.0.1', limits: { maxInFlight: Number(process.argv[2]) } });
console.log(server.port);
process.on('SIGTERM', () => void server.close(100).then(() => process.exit(0)));
