/**
 * Which hostnames an HTTPRoute answers for once attached to its Gateways' listeners (Gateway API
 * "hostnames" and parentRef rules): each parentRef selects the listeners of its Gateway (all,
 * or the one its `sectionName` names, or those on its `port`), and the route's hostnames are
 * intersected with each selected listener's hostname.
 */
import { intersectHostnames } from '../routing/index.ts';
import type { GatewayListener } from './k8s-gateway.ts';
import type { Manifest } from './resource.ts';

interface ParentRef {
  group?: string | undefined;
  kind?: string | undefined;
  namespace?: string | undefined;
  name: string;
  sectionName?: string | undefined;
  port?: number | undefined;
}

/**
 * The route's effective hostnames: `[]` for any host, undefined when it attaches nowhere (no
 * listener's hostname intersects). Parents that are not Gateway manifests in the config (a
 * Gateway deployed separately, kgateway's defaults) leave the route's own hostnames as they are.
 */
export function attachedHostnames(
  route: Manifest,
  hostnames: readonly string[],
  parentRefs: readonly ParentRef[],
  gateways: ReadonlyMap<string, readonly GatewayListener[]>,
): string[] | undefined {
  const known = parentRefs.filter((ref) => (ref.kind ?? 'Gateway') === 'Gateway' && gateways.has(gatewayKey(route, ref)));
  if (known.length === 0) return [...hostnames];
  const out = new Set<string>();
  let attached = false;
  for (const ref of known) {
    for (const listener of gateways.get(gatewayKey(route, ref)) ?? []) {
      if (ref.sectionName !== undefined && ref.sectionName !== listener.name) continue;
      if (ref.port !== undefined && ref.port !== listener.port) continue;
      const intersection = intersectHostnames(listener.hostname, hostnames);
      if (intersection === undefined) continue;
      // One listener that takes any host makes the route answer for any host.
      if (intersection.length === 0) return [];
      attached = true;
      for (const hostname of intersection) out.add(hostname);
    }
  }
  return attached ? [...out] : undefined;
}

function gatewayKey(route: Manifest, ref: ParentRef): string {
  return `${ref.namespace ?? route.namespace}/${ref.name}`;
}
