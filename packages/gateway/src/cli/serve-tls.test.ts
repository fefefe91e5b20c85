import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/index.ts';
import { runServe } from './serve.ts';
import { tlsOptionsFor } from './serve-tls.ts';

// Where serve's certificate comes from, and the errors for a pair that cannot be served.
let dir: string;
let pem: Awaited<ReturnType<typeof generate>>;
let other: Awaited<ReturnType<typeof generate>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-tls-'));
  pem = await generate([{ name: 'commonName', value: 'a.test' }], { keyType: 'ec', algorithm: 'sha256' });
  other = await generate([{ name: 'commonName', value: 'b.test' }], { keyType: 'ec', algorithm: 'sha256' });
  await writeFile(join(dir, 'cert.pem'), pem.cert);
  await writeFile(join(dir, 'key.pem'), pem.private);
  await writeFile(join(dir, 'other-key.pem'), other.private);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const NO_TLS = { secrets: {}, tlsSecret: undefined };

describe('serve TLS options', () => {
  it('is plain HTTP without flags or a Gateway HTTPS listener', () => {
    expect(tlsOptionsFor(undefined, NO_TLS, dir, silentLogger, {})).toBeUndefined();
  });

  it('uses the --tls-cert/--tls-key files', () => {
    const files = { certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') };
    expect(tlsOptionsFor(files, NO_TLS, dir, silentLogger, {})?.tls).toEqual(files);
  });

  it("uses a Secret manifest's tls.crt/tls.key, else the mounted secret's files", () => {
    const fromManifest = tlsOptionsFor(
      undefined,
      { secrets: { cert: { 'tls.crt': pem.cert, 'tls.key': pem.private } }, tlsSecret: 'cert' },
      dir,
      silentLogger,
      {},
    );
    expect(fromManifest?.tls).toMatchObject({ cert: pem.cert, key: pem.private });
    expect(() => tlsOptionsFor(undefined, { secrets: {}, tlsSecret: 'gw-cert' }, dir, silentLogger, {})).toThrow(
      `the Gateway listener's TLS Secret "gw-cert": cannot read ${join(dir, 'gw-cert', 'tls.crt')} (ENOENT)`,
    );
  });

  it('refuses a key that does not belong to the certificate, naming both files', () => {
    const files = { certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'other-key.pem') };
    expect(() => tlsOptionsFor(files, NO_TLS, dir, silentLogger, {})).toThrow(
      /--tls-cert\/--tls-key: .*cert\.pem, .*other-key\.pem: not a usable PEM certificate and private key pair/,
    );
  });

  it('wants --tls-cert and --tls-key together', async () => {
    await expect(runServe(['--config', join(dir, 'none.yaml'), '--tls-cert', join(dir, 'cert.pem')])).rejects.toThrow('--tls-cert and --tls-key go together');
  });
});
