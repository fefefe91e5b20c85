import { LRUCache } from 'lru-cache';
import type { CredentialProvider } from '../aws/credentials.ts';

/** Plenty for any configuration (one entry per base identity × role × external id × session name). */
const DEFAULT_MAX_ENTRIES = 256;

/**
 * Caching providers keyed by what their credentials are (e.g. base identity,
 * role ARN, external id, session name, STS endpoint), so that every gateway
 * built in this process, and every request of a worker isolate, shares one
 * cache entry and one refresh cycle per key.
 *
 * Bounded: past `maxEntries` the least recently requested entry is dropped.
 * A dropped provider keeps working for whoever still holds it; it is only no
 * longer shared.
 */
export class CredentialCache {
  readonly maxEntries: number;
  readonly #entries: LRUCache<string, CredentialProvider>;

  constructor(maxEntries: number = DEFAULT_MAX_ENTRIES) {
    this.maxEntries = maxEntries;
    this.#entries = new LRUCache({ max: maxEntries });
  }

  /** The provider cached under `key`, creating it with `create` the first time. */
  getOrCreate<P extends CredentialProvider>(key: string, create: () => P): P {
    const existing = this.#entries.get(key);
    if (existing) return existing as P;
    const created = create();
    this.#entries.set(key, created);
    return created;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Forgets every entry (tests; a configuration reload that must start cold). */
  clear(): void {
    this.#entries.clear();
  }
}

/**
 * The module-scope cache: one per process (per isolate in a worker). Runtimes
 * use it unless given their own (tests that need a cold gateway do).
 */
export const moduleCredentialCache = new CredentialCache();

const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;

/**
 * A cache key part for a provider: its `identity` when it has one, else an
 * id unique to the object (so a provider without a process-wide identity is
 * only ever shared with itself).
 */
export function identityOf(provider: CredentialProvider): string {
  if (provider.identity) return provider.identity;
  let id = objectIds.get(provider);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(provider, id);
  }
  return `object#${id}`;
}
