import { ConfigError } from '../validation/index.ts';
import type { BuiltConfig } from './build-routes.ts';

/**
 * A configuration with no route answers 404 to everything: almost always a wrong
 * path or an empty directory, so it is a ConfigError unless explicitly allowed
 * (`--allow-empty` for `serve` and `check`). `label` names the input (the `--config` paths).
 */
export function requireRoutes(config: BuiltConfig, label: string, allowEmpty: boolean | undefined): void {
  if (config.routes.length === 0 && !allowEmpty) {
    throw new ConfigError(['no routes: every request would get 404 (pass --allow-empty to start anyway)'], label);
  }
}
