/**
 * Which listeners an HTTPRoute attaches to, and the hostnames it answers for on each (Gateway
 * API "hostnames", parentRef and allowedRoutes rules): each parentRef selects the listeners of
 * its Gateway (all, or the one its `sectionName` names, and/or those on its `port`); a selected
 * listener takes the route when its `allowedRoutes` admits the route's namespace and kind, and
 * the route's hostnames intersect the listener's hostname.
 */
import { intersectHostnames } from '../routing/index.ts';
import type { AllowedNamespaces, GatewayListener, LabelSelector } from './k8s-gateway.ts';
import type { Manifest } from './resource.ts';

interface ParentRef {
  group?: string | undefined;
  kind?: string | undefined;
  namespace?: string | undefined;
  name: string;
  sectionName?: string | undefined;
  port?: number | undefined;
}

/** A route on one listener: the listener's key (`namespace/gateway/listener`) and the hostnames there (`[]`: any host). */
export interface ListenerAttachment {
  listener: string;
  hostnames: string[];
}

/** The key a listener is known by in attachments and the served-listener list. */
export function listenerKey(gateway: string, listener: string): string {
  return `${gateway}/${listener}`;
}

/** Namespace labels from `Namespace` manifests in the config, by namespace name. */
export type NamespaceLabels = ReadonlyMap<string, Readonly<Record<string, string>>>;

export type Attachment =
  /** No parentRef names a Gateway in the config: served as the route's own hostnames say, on the default port. */
  | { kind: 'unattached' }
  /** The listeners that took the route (empty: none did; `why` says why). */
  | { kind: 'attached'; listeners: ListenerAttachment[]; why: string[] };

/**
 * The route's attachments. Parents that are not Gateway manifests in the config (a Gateway
 * deployed separately, kgateway's defaults) leave the route unattached (today's single-port
 * behaviour); when at least one parent is known, only known parents count.
 */
export function attachRoute(
  route: Manifest,
  hostnames: readonly string[],
  parentRefs: readonly ParentRef[],
  gateways: ReadonlyMap<string, readonly GatewayListener[]>,
  namespaces: NamespaceLabels = new Map(),
): Attachment {
  const known = parentRefs.filter((ref) => (ref.kind ?? 'Gateway') === 'Gateway' && gateways.has(gatewayKey(route, ref)));
  if (known.length === 0) return { kind: 'unattached' };
  const out = new Map<string, Set<string> | 'any'>();
  const why = new Set<string>();
  for (const ref of known) {
    const gateway = gatewayKey(route, ref);
    const selected = (gateways.get(gateway) ?? []).filter(
      (listener) => (ref.sectionName === undefined || ref.sectionName === listener.name) && (ref.port === undefined || ref.port === listener.port),
    );
    if (selected.length === 0) why.add(`parentRef ${describeRef(ref, gateway)} selects no listener of the Gateway`);
    for (const listener of selected) {
      const at = `listener ${listener.name} of Gateway ${gateway}`;
      if (!listener.allowsHttpRoutes) {
        why.add(`${at}: allowedRoutes.kinds does not include HTTPRoute`);
        continue;
      }
      const refusal = namespaceRefusal(listener.allowedNamespaces, route.namespace, gateway.slice(0, gateway.indexOf('/')), namespaces);
      if (refusal !== undefined) {
        why.add(`${at}: ${refusal}`);
        continue;
      }
      const intersection = intersectHostnames(listener.hostname, hostnames);
      if (intersection === undefined) {
        why.add(`${at}: no hostname intersects the listener's hostname ${listener.hostname}`);
        continue;
      }
      const key = listenerKey(gateway, listener.name);
      const earlier = out.get(key);
      if (intersection.length === 0 || earlier === 'any') out.set(key, 'any');
      else out.set(key, new Set([...(earlier ?? []), ...intersection]));
    }
  }
  const listeners = [...out].map(([listener, names]) => ({ listener, hostnames: names === 'any' ? [] : [...names] }));
  return { kind: 'attached', listeners, why: [...why] };
}

/**
 * The union of the route's hostnames over its listeners (`[]`: any host), undefined when it
 * attaches nowhere: the hostnames its route-table rows show.
 */
export function attachedHostnames(route: readonly string[], attachment: Attachment): string[] | undefined {
  if (attachment.kind === 'unattached') return [...route];
  if (attachment.listeners.length === 0) return undefined;
  if (attachment.listeners.some((listener) => listener.hostnames.length === 0)) return [];
  return [...new Set(attachment.listeners.flatMap((listener) => listener.hostnames))];
}

/** Why `allowedRoutes.namespaces` refuses a route of `namespace`; undefined when it admits it. */
function namespaceRefusal(allowed: AllowedNamespaces, namespace: string, gatewayNamespace: string, labels: NamespaceLabels): string | undefined {
  switch (allowed.from) {
    case 'All':
      return undefined;
    case 'None':
      return 'allowedRoutes.namespaces.from is None';
    case 'Same':
      return namespace === gatewayNamespace
        ? undefined
        : `allowedRoutes.namespaces.from is Same and the route is in namespace ${namespace}, not ${gatewayNamespace}`;
    case 'Selector': {
      // Kubernetes labels every namespace with its name; other labels come from Namespace manifests.
      const known = labels.get(namespace);
      const namespaceLabels = { ...known, 'kubernetes.io/metadata.name': namespace };
      if (allowed.selector !== undefined && selectorMatches(allowed.selector, namespaceLabels)) return undefined;
      return known === undefined
        ? `allowedRoutes.namespaces.selector: namespace ${namespace} has no Namespace manifest in the config, so its labels are not known (only kubernetes.io/metadata.name); add the Namespace manifest`
        : `allowedRoutes.namespaces.selector does not match namespace ${namespace}'s labels`;
    }
  }
}

/** A Kubernetes label selector (matchLabels and matchExpressions, ANDed). */
export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const expression of selector.matchExpressions ?? []) {
    const value = labels[expression.key];
    const values = expression.values ?? [];
    const ok =
      expression.operator === 'In'
        ? value !== undefined && values.includes(value)
        : expression.operator === 'NotIn'
          ? value === undefined || !values.includes(value)
          : expression.operator === 'Exists'
            ? value !== undefined
            : value === undefined;
    if (!ok) return false;
  }
  return true;
}

function describeRef(ref: ParentRef, gateway: string): string {
  const parts = [gateway];
  if (ref.sectionName !== undefined) parts.push(`sectionName ${ref.sectionName}`);
  if (ref.port !== undefined) parts.push(`port ${ref.port}`);
  return parts.join(' ');
}

function gatewayKey(route: Manifest, ref: ParentRef): string {
  return `${ref.namespace ?? route.namespace}/${ref.name}`;
}
