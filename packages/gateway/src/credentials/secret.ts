import type { Logger } from '../logging/index.ts';
import { CredentialsUnavailableError, type AwsCredentials, type CredentialProvider, type SecretSource } from '../aws/credentials.ts';

/** Both spellings a Secret may use: kubectl/kgateway camelCase and Gloo Edge snake_case. */
const KEY_NAMES = {
  accessKeyId: ['accessKey', 'access_key', 'aws_access_key_id'],
  secretAccessKey: ['secretKey', 'secret_key', 'aws_secret_access_key'],
  sessionToken: ['sessionToken', 'session_token', 'aws_session_token'],
} as const;

/** How long a read secret is reused before it is read again (Kubernetes updates mounted Secrets in place). */
const REREAD_AFTER_MS = 60_000;
/** After a failed read (I/O error), when to try again; the last good keys serve meanwhile. */
const RETRY_READ_AFTER_MS = 5_000;
/** Keys last read longer ago than this are not served when the secret cannot be read. */
const MAX_STALE_MS = 5 * 60_000;

function pick(values: Record<string, string>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = values[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/**
 * Credentials from a named secret holding `accessKey`, `secretKey` and an
 * optional (possibly empty) `sessionToken`. Re-read every minute so that a
 * rotated Secret is picked up without a restart.
 */
export function secretCredentials(name: string, source: SecretSource, now: () => number = Date.now, logger?: Logger): CredentialProvider {
  const description = `secret ${name}`;
  let cached: { credentials: AwsCredentials; readAt: number } | undefined;
  let nextReadAt = 0;
  let inflight: Promise<AwsCredentials> | undefined;

  async function load(): Promise<AwsCredentials> {
    let values: Record<string, string> | undefined;
    try {
      values = await source.read(name);
    } catch (error) {
      // An I/O error (e.g. mid-rotation): the last good keys may serve for a bounded time.
      const reason = `cannot read ${source.locate(name)}`;
      if (cached && now() - cached.readAt < MAX_STALE_MS) {
        nextReadAt = now() + RETRY_READ_AFTER_MS;
        logger?.warn('secret read failed, serving the keys read before', { secret: name, reason });
        return cached.credentials;
      }
      throw new CredentialsUnavailableError(description, reason, { cause: error });
    }
    // A deleted secret or removed keys is a revocation: stop signing with the old keys.
    cached = undefined;
    if (!values) throw new CredentialsUnavailableError(description, `secret not found at ${source.locate(name)}`);
    const accessKeyId = pick(values, KEY_NAMES.accessKeyId);
    const secretAccessKey = pick(values, KEY_NAMES.secretAccessKey);
    if (!accessKeyId || !secretAccessKey) {
      const missing = !accessKeyId ? 'accessKey' : 'secretKey';
      throw new CredentialsUnavailableError(description, `key "${missing}" is missing or empty in ${source.locate(name)}`);
    }
    const credentials: AwsCredentials = { accessKeyId, secretAccessKey, sessionToken: pick(values, KEY_NAMES.sessionToken) };
    cached = { credentials, readAt: now() };
    nextReadAt = cached.readAt + REREAD_AFTER_MS;
    return credentials;
  }

  return {
    description,
    getCredentials() {
      if (cached && now() < nextReadAt) return Promise.resolve(cached.credentials);
      // One read at a time.
      inflight ??= load().finally(() => {
        inflight = undefined;
      });
      return inflight;
    },
  };
}
