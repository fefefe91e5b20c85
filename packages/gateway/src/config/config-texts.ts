import { ConfigError } from '../validation/index.ts';
import { buildRoutes, type BuiltConfig, type ManifestTranslator } from './build-routes.ts';
import { parseConfigText, type SourcedDocument } from './documents.ts';
import type { EnvLookup } from '../aws/env.ts';

/** A config file's text and where it came from (a path as the user wrote it, or a label). */
export interface ConfigFileText {
  source: string;
  text: string;
}

/**
 * Parses config files held in memory: every YAML/JSON document in each file,
 * `${NAME}` placeholders expanded from `env` in its parsed values (never in comments). The Node CLI
 * reads the texts from disk; the worker has them bundled at build time. Both
 * come through here so that a file means the same thing in both runtimes.
 *
 * @param label names the input when it holds no document at all (default: the file names)
 */
export function parseConfigTexts(files: readonly ConfigFileText[], env: EnvLookup, label = files.map((file) => file.source).join(', ')): SourcedDocument[] {
  const documents = files.flatMap((file) => parseConfigText(file.text, file.source, env));
  if (documents.length === 0) throw new ConfigError(['no configuration documents found'], label || '(no files)');
  return documents;
}

/** parseConfigTexts, then buildRoutes: in-memory config files → the route list for createGateway. */
export function buildRoutesFromTexts(
  files: readonly ConfigFileText[],
  options: { env: EnvLookup; translateManifests?: ManifestTranslator | undefined },
): BuiltConfig {
  return buildRoutes(parseConfigTexts(files, options.env), options.translateManifests, options.env);
}
