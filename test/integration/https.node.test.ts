import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { connect as connectH2 } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as connectTls } from 'node:tls';
import { generate } from 'selfsigned';
import { Agent, fetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAws } from '../../packages/local-aws/src/index.ts';
import { startGateway } from '../../packages/gateway/src/cli/serve.ts';
import { createJsonLogger } from '../../packages/gateway/src/logging/index.ts';
import { KEYS, startTestAws, writeMountedSecret } from '../support/stack.ts';

/*
 * HTTPS on the real server against the local AWS: a Gateway whose only listener is HTTPS with a
 * certificateRef to a TLS Secret mounted in the secrets directory (tls.crt / tls.key), HTTP/1.1
 * and HTTP/2 (ALPN) on the same port, and the certificate re-read when the kubelet replaces the
 * files. Certificates are generated here, at test time.
 */

const certificate = (commonName: string) =>
  generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });

const CONFIG = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: apps }
spec:
  gatewayClassName: lambda-gateway
  listeners:
    - { name: https, protocol: HTTPS, port: 8443, tls: { mode: Terminate, certificateRefs: [{ kind: Secret, name: gw-cert }] } }
---
backends:
  echo: { region: us-east-1, accountId: "222222222222", functionName: echo, auth: { type: secret, name: aws-creds } }
  sleep: { region: us-east-1, accountId: "222222222222", functionName: sleep, auth: { type: secret, name: aws-creds } }
routes:
  - { name: echo, matches: [{ path: { type: PathPrefix, value: /echo } }], backend: echo }
  - { name: sleep, matches: [{ path: { type: PathPrefix, value: /sleep } }], backend: sleep }
`;

let aws: LocalAws;
let dir: string;
let first: Awaited<ReturnType<typeof certificate>>;
/** The certificate served now (the rotation test replaces it). */
let current: Awaited<ReturnType<typeof certificate>>;
let server: Awaited<ReturnType<typeof startGateway>> | undefined;
const logs: string[] = [];

/** Writes a mounted TLS Secret: key first, then certificate (in between the pair does not match, and the old one stays). */
async function writePair(name: string, pem: { cert: string; private: string }): Promise<void> {
  await mkdir(join(dir, 'secrets', name), { recursive: true });
  await writeFile(join(dir, 'secrets', name, 'tls.key'), pem.private);
  await writeFile(join(dir, 'secrets', name, 'tls.crt'), pem.cert);
}

/** The real server on `config` (written as `<name>.yaml`), the secrets directory above, lines to `log`. */
async function startHttps(name: string, config: string, log: (line: string) => void, watch = true) {
  await writeFile(join(dir, `${name}.yaml`), config);
  return startGateway({
    config: [join(dir, `${name}.yaml`)],
    port: 0,
    host: '127.0.0.1',
    secretsDir: join(dir, 'secrets'),
    adminPort: 0,
    watch,
    logger: createJsonLogger(log, 'info'),
    env: { AWS_ENDPOINT_URL: aws.url, AWS_REGION: 'us-east-1' },
  });
}

beforeAll(async () => {
  aws = await startTestAws();
  dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-https-'));
  first = await certificate('first.test');
  current = first;
  await writePair('gw-cert', first);
  await writeMountedSecret(join(dir, 'secrets'), 'aws-creds', { accessKey: KEYS.gateway.accessKey, secretKey: KEYS.gateway.secretKey });
  server = await startHttps('gateway', CONFIG, (line) => logs.push(line));
}, 60_000);

afterAll(async () => {
  await server?.close(2_000);
  server = undefined;
  await aws?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The subject CN of the certificate the server presents. */
function servedCommonName(): Promise<string> {
  return servedCommonNameAt(server!.url);
}

/** The subject CN of the certificate presented at `url` (to `servername` by SNI, if given). */
function servedCommonNameAt(url: string, servername?: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connectTls({ host: '127.0.0.1', port: Number(port), rejectUnauthorized: false, ...(servername ? { servername } : {}) }, () => {
      resolve(String(socket.getPeerCertificate().subject.CN));
      socket.end();
    });
    socket.on('error', reject);
  });
}

describe('HTTPS listener', () => {
  it('serves HTTP/1.1 over TLS with the Secret certificate, invoking the function', async () => {
    expect(server!.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const before = aws.invocations('echo').length;
    const response = await fetch(`${server!.url}/echo`, { method: 'POST', body: '{"say":"hi"}', dispatcher: new Agent({ connect: { ca: first.cert } }) });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Response from AWS Lambda');
    expect(aws.invocations('echo').length).toBe(before + 1);
  });

  it('offers HTTP/2 by ALPN on the same port', async () => {
    const session = connectH2(server!.url, { ca: first.cert });
    try {
      const { status, body, alpn } = await new Promise<{ status: number; body: string; alpn: string | false | undefined }>((resolve, reject) => {
        const stream = session.request({ ':method': 'POST', ':path': '/echo' });
        let status = 0;
        const chunks: Buffer[] = [];
        stream.on('response', (headers) => {
          status = Number(headers[':status']);
        });
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => resolve({ status, body: Buffer.concat(chunks).toString('utf8'), alpn: session.alpnProtocol }));
        stream.on('error', reject);
        stream.end('{"say":"over h2"}');
      });
      expect(alpn).toBe('h2');
      expect(status).toBe(200);
      expect(body).toContain('over h2');
    } finally {
      session.close();
    }
  });

  it('re-reads the certificate when the mounted files are replaced', async () => {
    expect(await servedCommonName()).toBe('first.test');
    const next = await certificate('rotated.test');
    await writePair('gw-cert', next);
    await expect.poll(servedCommonName, { timeout: 20_000, interval: 500 }).toBe('rotated.test');
    current = next;
    expect(logs.some((line) => line.includes('TLS certificate reloaded'))).toBe(true);
  }, 30_000);

  it('finishes requests in flight on close, over HTTP/1.1 and HTTP/2, then stops', async () => {
    const running = server!;
    server = undefined;
    const h1 = fetch(`${running.url}/sleep`, { method: 'POST', body: '{"ms":1500}', dispatcher: new Agent({ connect: { ca: current.cert } }) });
    const session = connectH2(running.url, { ca: current.cert });
    const h2 = new Promise<number>((resolve, reject) => {
      const stream = session.request({ ':method': 'POST', ':path': '/sleep' });
      let status = 0;
      stream.on('response', (headers) => {
        status = Number(headers[':status']);
      });
      stream.on('data', () => undefined);
      stream.on('end', () => resolve(status));
      stream.on('error', reject);
      stream.end('{"ms":1500}');
    });
    await expect.poll(() => aws.invocations('sleep').length, { timeout: 10_000 }).toBe(2);
    const closed = running.close(20_000);
    expect((await h1).status).toBe(200);
    expect(await h2).toBe(200);
    await closed;
    session.destroy();
    await expect(servedCommonNameAt(running.url)).rejects.toThrow(/ECONNREFUSED/);
  }, 40_000);
});

/*
 * Several HTTPS listeners on one port, one certificate each, chosen by SNI: when the kubelet
 * replaces one listener's mounted Secret files, that name is served the new certificate without
 * a restart, and the other listeners keep theirs.
 */
const SNI_CONFIG = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: sni, namespace: apps }
spec:
  gatewayClassName: lambda-gateway
  listeners:
    - { name: a, protocol: HTTPS, port: 8443, hostname: a.test, tls: { mode: Terminate, certificateRefs: [{ kind: Secret, name: cert-a }] } }
    - { name: b, protocol: HTTPS, port: 8443, hostname: b.test, tls: { mode: Terminate, certificateRefs: [{ kind: Secret, name: cert-b }] } }
---
backends:
  echo: { region: us-east-1, accountId: "222222222222", functionName: echo, auth: { type: secret, name: aws-creds } }
routes:
  - { name: echo, matches: [{ path: { type: PathPrefix, value: /echo } }], backend: echo }
`;

describe('SNI certificates on one port', () => {
  let sni: Awaited<ReturnType<typeof startGateway>> | undefined;
  const sniLogs: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    await writePair('cert-a', await certificate('a.test'));
    await writePair('cert-b', await certificate('b.test'));
    sni = await startHttps('sni', SNI_CONFIG, (line) => sniLogs.push(JSON.parse(line) as Record<string, unknown>), false);
  }, 60_000);
  afterAll(() => sni?.close(2_000));

  it('a replaced Secret is served for its listener only, without a restart, and told once by name', async () => {
    const served = (name: string) => servedCommonNameAt(sni!.url, name);
    expect([await served('a.test'), await served('b.test')]).toEqual(['a.test', 'b.test']);
    await writePair('cert-b', await certificate('b-rotated.test'));
    await expect.poll(() => served('b.test'), { timeout: 20_000, interval: 500 }).toBe('b-rotated.test');
    expect(await served('a.test')).toBe('a.test');
    // Each file is polled on its own; the second look finds the pair in use. Never a line about the untouched listener.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(sniLogs.filter((line) => line.msg === 'TLS certificate reloaded')).toEqual([
      expect.objectContaining({ level: 'info', tlsCertificate: 'cert-b', listeners: ['b'], certFile: join(dir, 'secrets', 'cert-b', 'tls.crt') }),
    ]);
    // Answering as before on the rotated name.
    const status = await new Promise<number>((resolve, reject) => {
      const socket = connectTls({ host: '127.0.0.1', port: Number(new URL(sni!.url).port), servername: 'b.test', rejectUnauthorized: false }, () => {
        socket.write('POST /echo HTTP/1.1\r\nHost: b.test\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}');
      });
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
      socket.on('end', () => resolve(Number(received.split(' ')[1])));
      socket.on('error', reject);
    });
    expect(status).toBe(200);
  }, 40_000);
});
