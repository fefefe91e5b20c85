/**
 * The compiled dist/ that `npm pack` ships and the bin runs. `npm ci` builds it (the root's
 * `prepare`); a checkout where it is missing, or older than the sources, is built here with
 * `npm run build` rather than failing later with an obscure ERR_MODULE_NOT_FOUND.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const REPO_ROOT = resolve(import.meta.dirname, '../..');
/** Packages in build order (`npm run build` compiles local-aws, then the gateway against its d.ts). */
const BUILT_PACKAGES = ['packages/local-aws', 'packages/gateway'];
/** Test files sharing one checkout (vitest workers) build at most once at a time. */
const LOCK = join(REPO_ROOT, 'node_modules/.cache/lambda-gateway-build.lock');
const STALE_LOCK_MS = 180_000;

/** Only what the child needs: no NODE_OPTIONS (vitest or tsx loaders) and no npm_* of a parent npm. */
export function plainEnv(extra: Record<string, string> = {}): Record<string, string> {
  const kept = Object.entries(process.env).filter(
    ([name, value]) => value !== undefined && /^(PATH|HOME|NODE_EXTRA_CA_CERTS|npm_config_(cache|userconfig|registry)|(https?|no)_proxy)$/i.test(name),
  );
  return { ...(Object.fromEntries(kept) as Record<string, string>), ...extra };
}

async function newestSourceMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.includes('.test.')) continue;
    newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

async function isBuilt(packageDir: string): Promise<boolean> {
  const entry = await stat(join(REPO_ROOT, packageDir, 'dist/index.js')).catch(() => undefined);
  return entry !== undefined && entry.mtimeMs >= (await newestSourceMtime(join(REPO_ROOT, packageDir, 'src')));
}

async function allBuilt(): Promise<boolean> {
  for (const dir of BUILT_PACKAGES) if (!(await isBuilt(dir))) return false;
  return true;
}

async function acquireLock(): Promise<void> {
  await mkdir(join(LOCK, '..'), { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK);
      return;
    } catch {
      const held = await stat(LOCK).catch(() => undefined);
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) await rm(LOCK, { recursive: true, force: true });
      await new Promise((done) => setTimeout(done, 250));
    }
  }
}

/** Builds dist/ of both published packages unless it is there and newer than their sources. */
export async function ensureBuilt(): Promise<void> {
  if (await allBuilt()) return;
  await acquireLock();
  try {
    if (await allBuilt()) return;
    await run('npm', ['run', 'build'], { cwd: REPO_ROOT, env: plainEnv() }).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`dist/ is missing or older than the sources, and \`npm run build\` failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    });
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}
