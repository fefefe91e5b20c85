/**
 * Weighted choice among a route's backends (HTTPRoute `backendRefs[].weight`,
 * Gloo `multi` destinations). The random source is injected so that tests can
 * seed it; production uses `Math.random`.
 */

/** A number in [0, 1), like `Math.random()`. */
export type RandomSource = () => number;

/**
 * A picker that returns each item with probability weight / total. Items of
 * weight 0 are never picked; when every weight is 0 it returns undefined (the
 * Gateway API's "500 when all backendRefs have weight 0").
 */
export function weightedPicker<T>(items: readonly { weight: number; value: T }[], random: RandomSource): () => T | undefined {
  const live = items.filter((item) => item.weight > 0);
  if (live.length === 0) return () => undefined;
  if (live.length === 1) {
    const only = live[0]!.value;
    return () => only;
  }
  const cumulative: number[] = [];
  let total = 0;
  for (const item of live) cumulative.push((total += item.weight));
  return () => {
    const point = random() * total;
    // Few backends per rule (at most 16): a linear scan beats a binary search here.
    for (let index = 0; index < cumulative.length; index++) if (point < cumulative[index]!) return live[index]!.value;
    return live[live.length - 1]!.value;
  };
}

/** A seeded PRNG (mulberry32): the same seed gives the same sequence, for reproducible splits. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
