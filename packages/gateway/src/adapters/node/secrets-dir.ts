import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretSource } from '../../credentials/index.ts';

/** Where Kubernetes Secrets are mounted by default (one directory per secret). */
export const DEFAULT_SECRETS_DIR = '/etc/lambda-gateway/secrets';

/**
 * Named secrets as mounted Kubernetes Secrets: `<dir>/<name>/` holds one file
 * per key. Kubernetes' `..data` symlink layout is followed transparently;
 * dot-files are skipped.
 */
export function directorySecretSource(dir: string): SecretSource {
  return {
    locate: (name) => `${join(dir, name)}/`,
    async read(name) {
      const folder = join(dir, name);
      let entries: string[];
      try {
        entries = await readdir(folder);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      const values: Record<string, string> = {};
      for (const entry of entries) {
        if (entry.startsWith('.')) continue;
        try {
          values[entry] = await readFile(join(folder, entry), 'utf8');
        } catch (error) {
          // A sub-directory or a file that vanished mid-rotation: not a key.
          if ((error as NodeJS.ErrnoException).code !== 'EISDIR' && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
      return values;
    },
  };
}
