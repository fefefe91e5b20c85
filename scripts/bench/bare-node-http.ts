import { Agent, createServer, request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { INVOKE_PATH, LOOPBACK, argValue, exitWithParent, reportReady } from './common.ts';

/**
 * The "bare proxy (node:http)" contender, the second baseline row: a plain
 * `node:http` reverse proxy with a keep-alive agent that streams the request
 * to the upstream's Invoke path and the response back, without signing or
 * transforming anything (only hop-by-hop headers are dropped, as any proxy
 * must). No limits, no logs, no error mapping. node:http's Agent is itself
 * slow on the outbound side: see bare-undici.ts for the baseline.
 */
const upstream = new URL(argValue('upstream') ?? '');
/** `--path`: the upstream path every request goes to (the streaming bench's InvokeWithResponseStream path). */
const upstreamPath = argValue('path') ?? INVOKE_PATH;
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);

function forwardable(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const name in headers) if (!HOP_BY_HOP.has(name)) out[name] = headers[name];
  return out;
}

const server = createServer((req, res) => {
  const outbound = request(
    { agent, host: upstream.hostname, port: upstream.port, method: req.method, path: upstreamPath, headers: forwardable(req.headers) },
    (upstreamRes) => {
      res.writeHead(upstreamRes.statusCode ?? 502, forwardable(upstreamRes.headers));
      upstreamRes.pipe(res);
    },
  );
  outbound.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(outbound);
});
server.keepAliveTimeout = 120_000;

exitWithParent();
server.listen(0, LOOPBACK, () => reportReady(`http://${LOOPBACK}:${(server.address() as AddressInfo).port}`));
