/**
 * A server for the RSS measurement in packages/gateway/src/adapters/node/server-limits.test.ts, run as its own
 * process so the client's buffers are not counted: serveApp with an upload
 * route that buffers the body and holds it until told to release it; over IPC it reports how many
 * are held and, when asked (`rss`), the peak and current RSS.
 * Usage: tsx rss-probe-server.ts MAX_IN_FLIGHT (prints the port on stdout).
 */
import { Hono } from 'hono';
import type { IncomingMessage } from 'node:http';
import { readIncomingBody } from '../../packages/gateway/src/adapters/node/incoming-body.ts';
import { serveApp } from '../../packages/gateway/src/adapters/node/serve.ts';

let peak = process.memoryUsage().rss;
setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5).unref();
const app = new Hono();
// Each upload is held until the test says `release`: it reads the peak while every admitted body
// is held at once, whatever the machine's speed (a fixed hold let a slow run's uploads arrive one
// after another, and the unlimited case then held few bodies at a time). Control goes over IPC,
// since the in-flight limit would shed a control request on the same port.
const waiting: Array<() => void> = [];
app.post('/upload', async (c) => {
  const body = await readIncomingBody((c.env as { incoming: IncomingMessage }).incoming, 6 * 1024 * 1024);
  await new Promise<void>((resolve) => {
    waiting.push(resolve);
    process.send?.({ held: waiting.length });
  });
  return c.json({ bytes: body.length });
});
process.on('message', (message) => {
  if (message === 'rss') process.send?.({ peak, now: process.memoryUsage().rss });
  if (message === 'release') for (const resolve of waiting.splice(0)) resolve();
});
const server = await serveApp(app, { port: 0, host: '127.0.0.1', limits: { maxInFlight: Number(process.argv[2]) } });
console.log(server.port);
process.on('SIGTERM', () => void server.close(100).then(() => process.exit(0)));
