import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import {
  buildRoutes,
  isManifest,
  parseConfigTexts,
  type BuiltConfig,
  type ConfigFileText,
  type ManifestTranslator,
  type SourcedDocument,
} from '../../config/index.ts';
import type { EnvLookup } from '../../aws/env.ts';
import { ConfigError } from '../../validation/index.ts';

const CONFIG_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * Reads `--config` paths: files, or directories whose `.yaml`/`.yml`/`.json`
 * files are read in name order (not recursively). Returns each file's text.
 * Every path is stat'ed before it is opened: a FIFO, socket or device in a
 * directory is skipped with a line in `warnings` (opening a FIFO would block
 * forever), and one given by name is an error.
 * (The worker build bundles the same list, see src/worker-host/build-worker.ts.)
 */
export async function readConfigFiles(paths: string[], warnings: string[] = []): Promise<ConfigFileText[]> {
  const out: ConfigFileText[] = [];
  for (const path of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch {
      throw new ConfigError(['file or directory not found'], path);
    }
    const files = info.isDirectory()
      ? (await readdir(path))
          .filter((name) => CONFIG_EXTENSIONS.has(extname(name).toLowerCase()))
          .sort()
          .map((name) => join(path, name))
      : [path];
    if (info.isDirectory() && files.length === 0) throw new ConfigError(['directory holds no .yaml, .yml or .json files'], path);
    if (!info.isDirectory() && !info.isFile()) throw new ConfigError(['not a regular file (a FIFO, socket or device cannot hold configuration)'], path);
    for (const file of files) {
      if (file !== path && !(await stat(file)).isFile()) {
        warnings.push(`${file}: skipped, not a regular file`);
        continue;
      }
      out.push({ source: file, text: await readFile(file, 'utf8') });
    }
  }
  return out;
}

/**
 * Reads `--config` paths (see readConfigFiles) and parses every document,
 * `${NAME}` placeholders expanded from `env` in each file's text first.
 */
export async function readConfigDocuments(paths: string[], env: EnvLookup = (name) => process.env[name], warnings: string[] = []): Promise<SourcedDocument[]> {
  return parseConfigTexts(await readConfigFiles(paths, warnings), env, paths.join(', '));
}

export interface LoadConfigOptions {
  /** For `${NAME}` expansion (default `process.env`). */
  env?: EnvLookup;
  /** Kubernetes manifests → routes (default: the kgateway / Gateway API / Gloo Edge translator). */
  translateManifests?: ManifestTranslator;
}

/**
 * Reads and validates config paths (native config and Kubernetes manifests,
 * mixed freely) into routes. Throws ConfigError naming file, field path and reason.
 */
export async function loadConfig(paths: string[], options: LoadConfigOptions = {}): Promise<BuiltConfig> {
  const skipped: string[] = [];
  const documents = await readConfigDocuments(paths, options.env, skipped);
  // The translators (kgateway, Gateway API, Gloo Edge, Secret) load only when a manifest is
  // there: a native-config gateway keeps them out of its resident memory.
  const translate =
    options.translateManifests ??
    (documents.some((document) => isManifest(document.value)) ? (await import('../../manifests/index.ts')).translateManifests : undefined);
  const built = buildRoutes(documents, translate, options.env ?? ((name) => process.env[name]));
  return { ...built, warnings: [...skipped, ...built.warnings] };
}
