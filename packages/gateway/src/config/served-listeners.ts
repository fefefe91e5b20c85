/**
 * The Gateway listeners `serve` serves (from Gateway manifests in the config) and which
 * listeners each route is attached to. Several listeners may share a port (told apart by
 * hostname); each port is one server.
 */

/** One HTTP or HTTPS listener as served. */
export interface ServedListener {
  /** `namespace/gateway/listener`: how attachments name it. */
  key: string;
  /** `namespace/name` of its Gateway. */
  gateway: string;
  name: string;
  protocol: 'HTTP' | 'HTTPS';
  /** The listener's own port (what the Service exposes). */
  listenerPort: number;
  /** Where the process listens for it: the listener port, or + 10000 below 1024 (non-root container). */
  port: number;
  hostname?: string | undefined;
  /** HTTPS: the TLS Secret (`tls.certificateRefs[0]`). */
  tlsSecret?: string | undefined;
}

/** A route on one listener with the hostnames it answers for there (`[]`: any host the listener takes). */
export interface RouteListenerAttachment {
  listener: string;
  hostnames: string[];
}

/** The container ports served, in first-listener order. */
export function servedPorts(listeners: readonly ServedListener[]): number[] {
  return [...new Set(listeners.map((listener) => listener.port))];
}
