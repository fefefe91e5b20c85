import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalAws } from '@lambda-gateway/local-aws';

/** Lifetime of the demo's service-account tokens (the kubelet's default for IRSA is 24 h; shorter shows rotation). */
const TOKEN_LIFETIME_SECONDS = 3600;
/** The kubelet rewrites a projected token once 80 % of its lifetime has passed. */
const ROTATE_AFTER_MS = TOKEN_LIFETIME_SECONDS * 800;

/** A projected service-account token file, kept fresh like the kubelet does. */
export interface ProjectedToken {
  /** What `AWS_WEB_IDENTITY_TOKEN_FILE` points at. */
  path: string;
  stop(): void;
}

/**
 * Plays the kubelet for IRSA: writes an OIDC token for `serviceAccount` (signed
 * by the local AWS's OIDC issuer) to `<dir>/token` and rewrites it before it
 * expires, atomically (write, then rename), as Kubernetes updates projected volumes.
 */
export async function projectServiceAccountToken(localAws: LocalAws, dir: string, serviceAccount: string): Promise<ProjectedToken> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'token');
  const write = async () => {
    const token = await localAws.mintWebIdentityToken({ sub: serviceAccount, expiresInSeconds: TOKEN_LIFETIME_SECONDS });
    await writeFile(`${path}.new`, token);
    await rename(`${path}.new`, path);
  };
  await write();
  const timer = setInterval(() => {
    write().catch((error: unknown) => console.error('demo: could not rotate the web identity token:', error));
  }, ROTATE_AFTER_MS);
  timer.unref();
  return { path, stop: () => clearInterval(timer) };
}
