/**
 * The ports `serve` listens on. Without Gateway listeners: one port (`--port`, `PORT`, else
 * 8080) serving every route, HTTPS with `--tls-cert`/`--tls-key`. With Gateway listeners: one
 * server per distinct container port (listener-gateways.ts picks the listener by Host), HTTPS
 * ports with each listener's TLS Secret chosen by SNI. `--port` and `--tls-cert`/`--tls-key`
 * replace the port and certificate only when exactly one port is served; with several they are
 * a usage error (exit 2), since no one port or certificate could stand for all of them.
 */
import type { TlsServerOptions } from '../adapters/node/tls-server.ts';
import { serverFetchOf } from '../core/index.ts';
import type { Logger } from '../logging/index.ts';
import { UsageError } from './args.ts';
import type { GatewaySetup } from './gateway-setup.ts';
import { listenerTlsOptions, tlsOptionsFor, type ServeTls } from './serve-tls.ts';
import type { LiveGateway } from './serve-reload.ts';

export interface PlannedServer {
  port: number;
  tls: TlsServerOptions | undefined;
  fetch(request: Request, env: unknown): Response | Promise<Response>;
}

export interface PortOptions {
  port?: number | undefined;
  tls?: ServeTls | undefined;
  secretsDir?: string | undefined;
  env?: Record<string, string | undefined>;
}

/** Where `serve` listens without `--port`, `PORT` or a Gateway manifest's listener. */
export const FALLBACK_PORT = 8080;

/** The servers to start, the default port first (`serve`'s url and the routes no listener takes). */
export function planServers(options: PortOptions, live: LiveGateway, logger: Logger): PlannedServer[] {
  const { setup } = live;
  const ports = [...setup.ports].sort((a, b) => Number(b.servesUnattached) - Number(a.servesUnattached));
  if (ports.length === 0) {
    return [
      {
        port: options.port ?? setup.config.defaultPort ?? FALLBACK_PORT,
        tls: tlsOptionsFor(options.tls, setup.config, options.secretsDir, logger, options.env),
        fetch: (request, env) => serverFetchOf(live.gateway)(request, env),
      },
    ];
  }
  if (ports.length > 1 && (options.port !== undefined || options.tls !== undefined)) {
    const flag = options.port !== undefined ? '--port (or PORT)' : '--tls-cert/--tls-key';
    throw new UsageError(
      `${flag} replaces the port or certificate of one served port, but the Gateway listeners are served on ${ports.length} ports (${ports.map((port) => port.port).join(', ')}); leave it out (each listener's port and Secret are used)`,
    );
  }
  return ports.map((planned) => {
    const tls =
      options.tls !== undefined
        ? tlsOptionsFor(options.tls, setup.config, options.secretsDir, logger, options.env)
        : planned.protocol === 'HTTPS'
          ? listenerTlsOptions(planned.listeners, setup.config, options.secretsDir, logger, options.env)
          : undefined;
    return {
      port: options.port ?? planned.port,
      tls,
      // The reload swaps `live.setup`: requests go to the port's gateway of the moment.
      fetch: (request, env) => (live.setup.ports.find((port) => port.port === planned.port) ?? planned).fetch(request, env),
    };
  });
}

/** What a reload cannot change live: the ports, their protocols and (HTTPS) the certificates by hostname. */
export function servedShape(options: PortOptions, setup: GatewaySetup): string {
  if (setup.ports.length === 0) return `port ${options.port ?? setup.config.defaultPort ?? FALLBACK_PORT}`;
  return setup.ports
    .map((port) => {
      const certificates = port.protocol === 'HTTPS' ? ` (${port.listeners.map((l) => `${l.hostname ?? '*'}=${l.tlsSecret}`).join(' ')})` : '';
      return `${options.port ?? port.port} ${port.protocol}${certificates}`;
    })
    .sort()
    .join(', ');
}
