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

beforeAll(async () => {
  aws = await startTestAws();
  dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-https-'));
  first = await certificate('first.test');
  current = first;
  await mkdir(join(dir, 'secrets', 'gw-cert'), { recursive: true });
  await writeFile(join(dir, 'secrets', 'gw-cert', 'tls.crt'), first.cert);
  await writeFile(join(dir, 'secrets', 'gw-cert', 'tls.key'), first.private);
  await writeMountedSecret(join(dir, 'secrets'), 'aws-creds', { accessKey: KEYS.gateway.accessKey, secretKey: KEYS.gateway.secretKey });
  await writeFile(join(dir, 'gateway.yaml'), CONFIG);
  server = await startGateway({
    config: [join(dir, 'gateway.yaml')],
    port: 0,
    host: '127.0.0.1',
    secretsDir: join(dir, 'secrets'),
    adminPort: 0,
    logger: createJsonLogger((line) => logs.push(line), 'info'),
    env: { AWS_ENDPOINT_URL: aws.url, AWS_REGION: 'us-east-1' },
  });
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

function servedCommonNameAt(url: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connectTls({ host: '127.0.0.1', port: Number(port), rejectUnauthorized: false }, () => {
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
    // Key first, then certificate: in between the pair does not match, and the old one stays.
    await writeFile(join(dir, 'secrets', 'gw-cert', 'tls.key'), next.private);
    await writeFile(join(dir, 'secrets', 'gw-cert', 'tls.crt'), next.cert);
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
