import { readFileSync } from 'node:fs';

/**
 * `npx tsx scripts/bench/profile-top.ts FILE.cpuprofile [N]`: the top N
 * frames of a `--cpu-prof` profile by self time, and by total time (self +
 * callees, each frame counted once per sample), as percentages of the
 * profile's samples. What the README's "top profile frames" come from.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

const [file, countText] = process.argv.slice(2);
if (!file) {
  console.error('usage: profile-top.ts FILE.cpuprofile [N]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const count = Number(countText ?? 25);
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const frameName = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url
    .replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/packages\/gateway\/dist\//, 'dist/')
    .replace(/^file:\/\//, '');
  return `${functionName || '(anonymous)'} ${where}${where ? `:${lineNumber + 1}` : ''}`;
};
const self = new Map<string, number>();
const total = new Map<string, number>();
for (const sample of profile.samples) {
  const node = byId.get(sample);
  if (!node) continue;
  self.set(frameName(node), (self.get(frameName(node)) ?? 0) + 1);
  const seen = new Set<string>();
  for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
    const name = frameName(byId.get(id)!);
    if (seen.has(name)) continue;
    seen.add(name);
    total.set(name, (total.get(name) ?? 0) + 1);
  }
}
const samples = profile.samples.length;
const show = (title: string, table: Map<string, number>) => {
  console.log(`${title} (${samples} samples)`);
  for (const [name, n] of [...table].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`${((n / samples) * 100).toFixed(1).padStart(5)} %  ${name}`);
};
show('self', self);
console.log('');
show('total', total);
