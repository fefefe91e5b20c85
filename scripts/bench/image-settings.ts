import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DOCKERFILE = fileURLToPath(new URL('../../deploy/Dockerfile', import.meta.url));

/** How the container image starts the gateway's process, as far as memory and CPU go. */
export interface ImageSettings {
  /** `ENV NODE_OPTIONS=…`, then the flags `ENTRYPOINT ["node", …]` gives before the script (V8 flags NODE_OPTIONS refuses). */
  nodeOptions: string[];
  /** The glibc malloc settings of its `ENV MALLOC_…=…` lines (today the trim threshold). */
  env: Record<string, string>;
}

/**
 * deploy/Dockerfile's settings, read from the file so that the bench and the image cannot
 * drift apart. The gateway contenders run with them, as production does
 * (`gateway-node-defaults` runs without, to show what they change); the bare proxies and the
 * other baselines keep Node's and glibc's defaults.
 */
export function imageSettings(): ImageSettings {
  const settings: ImageSettings = { nodeOptions: [], env: {} };
  let entrypoint: string[] = [];
  for (const line of readFileSync(DOCKERFILE, 'utf8').split('\n')) {
    const env = /^ENV\s+([A-Z_]+)=(.*)$/.exec(line.trim());
    if (env?.[1] === 'NODE_OPTIONS') settings.nodeOptions.push(...env[2]!.replace(/^"|"$/g, '').split(/\s+/).filter(Boolean));
    else if (env?.[1]?.startsWith('MALLOC_')) settings.env[env[1]] = env[2]!.trim();
    if (/^ENTRYPOINT\s+\[/.test(line)) entrypoint = JSON.parse(line.replace(/^ENTRYPOINT\s+/, '')) as string[];
  }
  if (entrypoint[0] === 'node') {
    const script = entrypoint.findIndex((arg, index) => index > 0 && !arg.startsWith('--'));
    settings.nodeOptions.push(...entrypoint.slice(1, script === -1 ? undefined : script));
  }
  return settings;
}

/** `NAME=value …` of the image's malloc settings, for the report. */
export function describeImageEnv(settings: ImageSettings): string {
  return (
    Object.entries(settings.env)
      .map(([name, value]) => `${name}=${value}`)
      .join(' ') || 'no malloc settings'
  );
}
