import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DOCKERFILE = fileURLToPath(new URL('../../deploy/Dockerfile', import.meta.url));

/**
 * The Node flags the container image runs the gateway with: deploy/Dockerfile's
 * `ENV NODE_OPTIONS=…`, then the flags its `ENTRYPOINT ["node", …]` gives before the script
 * (V8 flags that NODE_OPTIONS refuses). The gateway contenders run with them, as production does
 * (`gateway-node-defaults` runs without, to show what they change); the bare proxies
 * and the other baselines keep Node's defaults. Read from the file, so that the
 * bench and the image cannot drift apart.
 */
export function imageNodeOptions(): string[] {
  const lines = readFileSync(DOCKERFILE, 'utf8').split('\n');
  const env = lines.find((text) => /^ENV\s+NODE_OPTIONS=/.test(text));
  const fromEnv = env
    ? env
        .replace(/^ENV\s+NODE_OPTIONS=/, '')
        .replace(/^"|"$/g, '')
        .split(/\s+/)
        .filter(Boolean)
    : [];
  const entrypoint = lines.find((text) => /^ENTRYPOINT\s+\[/.test(text));
  const argv = entrypoint ? (JSON.parse(entrypoint.replace(/^ENTRYPOINT\s+/, '')) as string[]) : [];
  const fromEntrypoint =
    argv[0] === 'node' ? argv.slice(1).filter((arg, index, all) => arg.startsWith('--') && all.slice(0, index).every((before) => before.startsWith('--'))) : [];
  return [...fromEnv, ...fromEntrypoint];
}

/**
 * The glibc malloc settings deploy/Dockerfile sets with `ENV MALLOC_…=…` (today the trim
 * threshold): the gateway contenders that run with the image's flags get them too.
 */
export function imageMallocEnvironment(): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const line of readFileSync(DOCKERFILE, 'utf8').split('\n')) {
    const match = /^ENV\s+(MALLOC_[A-Z_]+)=(\S+)\s*$/.exec(line);
    if (match) settings[match[1]!] = match[2]!;
  }
  return settings;
}
