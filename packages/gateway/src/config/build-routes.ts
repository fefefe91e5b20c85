import type { GatewayRouteSpec } from '../core/index.ts';
import { ConfigError, parseOrThrow } from '../validation/index.ts';
import { documentLabel as label, type SourcedDocument } from './documents.ts';
import type { EnvLookup } from '../aws/env.ts';
import { validateBackends } from './native-backends.ts';
import { NativeConfigSchema, type NativeConfig, type NativeRoute } from './native-schema.ts';
import type { RequestRedirect } from '../core/index.ts';
import type { RouteListenerAttachment, ServedListener } from './served-listeners.ts';

/** A document that is a Kubernetes manifest rather than native config. */
export function isManifest(value: unknown): value is { apiVersion: unknown; kind: unknown } {
  return typeof value === 'object' && value !== null && 'kind' in value && 'apiVersion' in value;
}

/** What the manifests module makes of the Kubernetes manifests among the config documents. */
export interface ManifestTranslation {
  routes: GatewayRouteSpec[];
  warnings: string[];
  /** `Secret` manifests by name, as if mounted at `<secrets-dir>/<name>/` (keys → decoded values). */
  secrets?: Record<string, Record<string, string>>;
  /** The port of a `Gateway`'s HTTP listener: where `serve` listens when `--port` is not given. */
  defaultPort?: number;
  /** The TLS Secret of the served HTTPS listener (when the Gateway has no HTTP listener). */
  tlsSecret?: string;
  /** The Gateway listener's own port when it is privileged (< 1024) and `defaultPort` is it + 10000. */
  listenerPort?: number;
  /** Resources of kinds the gateway cannot act on, e.g. `Deployment default/x (file.yaml)`. */
  ignored?: string[];
  /** Every HTTP/HTTPS listener served, in Gateway and listener order. */
  listeners?: ServedListener[];
  /** By route name: the listeners a route is attached to. A route not listed is served on `defaultPort` for any listener. */
  attachments?: Record<string, RouteListenerAttachment[]>;
}

/** Turns Kubernetes manifests into routes; installed by the manifests module. */
export type ManifestTranslator = (documents: SourcedDocument[]) => ManifestTranslation;

export interface BuiltConfig {
  routes: GatewayRouteSpec[];
  warnings: string[];
  /** Named secrets from `Secret` manifests (they win over mounted secrets of the same name). */
  secrets: Record<string, Record<string, string>>;
  /** From a `Gateway` manifest's HTTP listener; undefined without one. */
  defaultPort: number | undefined;
  /** The TLS Secret of the Gateway's served HTTPS listener: `serve` speaks HTTPS with it. */
  tlsSecret?: string | undefined;
  /** The privileged listener port `defaultPort` stands for (listener port + 10000). */
  listenerPort?: number | undefined;
  /** Manifests of kinds the gateway does not act on, listed once at start-up. */
  ignored: string[];
  /** The Gateway listeners served (empty without Gateway manifests: one port, as `--port` says). */
  listeners: ServedListener[];
  /** By route name: the listeners an HTTPRoute is attached to (routes not listed: the default port). */
  attachments: Record<string, RouteListenerAttachment[]>;
}

/**
 * Merges native config documents (from one file, a directory or several
 * files) into one route list. Backend and route names are unique across all
 * documents; a route naming an unknown backend is an error that lists the known ones.
 * With `env`, backends are resolved here so region and account errors name their file.
 */
export function buildRoutes(documents: SourcedDocument[], translateManifests?: ManifestTranslator, env?: EnvLookup): BuiltConfig {
  const native = documents.filter((document) => !isManifest(document.value));
  const manifests = documents.filter((document) => isManifest(document.value));

  const backends = new Map<string, { descriptor: NativeConfig['backends'][string]; source: string }>();
  const routeSources = new Map<string, string>();
  const routes: GatewayRouteSpec[] = [];
  const pending: Array<{ route: NativeConfig['routes'][number]; source: string; at: string }> = [];

  for (const document of native) {
    const config = parseOrThrow(NativeConfigSchema, document.value, { source: label(document) });
    for (const [name, descriptor] of validateBackends(config.backends, label(document), env)) {
      const earlier = backends.get(name);
      if (earlier) throw new ConfigError([`backends.${name}: defined twice (also in ${earlier.source})`], label(document));
      backends.set(name, { descriptor, source: label(document) });
    }
    for (const [index, route] of config.routes.entries()) pending.push({ route, source: label(document), at: `routes[${index}]` });
  }

  for (const { route, source, at } of pending) {
    const descriptorOf = (backendName: string, where: string) => {
      const backend = backends.get(backendName);
      if (backend) return backend.descriptor;
      const known = [...backends.keys()];
      throw new ConfigError([`${where}: no backend named "${backendName}" (defined: ${known.length > 0 ? known.join(', ') : 'none'})`], source);
    };
    const name = route.name ?? `${route.backend ?? route.backends?.[0]?.backend ?? 'redirect'}-${routes.length}`;
    const earlier = routeSources.get(name);
    if (earlier) throw new ConfigError([`${at}.name: route "${name}" is defined twice (also in ${earlier})`], source);
    routeSources.set(name, source);
    const spec: GatewayRouteSpec = { name, matches: route.matches ?? [] };
    if (route.backend !== undefined) {
      spec.backend = descriptorOf(route.backend, `${at}.backend`);
      spec.backendName = route.backend;
    }
    if (route.backends !== undefined) {
      spec.backends = route.backends.map((entry, index) => ({
        backend: descriptorOf(entry.backend, `${at}.backends[${index}].backend`),
        backendName: entry.backend,
        weight: entry.weight,
      }));
    }
    if (route.redirect !== undefined) spec.filters = [{ type: 'RequestRedirect', requestRedirect: nativeRedirect(route.redirect) }];
    if (route.hostnames !== undefined && route.hostnames.length > 0) spec.hostnames = route.hostnames;
    if (route.cors !== undefined) spec.filters = [...(spec.filters ?? []), { type: 'CORS', cors: route.cors }];
    if (route.mirrors !== undefined && route.mirrors.length > 0) {
      spec.mirrors = route.mirrors.map((mirror, index) => ({
        backend: descriptorOf(mirror.backend, `${at}.mirrors[${index}].backend`),
        backendName: mirror.backend,
        ...(mirror.percent === undefined ? {} : { percent: mirror.percent }),
      }));
    }
    if (route.retry !== undefined) {
      const { timeoutMs, ...retry } = route.retry;
      spec.retry = { ...retry, ...(timeoutMs === undefined ? {} : { requestTimeoutMs: timeoutMs }) };
    }
    routes.push(spec);
  }

  const warnings: string[] = [];
  let translated: ManifestTranslation | undefined;
  if (manifests.length > 0) {
    if (!translateManifests) {
      const first = manifests[0]!;
      const { kind } = first.value as { kind: unknown };
      throw new ConfigError([`kind ${String(kind)}: Kubernetes manifests are not supported here`], label(first));
    }
    translated = translateManifests(manifests);
    routes.push(...translated.routes);
    warnings.push(...translated.warnings);
  }
  return {
    routes,
    warnings,
    secrets: translated?.secrets ?? {},
    defaultPort: translated?.defaultPort,
    ...(translated?.tlsSecret === undefined ? {} : { tlsSecret: translated.tlsSecret }),
    ...(translated?.listenerPort === undefined ? {} : { listenerPort: translated.listenerPort }),
    ignored: translated?.ignored ?? [],
    listeners: translated?.listeners ?? [],
    attachments: translated?.attachments ?? {},
  };
}

/** The schema's redirect (CEL rules checked) as the gateway's type, absent fields left out. */
function nativeRedirect(redirect: NonNullable<NativeRoute['redirect']>): RequestRedirect {
  const { path, ...rest } = redirect;
  const out: RequestRedirect = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  if (path?.type === 'ReplaceFullPath') out.path = { type: path.type, replaceFullPath: path.replaceFullPath! };
  if (path?.type === 'ReplacePrefixMatch') out.path = { type: path.type, replacePrefixMatch: path.replacePrefixMatch! };
  return out;
}
