/**
 * One gateway per served port, for configs with Gateway listeners: each listener gets the
 * routes attached to it (with the hostnames they have there), compiled into its own app over
 * the shared bound backends; a request picks the listener of its port by Host (exact hostname,
 * then the longest matching wildcard, then a listener without hostname, as the Gateway API
 * says) and only that listener's routes answer; on HTTPS, a Host whose listener is not the one
 * the connection's SNI selects is answered 421 Misdirected Request. Routes no listener of the config takes (native
 * routes, VirtualServices, HTTPRoutes whose Gateway is not in the config) are served on the
 * default port for any listener there, and for a Host that selects none.
 */
import type { BuiltConfig, RouteListenerAttachment, ServedListener } from '../config/index.ts';
import { tlsServerName } from '../adapters/node/tls-server-name.ts';
import {
  compileGateway,
  misdirectedResponse,
  serverFetchOf,
  type BoundBackend,
  type CompiledGateway,
  type CreateGatewayOptions,
  type GatewayRouteSpec,
  type Platform,
} from '../core/index.ts';
import { hostnameMatches, isWildcard, requestHostname } from '../routing/index.ts';

export interface PortGateway {
  /** The container port it listens on. */
  port: number;
  protocol: 'HTTP' | 'HTTPS';
  listeners: ServedListener[];
  /** The default port: routes no listener takes are served here too. */
  servesUnattached: boolean;
  fetch(request: Request, env: unknown): Response | Promise<Response>;
}

interface ListenerApp {
  listener: ServedListener;
  gateway: CompiledGateway;
}

export function compilePortGateways(
  config: Pick<BuiltConfig, 'routes' | 'listeners' | 'attachments' | 'defaultPort'>,
  platform: Platform,
  backendPool: Map<string, BoundBackend>,
  gatewayOptions: Pick<CreateGatewayOptions, 'exposeErrorDetails' | 'readiness' | 'healthPaths'> | undefined,
): PortGateway[] {
  const unattached = config.routes.filter((route) => config.attachments[route.name ?? ''] === undefined);
  const compile = (routes: GatewayRouteSpec[]) => compileGateway({ routes, platform, backendPool, ...gatewayOptions });
  const ports = [...new Set(config.listeners.map((listener) => listener.port))];
  return ports.map((port): PortGateway => {
    const listeners = config.listeners.filter((listener) => listener.port === port);
    const servesUnattached = port === config.defaultPort;
    const extra = servesUnattached ? unattached : [];
    const apps: ListenerApp[] = sortBySpecificity(listeners).map((listener) => ({
      listener,
      gateway: compile([...routesOn(config, listener.key), ...extra]),
    }));
    // A Host no listener takes: the unattached routes on the default port, else the 404 (health paths still answer).
    const fallback = compile(extra);
    const protocol = listeners[0]!.protocol;
    return {
      port,
      protocol,
      listeners,
      servesUnattached,
      fetch: (request, env) => {
        const chosen = listenerFor(apps, requestHostname(new URL(request.url)));
        if (protocol === 'HTTPS' && chosen !== undefined) {
          // The Host belongs to a listener; the connection must have been opened (SNI) for that one too.
          const serverName = tlsServerName(env);
          if (serverName !== undefined && listenerFor(apps, serverName) !== chosen) {
            return misdirectedResponse(request, serverName, { exposeDetails: gatewayOptions?.exposeErrorDetails === true, platform });
          }
        }
        return serverFetchOf(chosen?.gateway ?? fallback)(request, env);
      },
    };
  });
}

/** The listener a hostname (Host or SNI) selects: the first of the specificity order that matches it. */
function listenerFor(apps: readonly ListenerApp[], hostname: string): ListenerApp | undefined {
  return apps.find(({ listener }) => listener.hostname === undefined || hostnameMatches(listener.hostname, hostname));
}

/** The routes attached to one listener, each with the hostnames it has there. */
function routesOn(config: Pick<BuiltConfig, 'routes' | 'attachments'>, key: string): GatewayRouteSpec[] {
  const out: GatewayRouteSpec[] = [];
  for (const route of config.routes) {
    const attachment: RouteListenerAttachment | undefined = config.attachments[route.name ?? '']?.find((entry) => entry.listener === key);
    if (attachment === undefined) continue;
    const { hostnames: _union, ...rest } = route;
    out.push(attachment.hostnames.length > 0 ? { ...rest, hostnames: attachment.hostnames } : rest);
  }
  return out;
}

/** Exact hostnames first, then wildcards from the longest suffix, then listeners without hostname. */
function sortBySpecificity(listeners: readonly ServedListener[]): ServedListener[] {
  const rank = (listener: ServedListener) => (listener.hostname === undefined ? 2 : isWildcard(listener.hostname) ? 1 : 0);
  return [...listeners].sort((a, b) => rank(a) - rank(b) || (b.hostname?.length ?? 0) - (a.hostname?.length ?? 0));
}

/** Which listeners each route is attached to, by route name, as `check` prints them. */
export function listenersOfRoutes(config: Pick<BuiltConfig, 'routes' | 'listeners' | 'attachments' | 'defaultPort'>): Map<string, string[]> {
  // `gateway/listener` (the namespace is in the listeners table): short enough for a column.
  const names = new Map(config.listeners.map((listener) => [listener.key, `${listener.gateway.slice(listener.gateway.indexOf('/') + 1)}/${listener.name}`]));
  const out = new Map<string, string[]>();
  for (const route of config.routes) {
    const name = route.name ?? '';
    const attachments = config.attachments[name];
    if (attachments === undefined) out.set(name, config.listeners.length > 0 ? [`default port ${config.defaultPort}`] : []);
    else
      out.set(
        name,
        attachments.map((entry) => names.get(entry.listener) ?? entry.listener),
      );
  }
  return out;
}

/**
 * The served listeners as `check` prints them: name, protocol, listener port → container port,
 * hostname, TLS Secret; `*` when a listener takes any host.
 */
export function formatListeners(config: Pick<BuiltConfig, 'listeners' | 'defaultPort'>): string {
  const header = ['LISTENER', 'PROTOCOL', 'PORT', 'HOSTNAME', 'TLS SECRET'];
  const rows = config.listeners.map((listener) => [
    `${listener.gateway}/${listener.name}`,
    listener.protocol,
    listener.port === listener.listenerPort ? String(listener.port) : `${listener.listenerPort} -> ${listener.port}`,
    listener.hostname ?? '*',
    listener.tlsSecret ?? '-',
  ]);
  const cells = [header, ...rows];
  const widths = header.map((_, index) => Math.max(...cells.map((line) => line[index]!.length)));
  const ports = new Set(config.listeners.map((listener) => listener.port)).size;
  return [
    `listeners (${config.listeners.length} on ${ports} port${ports === 1 ? '' : 's'}; routes no listener takes: port ${config.defaultPort}):`,
    ...cells.map((line) => `  ${line.map((cell, index) => (index === line.length - 1 ? cell : cell.padEnd(widths[index]!))).join('  ')}`),
  ].join('\n');
}
