import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { INVOKE_PATH, LOOPBACK, argValue, exitWithParent, reportReady } from './common.ts';

/**
 * The "bare proxy" contender, the baseline the targets are ratios of: the
 * fastest plain Node proxy hop we know. `node:http` in, undici's `Pool` out
 * (keep-alive, unbounded connections), the request body read whole and sent
 * whole, the response read whole and written whole with a Content-Length, as
 * the gateway must (SigV4 signs the whole body; function errors and envelopes
 * need the whole response). No signing, no transformation, no logs, no
 * limits: only hop-by-hop headers are dropped, as any proxy must.
 */
const upstream = new URL(argValue('upstream') ?? '');
const pool = new Pool(upstream.origin, { connections: null, keepAliveTimeout: 120_000, headersTimeout: 0, bodyTimeout: 0 });
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);

function forwardable(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  }
  return out;
}

function concat(chunks: Buffer[], length: number): Buffer {
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  let length = 0;
  req.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    length += chunk.byteLength;
  });
  req.on('end', () => {
    const body = concat(chunks, length);
    pool
      .request({ path: INVOKE_PATH, method: 'POST', headers: forwardable(req.headers), body })
      .then(async ({ statusCode, headers, body: responseBody }) => {
        const parts: Buffer[] = [];
        let size = 0;
        for await (const chunk of responseBody) {
          parts.push(chunk as Buffer);
          size += (chunk as Buffer).byteLength;
        }
        const out = forwardable(headers);
        out['content-length'] = String(size);
        res.writeHead(statusCode, out);
        res.end(concat(parts, size));
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
  });
});
server.keepAliveTimeout = 120_000;

exitWithParent();
server.listen(0, LOOPBACK, () => reportReady(`http://${LOOPBACK}:${(server.address() as AddressInfo).port}`));
