import type { AwsCredentials, CredentialProvider } from '../credentials/index.ts';
import type { BoundBackend } from './bound-backend.ts';

/** What the admin port's `/status/credentials` shows for one identity (never key material). */
export interface CredentialStatus {
  /** The provider's description: `secret aws-creds`, `role arn:… via web identity arn:…`. */
  identity: string;
  /** Backends signing with it. */
  backends: string[];
  /** Last outcome: `ok`, `error`, or `unknown` before the first attempt. */
  state: 'ok' | 'error' | 'unknown';
  /** ISO time the current credentials expire; absent for long-lived keys. */
  expiresAt?: string | undefined;
  /** ISO time credentials were last newly obtained (not served from the cache). */
  lastRefresh?: string | undefined;
  lastError?: { at: string; message: string } | undefined;
}

/** Hooks for metrics on credential loads. */
export interface CredentialEvents {
  /** Newly obtained credentials (`ok`) or a failed attempt (`error`); `seconds` is what the caller waited. */
  loaded(identity: string, result: 'ok' | 'error', seconds: number): void;
}

interface Entry {
  identity: string;
  backends: Set<string>;
  last: AwsCredentials | undefined;
  lastRefresh: number | undefined;
  lastError: { at: number; message: string } | undefined;
  state: CredentialStatus['state'];
}

/**
 * Watches each backend's credential provider from outside: wraps it once per
 * provider (backends sharing an identity share the entry), notes when the
 * credentials it hands out change (a load) and when it fails. It adds no
 * calls of its own: the provider's cache decides when STS is asked.
 */
export class CredentialStatusBoard {
  readonly #entries = new Map<CredentialProvider, { entry: Entry; wrapper: CredentialProvider }>();
  #events: CredentialEvents | undefined;

  constructor(events?: CredentialEvents) {
    this.#events = events;
  }

  /**
   * Replaces each backend's provider with its watched wrapper. Called again
   * after a reload with the new gateway's backends: identities no longer used
   * are dropped; one still used keeps its history (expiry, last refresh, error).
   */
  watch(backends: readonly BoundBackend[]): void {
    const previous = new Map([...this.#entries.values()].map(({ entry }) => [entry.identity, entry]));
    this.#entries.clear();
    for (const backend of backends) backend.credentials = this.#wrap(backend.credentials, backend.name, previous);
  }

  /** Every watched identity, for the admin port. */
  statuses(): CredentialStatus[] {
    return [...this.#entries.values()].map(({ entry }) => ({
      identity: entry.identity,
      backends: [...entry.backends],
      state: entry.state,
      expiresAt: entry.last?.expiration?.toISOString(),
      lastRefresh: entry.lastRefresh === undefined ? undefined : new Date(entry.lastRefresh).toISOString(),
      lastError: entry.lastError && { at: new Date(entry.lastError.at).toISOString(), message: entry.lastError.message },
    }));
  }

  /** Seconds until each identity's current credentials expire (identities with long-lived keys are left out). */
  secondsUntilExpiry(now = Date.now()): Array<{ identity: string; seconds: number }> {
    const out: Array<{ identity: string; seconds: number }> = [];
    for (const { entry } of this.#entries.values()) {
      const expiration = entry.last?.expiration;
      if (expiration) out.push({ identity: entry.identity, seconds: (expiration.getTime() - now) / 1000 });
    }
    return out;
  }

  /** Per backend: 1 when its identity's last attempt succeeded, 0 when it failed (unknown ones are left out). */
  backendStates(): Array<{ backend: string; ok: boolean }> {
    const out: Array<{ backend: string; ok: boolean }> = [];
    for (const { entry } of this.#entries.values()) {
      if (entry.state === 'unknown') continue;
      for (const backend of entry.backends) out.push({ backend, ok: entry.state === 'ok' });
    }
    return out;
  }

  #wrap(provider: CredentialProvider, backendName: string, previous: Map<string, Entry>): CredentialProvider {
    const known = this.#entries.get(provider) ?? [...this.#entries.values()].find(({ wrapper }) => wrapper === provider);
    if (known) {
      known.entry.backends.add(backendName);
      return known.wrapper;
    }
    const before = previous.get(provider.description);
    const entry: Entry = before
      ? { ...before, backends: new Set([backendName]) }
      : { identity: provider.description, backends: new Set([backendName]), last: undefined, lastRefresh: undefined, lastError: undefined, state: 'unknown' };
    const events = () => this.#events;
    const wrapper: CredentialProvider = {
      description: provider.description,
      identity: provider.identity,
      roleArn: provider.roleArn,
      async getCredentials() {
        const started = performance.now();
        try {
          const credentials = await provider.getCredentials();
          if (credentials !== entry.last) {
            entry.last = credentials;
            entry.lastRefresh = Date.now();
            events()?.loaded(entry.identity, 'ok', (performance.now() - started) / 1000);
          }
          entry.state = 'ok';
          return credentials;
        } catch (error) {
          entry.state = 'error';
          entry.lastError = { at: Date.now(), message: (error as Error).message };
          events()?.loaded(entry.identity, 'error', (performance.now() - started) / 1000);
          throw error;
        }
      },
    };
    this.#entries.set(provider, { entry, wrapper });
    return wrapper;
  }
}
