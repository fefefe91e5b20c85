/**
 * The manifest translator: reads the Kubernetes manifests among the config
 * documents (kgateway, Gateway API, Gloo Edge, Secrets) and turns them into
 * routes, named secrets and a default port, with warnings for what is not
 * acted on. Kinds it does not know are listed as ignored.
 */
import type { ManifestTranslation, RouteListenerAttachment, SourcedDocument } from '../config/index.ts';
import type { GatewayRouteSpec } from '../core/index.ts';
import { ConfigError } from '../validation/index.ts';
import { translateUpstream } from './gloo-upstream.ts';
import { translateVirtualService } from './gloo-virtual-service.ts';
import { translateHttpRoute } from './http-route.ts';
import { translateGateway, translateGatewayParameters } from './k8s-gateway.ts';
import { namespaceLabels, servedListeners } from './served-listeners.ts';
import { translateSecret } from './k8s-secret.ts';
import { translateBackend } from './kgateway-backend.ts';
import { LambdaTargets } from './lambda-targets.ts';
import { manifestError, manifestWarning, readManifest, type Manifest } from './resource.ts';

/** API group (`v1` is the core group, "") and kind → what the gateway does with it. */
type Role = 'Secret' | 'Backend' | 'Upstream' | 'HTTPRoute' | 'VirtualService' | 'Gateway' | 'GatewayParameters' | 'ReferenceGrant';
const ROLES: Record<string, Role> = {
  '/Secret': 'Secret',
  'gateway.kgateway.dev/Backend': 'Backend',
  'gloo.solo.io/Upstream': 'Upstream',
  'gateway.networking.k8s.io/HTTPRoute': 'HTTPRoute',
  'gateway.solo.io/VirtualService': 'VirtualService',
  'gateway.networking.k8s.io/Gateway': 'Gateway',
  'gateway.kgateway.dev/GatewayParameters': 'GatewayParameters',
  'gateway.gloo.solo.io/GatewayParameters': 'GatewayParameters',
  'gateway.networking.k8s.io/ReferenceGrant': 'ReferenceGrant',
};

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
}

/**
 * Translates manifests (a `ManifestTranslator` for `buildRoutes`). Throws a
 * ConfigError naming the file, the resource and the field path.
 */
export function translateManifests(documents: SourcedDocument[]): ManifestTranslation {
  const manifests = expandLists(documents).map(readManifest);
  const byRole = new Map<Role, Manifest[]>();
  const ignored: string[] = [];
  const seen = new Map<string, Manifest>();
  for (const manifest of manifests) {
    const identity = `${groupOf(manifest.apiVersion)}/${manifest.ref}`;
    const earlier = seen.get(identity);
    if (earlier) throw new ConfigError([`${manifest.ref}: defined twice (also in ${earlier.source})`], manifest.source);
    seen.set(identity, manifest);
    const role = ROLES[`${groupOf(manifest.apiVersion)}/${manifest.kind}`];
    if (role) byRole.set(role, [...(byRole.get(role) ?? []), manifest]);
    else ignored.push(`${manifest.source}: ${manifest.ref} (${manifest.apiVersion})`);
  }
  const ofRole = (role: Role) => byRole.get(role) ?? [];
  const warnings: string[] = [];

  const secrets = collectSecrets(ofRole('Secret'));
  const targets = new LambdaTargets();
  for (const manifest of ofRole('Backend')) {
    const translated = translateBackend(manifest);
    warnings.push(...translated.warnings);
    targets.addBackend(manifest, translated);
  }
  for (const manifest of ofRole('Upstream')) {
    const translated = translateUpstream(manifest);
    warnings.push(...translated.warnings);
    targets.addUpstream(manifest, translated);
  }
  // Cross-namespace backendRefs of HTTPRoutes need one (reference-grant.ts).
  for (const manifest of ofRole('ReferenceGrant')) targets.grants.add(manifest);

  // Listeners by Gateway `namespace/name`, for the routes' attachment (parentRefs, allowedRoutes, hostnames).
  const gateways = new Map(ofRole('Gateway').map((manifest) => [`${manifest.namespace}/${manifest.name}`, translateGateway(manifest).listeners]));
  const namespaces = namespaceLabels(manifests);
  const routes: GatewayRouteSpec[] = [];
  const attachments: Record<string, RouteListenerAttachment[]> = {};
  for (const manifest of manifests) {
    const role = ROLES[`${groupOf(manifest.apiVersion)}/${manifest.kind}`];
    if (role !== 'HTTPRoute' && role !== 'VirtualService') continue;
    const translated = role === 'HTTPRoute' ? translateHttpRoute(manifest, targets, gateways, namespaces) : translateVirtualService(manifest, targets);
    routes.push(...translated.routes);
    warnings.push(...translated.warnings);
    const listeners = 'listeners' in translated ? (translated.listeners as RouteListenerAttachment[] | undefined) : undefined;
    if (listeners !== undefined) for (const route of translated.routes) attachments[route.name!] = listeners;
  }

  warnings.push(...checkSecretRefs(secrets, targets));
  for (const manifest of ofRole('GatewayParameters')) warnings.push(...translateGatewayParameters(manifest).warnings);
  const served = servedListeners(ofRole('Gateway'), warnings);
  // The default port (routes no listener of the config takes): the first HTTP listener's, else the first HTTPS one's.
  const first = served.find((listener) => listener.protocol === 'HTTP') ?? served[0];

  const out: ManifestTranslation = {
    routes,
    warnings,
    secrets: Object.fromEntries([...secrets].map(([name, { values }]) => [name, values])),
    ignored,
    listeners: served,
    attachments,
  };
  if (first !== undefined) out.defaultPort = first.port;
  if (first !== undefined && first.listenerPort !== first.port) out.listenerPort = first.listenerPort;
  if (first?.tlsSecret !== undefined) out.tlsSecret = first.tlsSecret;
  return out;
}

/** `kind: List` (what `kubectl get -o yaml` prints) holds its resources in `items`. */
function expandLists(documents: SourcedDocument[]): SourcedDocument[] {
  return documents.flatMap((document) => {
    const value = document.value as { apiVersion?: unknown; kind?: unknown; items?: unknown };
    if (value.apiVersion !== 'v1' || value.kind !== 'List' || !Array.isArray(value.items)) return [document];
    return value.items.map((item: unknown) => ({ ...document, value: item }));
  });
}

/**
 * Secrets are registered by name: a backend's secret is `<secrets-dir>/<name>/`
 * whatever its namespace, so two Secrets with one name are a conflict.
 */
function collectSecrets(manifests: Manifest[]): Map<string, { manifest: Manifest; values: Record<string, string> }> {
  const secrets = new Map<string, { manifest: Manifest; values: Record<string, string> }>();
  for (const manifest of manifests) {
    const values = translateSecret(manifest);
    const earlier = secrets.get(manifest.name);
    if (earlier) {
      throw manifestError(
        manifest,
        'metadata.name',
        `a Secret named ${manifest.name} is also defined as ${earlier.manifest.ref} in ${earlier.manifest.source}; secrets are looked up by name, so names must be unique`,
      );
    }
    secrets.set(manifest.name, { manifest, values });
  }
  return secrets;
}

/**
 * A secretRef to a Secret manifest that states a different namespace is an
 * error (a Secret without `metadata.namespace` fits any: `kubectl apply -n`
 * decides it). A Secret manifest no backend uses gets a warning, since a
 * Backend without `auth` silently uses the ambient credentials instead.
 */
function checkSecretRefs(secrets: Map<string, { manifest: Manifest }>, targets: LambdaTargets): string[] {
  const refs = targets.secretRefs();
  for (const ref of refs) {
    const secret = secrets.get(ref.name)?.manifest;
    if (secret?.namespaced && secret.namespace !== ref.namespace) {
      throw manifestError(ref.referrer, ref.at, `Secret ${ref.namespace}/${ref.name} not found (${secret.ref} in ${secret.source} is in another namespace)`);
    }
  }
  const used = new Set(refs.map((ref) => ref.name));
  return [...secrets.values()]
    .filter(({ manifest }) => !used.has(manifest.name))
    .map(({ manifest }) =>
      manifestWarning(
        manifest,
        'metadata.name',
        `no Backend or Upstream uses this Secret (a Backend without spec.aws.auth uses the ambient credentials; add auth: { type: Secret, secretRef: { name: ${manifest.name} } } to use it)`,
      ),
    );
}
