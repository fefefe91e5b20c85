import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { GatewayRouteSpec } from '../core/index.ts';
import type { Logger } from '../logging/index.ts';
import type { GatewaySetup } from './gateway-setup.ts';

/** How long a burst of file events (an editor's save, a ConfigMap's symlink swap) is let settle. */
export const DEFAULT_RELOAD_DEBOUNCE_MS = 300;

export type ReloadResult = 'success' | 'failure' | 'refused' | 'unchanged';

export interface ConfigReloaderOptions {
  /** The `--config` paths: files and directories. */
  paths: string[];
  /** Reads and validates the whole configuration again (setUpGateway with the start-up options). */
  load(): Promise<GatewaySetup>;
  /** Why `next` cannot be applied live (a listener or port change), or undefined when it can. */
  refusal(next: GatewaySetup): string | undefined;
  /** Swaps it in: new requests use it, requests in flight finish on the old one. */
  apply(next: GatewaySetup): void;
  /** The hash of the configuration being served (to skip reloads that change nothing). */
  currentHash(): string | undefined;
  hashOf(next: GatewaySetup): string;
  /** The routes being served, for the reload's diff. */
  currentRoutes(): GatewayRouteSpec[];
  onResult(result: Exclude<ReloadResult, 'unchanged'>): void;
  logger: Logger;
  debounceMs?: number | undefined;
}

/**
 * Live reload for `serve` (README "Reload"): watches every `--config` path
 * (a directory itself, a file through its directory, so an editor's rename
 * and a mounted ConfigMap's `..data` symlink swap are both seen) and reloads
 * on SIGHUP too. A reload loads and validates everything first; on failure
 * the last good configuration keeps serving and the error (file, field path,
 * reason) is logged and counted. Reloads never overlap: one asked for during
 * another runs after it.
 */
export class ConfigReloader {
  readonly #options: ConfigReloaderOptions;
  readonly #watchers: FSWatcher[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<ReloadResult> | undefined;
  #again: string | undefined;

  constructor(options: ConfigReloaderOptions) {
    this.#options = options;
  }

  /** Starts watching the paths. A path that cannot be watched is logged; SIGHUP still reloads. */
  async watch(): Promise<void> {
    for (const path of this.#options.paths) {
      try {
        const isDirectory = (await stat(path)).isDirectory();
        const directory = isDirectory ? path : dirname(path);
        const name = basename(path);
        const watcher = watch(directory, { persistent: false }, (_event, file) => {
          // A file's directory: its own events, and the `..data` swap of a ConfigMap mount.
          if (isDirectory || file === null || file === name || String(file).startsWith('..')) this.#schedule(`change in ${path}`);
        });
        watcher.on('error', (error) => this.#options.logger.warn('config watch failed; SIGHUP still reloads', { path, error: error.message }));
        this.#watchers.push(watcher);
      } catch (error) {
        this.#options.logger.warn('config path not watched; SIGHUP still reloads', { path, error: (error as Error).message });
      }
    }
  }

  /** Reloads now (SIGHUP, tests); resolves with what happened. */
  reload(trigger: string): Promise<ReloadResult> {
    if (this.#running) {
      this.#again = trigger;
      return this.#running;
    }
    this.#running = this.#reloadOnce(trigger).finally(() => {
      this.#running = undefined;
      const again = this.#again;
      this.#again = undefined;
      if (again !== undefined) void this.reload(again);
    });
    return this.#running;
  }

  close(): void {
    clearTimeout(this.#timer);
    for (const watcher of this.#watchers.splice(0)) watcher.close();
  }

  #schedule(trigger: string): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.reload(trigger), this.#options.debounceMs ?? DEFAULT_RELOAD_DEBOUNCE_MS);
    this.#timer.unref();
  }

  async #reloadOnce(trigger: string): Promise<ReloadResult> {
    const { logger } = this.#options;
    let next: GatewaySetup;
    try {
      next = await this.#options.load();
    } catch (error) {
      this.#options.onResult('failure');
      logger.error('config reload failed; still serving the last good configuration', { trigger, error: (error as Error).message });
      return 'failure';
    }
    const hash = this.#options.hashOf(next);
    if (hash === this.#options.currentHash()) {
      logger.debug('config reload: nothing changed', { trigger, config: hash });
      return 'unchanged';
    }
    const refusal = this.#options.refusal(next);
    if (refusal) {
      this.#options.onResult('refused');
      logger.error('config reload refused: restart the gateway to apply it; still serving the last good configuration', { trigger, reason: refusal });
      return 'refused';
    }
    const diff = routeDiff(this.#options.currentRoutes(), next.config.routes);
    this.#options.apply(next);
    this.#options.onResult('success');
    logger.info('config reloaded', { trigger, config: hash, routes: next.gateway.table.length, ...diff });
    logger.debug('config reload: route table', { table: next.gateway.table });
    return 'success';
  }
}

/** Route names added, removed and changed (matches, backend or filters) between two configurations. */
export function routeDiff(before: GatewayRouteSpec[], after: GatewayRouteSpec[]): { added: string[]; removed: string[]; changed: string[] } {
  const key = (spec: GatewayRouteSpec, index: number) => spec.name ?? `route-${index}`;
  const old = new Map(before.map((spec, index) => [key(spec, index), JSON.stringify(spec)]));
  const now = new Map(after.map((spec, index) => [key(spec, index), JSON.stringify(spec)]));
  return {
    added: [...now.keys()].filter((name) => !old.has(name)),
    removed: [...old.keys()].filter((name) => !now.has(name)),
    changed: [...now.entries()].filter(([name, text]) => old.has(name) && old.get(name) !== text).map(([name]) => name),
  };
}
