/**
 * Reads one setting from the environment: `process.env` on Node, the string
 * bindings in a worker, a plain record in tests. Undefined when unset. AWS
 * settings are environment-driven (region, endpoints, keys, web identity), so
 * this is the one lookup type every part of the gateway takes; code below the
 * adapters never touches `process`.
 */
export type EnvLookup = (name: string) => string | undefined;
