/**
 * Where `serve`'s certificate comes from: `--tls-cert`/`--tls-key` files, else the TLS Secret
 * a Gateway manifest's HTTPS listener names (`tls.certificateRefs[0]`): a `Secret` manifest in
 * the config (its `tls.crt`/`tls.key`, fixed for the process's life), else the mounted
 * `<secrets-dir>/<name>/tls.crt` and `tls.key` (re-read when the kubelet rotates them).
 * The pair is loaded once here, so a missing file or a key that does not fit the certificate is
 * a configuration error (exit 2) naming the files, not a crash on the first connection.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import { DEFAULT_SECRETS_DIR } from '../adapters/node/secrets-dir.ts';
import type { TlsServerOptions, TlsSource } from '../adapters/node/tls-server.ts';
import type { BuiltConfig, ServedListener } from '../config/index.ts';
import type { Logger } from '../logging/index.ts';
import { ConfigError } from '../validation/index.ts';

export interface ServeTls {
  certFile: string;
  keyFile: string;
}

export function tlsOptionsFor(
  flags: ServeTls | undefined,
  config: Pick<BuiltConfig, 'secrets' | 'tlsSecret'>,
  secretsDir: string | undefined,
  logger: Logger,
  env: Record<string, string | undefined> = process.env,
): TlsServerOptions | undefined {
  const source = flags ?? secretSource(config, secretsDir ?? env.LAMBDA_GATEWAY_SECRETS_DIR ?? DEFAULT_SECRETS_DIR);
  if (source === undefined) return undefined;
  checkPair(source, flags ? '--tls-cert/--tls-key' : `the Gateway listener's TLS Secret "${config.tlsSecret}"`);
  const files = 'certFile' in source ? { certFile: source.certFile, keyFile: source.keyFile } : {};
  return {
    tls: source,
    onReload: (error) => {
      if (error) logger.warn('TLS certificate reload failed; the previous certificate stays in use', { ...files, error: error.message });
      else logger.info('TLS certificate reloaded', files);
    },
  };
}

/**
 * The certificates of the HTTPS listeners sharing one port: each listener's Secret, chosen by
 * SNI for its hostname; the default one (no SNI, or a name no listener has) is the Secret of the
 * listener without hostname, else the first listener's. Every pair is checked as above.
 */
export function listenerTlsOptions(
  listeners: readonly ServedListener[],
  config: Pick<BuiltConfig, 'secrets'>,
  secretsDir: string | undefined,
  logger: Logger,
  env: Record<string, string | undefined> = process.env,
): TlsServerOptions {
  const dir = secretsDir ?? env.LAMBDA_GATEWAY_SECRETS_DIR ?? DEFAULT_SECRETS_DIR;
  const sourceFiles = new Map<ServedListener, string>();
  const sourceOf = (listener: ServedListener) => {
    const source = secretSource({ ...config, tlsSecret: listener.tlsSecret }, dir)!;
    checkPair(source, `the TLS Secret "${listener.tlsSecret}" of listener ${listener.name} (Gateway ${listener.gateway})`);
    if ('certFile' in source) sourceFiles.set(listener, source.certFile);
    return source;
  };
  const fallback = listeners.find((listener) => listener.hostname === undefined) ?? listeners[0]!;
  return {
    tls: sourceOf(fallback),
    sni: listeners.filter((listener) => listener.hostname !== undefined).map((listener) => ({ hostname: listener.hostname!, tls: sourceOf(listener) })),
    onReload: (error, files) => {
      // Which listeners' Secret was replaced (by name: a field called `secret…` would be redacted in the log).
      const changed = listeners.filter((listener) => sourceFiles.get(listener) === files.certFile);
      const fields = { tlsCertificate: changed[0]?.tlsSecret, listeners: changed.map((listener) => listener.name), certFile: files.certFile };
      if (error) logger.warn('TLS certificate reload failed; the previous certificate stays in use', { ...fields, error: error.message });
      else logger.info('TLS certificate reloaded', fields);
    },
  };
}

function secretSource(config: Pick<BuiltConfig, 'secrets' | 'tlsSecret'>, secretsDir: string): TlsSource | undefined {
  const name = config.tlsSecret;
  if (name === undefined) return undefined;
  const manifest = config.secrets[name];
  if (manifest !== undefined) {
    const cert = manifest['tls.crt'];
    const key = manifest['tls.key'];
    if (!cert || !key) throw new ConfigError([`Secret ${name}: a TLS Secret needs tls.crt and tls.key (type kubernetes.io/tls)`]);
    return { cert, key, description: `Secret ${name}` };
  }
  return { certFile: join(secretsDir, name, 'tls.crt'), keyFile: join(secretsDir, name, 'tls.key') };
}

function checkPair(source: TlsSource, what: string): void {
  let pair: { cert: string | Buffer; key: string | Buffer };
  if ('certFile' in source) {
    pair = { cert: readOrFail(source.certFile, what), key: readOrFail(source.keyFile, what) };
  } else {
    pair = source;
  }
  try {
    createSecureContext(pair);
  } catch (error) {
    const where = 'certFile' in source ? `${source.certFile}, ${source.keyFile}` : (source.description ?? 'the certificate');
    throw new ConfigError([`${what}: ${where}: not a usable PEM certificate and private key pair (${(error as Error).message})`]);
  }
}

function readOrFail(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new ConfigError([`${what}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`]);
  }
}
