import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GATEWAY_SRC = join(ROOT, 'packages/gateway/src');
/** What packages/gateway/bin/lambda-gateway.mjs imports. */
const CLI_ENTRY = join(ROOT, 'packages/gateway/dist/cli/main.js');

/** The newest modification time of any file under `dir`, in ms. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function cliEntryMtime(): number | undefined {
  try {
    return statSync(CLI_ENTRY).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * The bench measures the compiled gateway, so a stale dist/ would measure old
 * code: when dist/cli/main.js is missing or older than the newest file in
 * packages/gateway/src, run `npm run build` once (tsc rewrites every output,
 * main.js included, so its mtime moves even when its text does not).
 */
export function ensureGatewayBuilt(): void {
  const built = cliEntryMtime();
  if (built !== undefined && built >= newestMtime(GATEWAY_SRC)) return;
  console.error(
    built === undefined
      ? 'packages/gateway/dist/cli/main.js is missing: running `npm run build`'
      : 'packages/gateway/dist is older than packages/gateway/src: running `npm run build`',
  );
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] }); // stdout stays the table's
  if (result.error) throw new Error(`npm run build could not start: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`npm run build failed (exit ${result.status ?? result.signal}); the bench measures the compiled gateway and needs a clean build`);
  if (cliEntryMtime() === undefined) throw new Error(`npm run build succeeded but ${CLI_ENTRY} is still missing`);
}
