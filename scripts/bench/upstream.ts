import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KNOWN_SECRETS, LOOPBACK, ROLE_KEYS, exitWithParent, reportReady } from './common.ts';
import { verifySigV4 } from './sigv4-check.ts';

/**
 * A minimal Lambda-compatible endpoint for the benchmark, so that the proxies,
 * not the upstream, are what is measured:
 *
 * - `POST /2015-03-31/functions/{fn}/invocations`: the trivial function, an
 *   echo (the payload comes back as the result), with Lambda's headers;
 * - `POST /` `Action=AssumeRole`: STS, fixed credentials valid for an hour;
 * - `/__bench/verify?on=1|0`: switches SigV4 checking (on for smoke requests,
 *   OFF during load: the table says so); `/__bench/stats`: call counters.
 *
 * Not an AWS emulator: no IAM, no errors beyond a failed signature check.
 * Run as a child of scripts/bench/run.ts; loopback only.
 */
let verify = false;
const stats = { invocations: 0, assumeRole: 0, verified: 0, unsigned: 0, rejected: 0 };
let requestCounter = 0;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    handle(req, res, body).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
});
// Clients keep their connections: never be the side that closes them mid-run.
server.keepAliveTimeout = 120_000;

async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
  const url = req.url ?? '/';
  if (url.startsWith('/__bench/')) return control(url, res);
  if (verify) {
    const outcome = await verifySigV4({ method: req.method ?? 'GET', rawPath: url, headers: req.headers, body }, KNOWN_SECRETS);
    if (outcome === 'ok') stats.verified++;
    else {
      stats[outcome === 'unsigned' ? 'unsigned' : 'rejected']++;
      res.writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'InvalidSignatureException' }).end(`{"message":"signature ${outcome}"}`);
      return;
    }
  }
  if (req.method === 'POST' && url.startsWith('/2015-03-31/functions/') && url.includes('/invocations')) {
    stats.invocations++;
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': body.byteLength,
      'x-amzn-requestid': `bench-${++requestCounter}`,
      'x-amz-executed-version': '$LATEST',
    });
    res.end(body);
    return;
  }
  if (req.method === 'POST' && url === '/' && body.toString('latin1').includes('Action=AssumeRole')) {
    stats.assumeRole++;
    res.writeHead(200, { 'content-type': 'text/xml' }).end(assumeRoleXml());
    return;
  }
  res.writeHead(404, { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' }).end('{"message":"not found"}');
}

function control(url: string, res: ServerResponse): void {
  if (url.startsWith('/__bench/verify')) verify = url.endsWith('on=1');
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ verify, ...stats }));
}

function assumeRoleXml(): string {
  const expiration = new Date(Date.now() + 3600_000).toISOString();
  return `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>${ROLE_KEYS.accessKeyId}</AccessKeyId><SecretAccessKey>${ROLE_KEYS.secretAccessKey}</SecretAccessKey><SessionToken>${ROLE_KEYS.sessionToken}</SessionToken><Expiration>${expiration}</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::222222222222:assumed-role/bench-invoker/bench</Arn><AssumedRoleId>AROABENCH:bench</AssumedRoleId></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>bench-sts</RequestId></ResponseMetadata></AssumeRoleResponse>`;
}

exitWithParent();
server.listen(0, LOOPBACK, () => reportReady(`http://${LOOPBACK}:${(server.address() as AddressInfo).port}`));
