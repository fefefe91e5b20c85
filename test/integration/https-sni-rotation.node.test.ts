/**
 * Certificate rotation with several HTTPS listeners on one port (one certificate per listener,
 * chosen by SNI): when the kubelet replaces one listener's mounted Secret files, that name is
 * served the new certificate without a restart, and the other listeners keep theirs. The
 * single-certificate case is in https.node.test.ts.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as connectTls } from 'node:tls';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAws } from '../../packages/local-aws/src/index.ts';
import { startGateway } from '../../packages/gateway/src/cli/serve.ts';
import { createJsonLogger } from '../../packages/gateway/src/logging/index.ts';
import { KEYS, startTestAws, writeMountedSecret } from '../support/stack.ts';

const certificate = (commonName: string) => generate([{ name: 'commonName', value: commonName }], { keyType: 'ec', algorithm: 'sha256' });

const CONFIG = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: apps }
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

let aws: LocalAws;
let dir: string;
let server: Awaited<ReturnType<typeof startGateway>> | undefined;
const logs: Array<Record<string, unknown>> = [];

async function writePair(name: string, pem: { cert: string; private: string }): Promise<void> {
  await mkdir(join(dir, 'secrets', name), { recursive: true });
  // Key first, then certificate: in between the pair does not match, and the old one stays.
  await writeFile(join(dir, 'secrets', name, 'tls.key'), pem.private);
  await writeFile(join(dir, 'secrets', name, 'tls.crt'), pem.cert);
}

beforeAll(async () => {
  aws = await startTestAws();
  dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-sni-rotation-'));
  await writePair('cert-a', await certificate('a.test'));
  await writePair('cert-b', await certificate('b.test'));
  await writeMountedSecret(join(dir, 'secrets'), 'aws-creds', { accessKey: KEYS.gateway.accessKey, secretKey: KEYS.gateway.secretKey });
  await writeFile(join(dir, 'gateway.yaml'), CONFIG);
  server = await startGateway({
    config: [join(dir, 'gateway.yaml')],
    port: 0,
    host: '127.0.0.1',
    secretsDir: join(dir, 'secrets'),
    adminPort: 0,
    watch: false,
    logger: createJsonLogger((line) => logs.push(JSON.parse(line) as Record<string, unknown>), 'info'),
    env: { AWS_ENDPOINT_URL: aws.url, AWS_REGION: 'us-east-1' },
  });
}, 60_000);

afterAll(async () => {
  await server?.close(2_000);
  await aws?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The subject CN of the certificate presented for `servername`. */
function servedFor(servername: string): Promise<string> {
  const { port } = new URL(server!.url);
  return new Promise((resolve, reject) => {
    const socket = connectTls({ host: '127.0.0.1', port: Number(port), servername, rejectUnauthorized: false }, () => {
      resolve(String(socket.getPeerCertificate().subject.CN));
      socket.end();
    });
    socket.on('error', reject);
  });
}

describe('SNI certificates on one port', () => {
  it('a replaced Secret is served for its listener only, without a restart', async () => {
    expect([await servedFor('a.test'), await servedFor('b.test')]).toEqual(['a.test', 'b.test']);
    await writePair('cert-b', await certificate('b-rotated.test'));
    await expect.poll(() => servedFor('b.test'), { timeout: 20_000, interval: 500 }).toBe('b-rotated.test');
    expect(await servedFor('a.test')).toBe('a.test');
    // Told once and by name (each file is polled on its own; the second look finds the pair in use), never about the untouched listener.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(logs.filter((line) => line.msg === 'TLS certificate reloaded')).toEqual([
      expect.objectContaining({ level: 'info', tlsCertificate: 'cert-b', listeners: ['b'], certFile: join(dir, 'secrets', 'cert-b', 'tls.crt') }),
    ]);
    // Answering as before on the rotated name.
    const response = await new Promise<number>((resolve, reject) => {
      const socket = connectTls({ host: '127.0.0.1', port: Number(new URL(server!.url).port), servername: 'b.test', rejectUnauthorized: false }, () => {
        socket.write('POST /echo HTTP/1.1\r\nHost: b.test\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}');
      });
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
      socket.on('end', () => resolve(Number(received.split(' ')[1])));
      socket.on('error', reject);
    });
    expect(response).toBe(200);
  }, 40_000);
});
