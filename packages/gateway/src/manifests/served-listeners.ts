/**
 * The Gateway listeners `serve` serves: every HTTP and HTTPS listener of the Gateway manifests
 * in the config, one server per (container) port. Listeners on one port must agree on the
 * protocol and differ in hostname (the Gateway API's "Conflicted" rules); a later listener that
 * does not is reported and left out.
 */
import type { ServedListener } from '../config/index.ts';
import { translateGateway } from './k8s-gateway.ts';
import { listenerKey } from './route-attachment.ts';
import { manifestWarning, type Manifest } from './resource.ts';

/**
 * Privileged listener ports are served on an unprivileged container port (the container runs
 * as non-root): the listener port + 10000, the offset Envoy Gateway uses; the Service keeps the
 * listener port and targets this one.
 */
export const PRIVILEGED_PORT_OFFSET = 10_000;

export function containerPort(listenerPort: number): number {
  return listenerPort < 1024 ? listenerPort + PRIVILEGED_PORT_OFFSET : listenerPort;
}

/** The served listeners of these Gateways, in order; the Gateways' warnings and conflicts go to `warnings`. */
export function servedListeners(gateways: readonly Manifest[], warnings: string[]): ServedListener[] {
  const served: ServedListener[] = [];
  for (const manifest of gateways) {
    const translated = translateGateway(manifest);
    warnings.push(...translated.warnings);
    const gateway = `${manifest.namespace}/${manifest.name}`;
    for (const listener of translated.listeners) {
      const port = containerPort(listener.port);
      const candidate: ServedListener = {
        key: listenerKey(gateway, listener.name),
        gateway,
        name: listener.name,
        protocol: listener.protocol,
        listenerPort: listener.port,
        port,
        hostname: listener.hostname,
        tlsSecret: listener.secretName,
      };
      const conflict = conflictWith(served, candidate);
      if (conflict !== undefined) {
        warnings.push(manifestWarning(manifest, `spec.listeners[name=${listener.name}]`, `not served: ${conflict}`));
        continue;
      }
      served.push(candidate);
    }
  }
  return served;
}

function conflictWith(served: readonly ServedListener[], candidate: ServedListener): string | undefined {
  for (const other of served) {
    if (other.port !== candidate.port) continue;
    const where = `listener ${other.name} of Gateway ${other.gateway} is on container port ${other.port} too`;
    if (other.protocol !== candidate.protocol) return `${where} with protocol ${other.protocol} (one protocol per port)`;
    if (other.hostname === candidate.hostname) return `${where} with the same hostname (${candidate.hostname ?? 'none'})`;
  }
  return undefined;
}

/** Labels of the `Namespace` manifests in the config (for `allowedRoutes.namespaces.selector`). */
export function namespaceLabels(manifests: readonly Manifest[]): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const manifest of manifests) {
    if (manifest.apiVersion !== 'v1' || manifest.kind !== 'Namespace') continue;
    const labels = (manifest.value.metadata as { labels?: unknown } | undefined)?.labels;
    const record: Record<string, string> = {};
    if (typeof labels === 'object' && labels !== null) {
      for (const [key, value] of Object.entries(labels)) if (typeof value === 'string') record[key] = value;
    }
    out.set(manifest.name, record);
  }
  return out;
}
