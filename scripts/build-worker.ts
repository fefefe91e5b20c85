/**
 * Bundles the worker to wrangler.toml's `main` (wrangler.toml `[build] command`):
 * packages/gateway/src/adapters/worker/entry.ts with the config files inlined.
 *
 *   npx tsx --conditions=lambda-gateway-source scripts/build-worker.ts [--config routes/ …]
 *
 * (The condition makes `lambda-gateway` resolve to its TypeScript sources, as `npm run dev` does;
 * without it, it resolves to packages/gateway/dist, which only `npm run build` writes.)
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, buildWorker } from '../packages/worker-dev/src/build-worker.ts';
import { readWranglerConfig } from '../packages/worker-dev/src/wrangler-config.ts';

const { values } = parseArgs({ options: { config: { type: 'string', multiple: true, short: 'c' } }, strict: true });
const wrangler = await readWranglerConfig(join(REPO_ROOT, 'wrangler.toml'));
const built = await buildWorker({ config: values.config ?? ['routes'], outfile: wrangler.main });
console.log(
  `lambda-gateway: worker bundled to ${wrangler.main} (${built.code.length} bytes; config ${built.configFiles.map((file) => file.source).join(', ')})`,
);
