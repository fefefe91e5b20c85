/**
 * Facts every benchmark process agrees on: the fake account, keys and
 * function, and the tiny protocol the bench scripts use to report readiness
 * (the gateway, run as its CLI, reports it in its log instead).
 * Everything listens on 127.0.0.1 only.
 */

export const LOOPBACK = '127.0.0.1';
export const REGION = 'us-east-1';
/** The account that owns the function (resource-based, cross-account route). */
export const FUNCTION_ACCOUNT = '222222222222';
export const FUNCTION_NAME = 'echo';
export const FUNCTION_ARN = `arn:aws:lambda:${REGION}:${FUNCTION_ACCOUNT}:function:${FUNCTION_NAME}`;
/** The Invoke path, ARN percent-encoded as the gateway sends it. */
export const INVOKE_PATH = `/2015-03-31/functions/${encodeURIComponent(FUNCTION_ARN)}/invocations`;

/** Static keys of the gateway's "own" identity (fake, loopback only). */
export const BASE_KEYS = { accessKeyId: 'AKIABENCHBASE0000001', secretAccessKey: 'bench-base-secret-key-not-a-real-one' };
/** What the bench STS hands out for AssumeRole (fake; the upstream knows both secrets). */
export const ROLE_KEYS = {
  accessKeyId: 'ASIABENCHROLE0000001',
  secretAccessKey: 'bench-role-secret-key-not-a-real-one',
  sessionToken: 'bench-session-token',
};
export const ROLE_ARN = `arn:aws:iam::${FUNCTION_ACCOUNT}:role/bench-invoker`;

/** Secrets the upstream's signature check knows, by access key id. */
export const KNOWN_SECRETS: Record<string, string> = {
  [BASE_KEYS.accessKeyId]: BASE_KEYS.secretAccessKey,
  [ROLE_KEYS.accessKeyId]: ROLE_KEYS.secretAccessKey,
};

/** The path every proxy serves (the upstream is reached at INVOKE_PATH). */
export const PROXY_PATH = '/echo';

/** Message a child sends over IPC once it listens. */
export interface ReadyMessage {
  ready: true;
  url: string;
}

/** Tells the parent (over the IPC channel) that this child is listening on `url`. */
export function reportReady(url: string): void {
  process.send?.({ ready: true, url } satisfies ReadyMessage);
}

/** Reads `--name value` from argv. */
export function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

/** Children exit when the parent goes away (IPC closed): no orphaned servers. */
export function exitWithParent(): void {
  process.on('disconnect', () => process.exit(0));
}
