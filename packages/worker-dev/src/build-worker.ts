import { build, type Plugin } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConfigFileText } from 'lambda-gateway';
import { readConfigFiles } from 'lambda-gateway/node';

/** The repository root (packages/worker-dev/src/ is three levels down). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The worker entry: `default { fetch }`, gateway built at start-up. */
export const WORKER_ENTRY = resolve(REPO_ROOT, 'packages/gateway/src/adapters/worker/entry.ts');
/** The virtual module the entry imports the config files from. */
const CONFIG_MODULE = 'lambda-gateway:config';

export interface BuildWorkerOptions {
  /** Config files or directories to bundle, as for `serve --config` (relative to `root`). Default `routes/`. */
  config?: string[];
  /** In-memory config files instead of `config` (tests). */
  configFiles?: readonly ConfigFileText[];
  /** Where to write the bundle; without it the bundle is only returned. */
  outfile?: string;
  /** Base for relative paths and for the file names in error messages. Default: the repository root. */
  root?: string;
  /** The module to bundle (default WORKER_ENTRY, the gateway's packages/gateway/src/adapters/worker/entry.ts); e.g. a team's own worker around `lambda()` routes. */
  entry?: string;
}

export interface BuiltWorker {
  /** The bundled ES module. */
  code: string;
  /** The config files it holds (for a pre-flight check on Node with the same texts). */
  configFiles: ConfigFileText[];
  outfile: string | undefined;
}

/**
 * Bundles the worker with esbuild: the gateway's worker entry and everything it
 * imports, for workerd (browser platform, `workerd`/`worker` conditions, no
 * Node built-ins: an accidental `node:` import fails the build), with the
 * config files inlined as texts so the worker needs no filesystem.
 */
export async function buildWorker(options: BuildWorkerOptions = {}): Promise<BuiltWorker> {
  const root = options.root ?? REPO_ROOT;
  const configFiles = options.configFiles ? [...options.configFiles] : await readBundledConfig(options.config ?? ['routes'], root);
  const result = await build({
    entryPoints: [options.entry ? resolve(root, options.entry) : WORKER_ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    // lambda-gateway-source: `import … from 'lambda-gateway'` inside this repository bundles src/, not dist/.
    conditions: ['lambda-gateway-source', 'workerd', 'worker', 'browser'],
    target: 'es2022',
    external: ['cloudflare:workers'],
    plugins: [configModule(configFiles)],
    write: false,
    outfile: options.outfile ? resolve(root, options.outfile) : 'worker.js',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild wrote no bundle');
  const code = output.text;
  let outfile: string | undefined;
  if (options.outfile) {
    outfile = resolve(root, options.outfile);
    await mkdir(dirname(outfile), { recursive: true });
    await writeFile(outfile, code);
  }
  return { code, configFiles, outfile };
}

/** Reads config paths like `serve --config`, naming files relative to `root` (as error messages show them). */
async function readBundledConfig(paths: string[], root: string): Promise<ConfigFileText[]> {
  const files = await readConfigFiles(paths.map((path) => (isAbsolute(path) ? path : resolve(root, path))));
  return files.map((file) => ({ source: relative(root, file.source) || file.source, text: file.text }));
}

/** Resolves `lambda-gateway:config` to a module whose default export is the config files. */
function configModule(files: readonly ConfigFileText[]): Plugin {
  return {
    name: 'lambda-gateway-config',
    setup(plugin) {
      plugin.onResolve({ filter: /^lambda-gateway:config$/ }, () => ({ path: CONFIG_MODULE, namespace: 'lambda-gateway-config' }));
      plugin.onLoad({ filter: /.*/, namespace: 'lambda-gateway-config' }, () => ({ contents: `export default ${JSON.stringify(files)};`, loader: 'js' }));
    },
  };
}
