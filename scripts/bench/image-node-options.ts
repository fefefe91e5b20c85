import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DOCKERFILE = fileURLToPath(new URL('../../deploy/Dockerfile', import.meta.url));

/**
 * The Node flags the container image runs the gateway with: deploy/Dockerfile's
 * `ENV NODE_OPTIONS=…`. The gateway contenders run with them, as production does
 * (`gateway-node-defaults` runs without, to show what they change); the bare proxies
 * and the other baselines keep Node's defaults. Read from the file, so that the
 * bench and the image cannot drift apart.
 */
export function imageNodeOptions(): string[] {
  const line = readFileSync(DOCKERFILE, 'utf8')
    .split('\n')
    .find((text) => /^ENV\s+NODE_OPTIONS=/.test(text));
  if (!line) return [];
  return line
    .replace(/^ENV\s+NODE_OPTIONS=/, '')
    .replace(/^"|"$/g, '')
    .split(/\s+/)
    .filter(Boolean);
}
