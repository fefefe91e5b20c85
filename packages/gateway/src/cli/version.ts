import { readFile } from 'node:fs/promises';

/**
 * The gateway package's manifest, relative to this module: `src/cli/` under
 * tsx and vitest, `dist/cli/` once built; both are two levels below it.
 */
const PACKAGE_JSON = new URL('../../package.json', import.meta.url);

/** The version of the `lambda-gateway` package, as `--version` prints it. */
export async function gatewayVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(PACKAGE_JSON, 'utf8')) as { name?: unknown; version?: unknown };
  if (manifest.name !== 'lambda-gateway' || typeof manifest.version !== 'string')
    throw new Error(`${PACKAGE_JSON.pathname}: not the lambda-gateway package manifest`);
  return manifest.version;
}
