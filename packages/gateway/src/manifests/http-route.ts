/**
 * Gateway API `HTTPRoute`: each rule becomes a route to the Lambda function
 * behind its backendRef (a kgateway `Backend`, or a Gloo `Upstream` whose
 * function a `Parameter` ExtensionRef names), with its filters.
 */
import type { GatewayRouteSpec, RequestRedirect, RouteFilter, UrlRewrite, WeightedBackendSpec } from '../core/index.ts';
import {
  HttpRouteSchema,
  UNSUPPORTED_RULE_FIELDS,
  UNSUPPORTED_SPEC_FIELDS,
  type HttpBackendRef,
  type HttpRouteFilterManifest,
  type HttpRouteRule,
} from './http-route-schema.ts';
import { mirrorsOf, retryOf, type ResolveRef } from './http-route-mirror.ts';
import type { LambdaTarget, LambdaTargets } from './lambda-targets.ts';
import { attachedHostnames, attachRoute, type ListenerAttachment, type NamespaceLabels } from './route-attachment.ts';
import type { GatewayListener } from './k8s-gateway.ts';
import { manifestError, manifestWarning, parseManifest, resourceRef, unsupportedFieldWarnings, type Manifest } from './resource.ts';

const KGATEWAY_GROUP = 'gateway.kgateway.dev';
const GLOO_GROUP = 'gloo.solo.io';
/** The longest a Lambda function runs; also the descriptor's largest `timeoutMs`. */
const LAMBDA_MAX_MS = 900_000;

/** Routes of an HTTPRoute, one per rule, named `HTTPRoute ns/name rules[i]`. */
export function translateHttpRoute(
  manifest: Manifest,
  targets: LambdaTargets,
  gateways: ReadonlyMap<string, readonly GatewayListener[]> = new Map(),
  namespaces: NamespaceLabels = new Map(),
): { routes: GatewayRouteSpec[]; warnings: string[]; listeners?: ListenerAttachment[] } {
  const { spec } = parseManifest(HttpRouteSchema, manifest);
  const warnings = unsupportedFieldWarnings(manifest, 'spec', spec, UNSUPPORTED_SPEC_FIELDS);
  const attachment = attachRoute(manifest, spec.hostnames ?? [], spec.parentRefs ?? [], gateways, namespaces);
  const hostnames = attachedHostnames(spec.hostnames ?? [], attachment);
  if (hostnames === undefined) {
    const why = attachment.kind === 'attached' ? attachment.why.join('; ') : '';
    warnings.push(manifestWarning(manifest, 'spec.parentRefs', `no listener of its Gateways takes the route, so it is not served (${why})`));
    return { routes: [], warnings };
  }
  // The CRD defaults rules to one rule without backendRefs; that has nothing to route to.
  const rules = spec.rules ?? [{}];
  const routes = rules.map((rule, index): GatewayRouteSpec => {
    const at = `spec.rules[${index}]`;
    warnings.push(...unsupportedFieldWarnings(manifest, at, rule, UNSUPPORTED_RULE_FIELDS));
    const ruleFilters = routeFilters(manifest, `${at}.filters`, rule.filters ?? []);
    const resolve: ResolveRef = (where, ref) => resolveTarget(manifest, where, ref, targets);
    const mirrors = mirrorsOf(manifest, `${at}.filters`, rule.filters ?? [], resolve, warnings);
    const refs = (rule.backendRefs ?? []).map((ref, refIndex) => weightedBackend(manifest, `${at}.backendRefs[${refIndex}]`, ref, rule, targets, warnings));
    const route: GatewayRouteSpec = {
      name: `${manifest.ref} ${rule.name ? `rule "${rule.name}"` : `rules[${index}]`}`,
      matches: rule.matches ?? [],
    };
    const single = refs.length === 1 && refs[0]!.weight > 0 && refs[0]!.backend !== undefined ? refs[0]! : undefined;
    if (refs.length === 0 && !ruleFilters.some((filter) => filter.type === 'RequestRedirect')) {
      // The Gateway API answers such a rule with 500 (conformance: httproute-omitted-backendrefs).
      const reason = `the rule has no backendRefs (to a Backend of ${KGATEWAY_GROUP} or an Upstream of ${GLOO_GROUP}) and no RequestRedirect filter`;
      warnings.push(manifestWarning(manifest, `${at}.backendRefs`, `${reason}: its requests are answered 500`));
      refs.push({ unresolved: reason, backendName: `${manifest.ref} ${at} (no backendRefs)`, weight: 1 });
    }
    if (single) {
      // One backend: its filters simply follow the rule's.
      route.backend = single.backend;
      route.backendName = single.backendName!;
      ruleFilters.push(...(single.filters ?? []));
      mirrors.push(...(single.mirrors ?? []));
    } else if (refs.length > 0) {
      // A split (or only weight-0 refs, which the gateway answers with 500 as the spec says).
      route.backends = refs;
    }
    if (ruleFilters.length > 0) route.filters = ruleFilters;
    if (mirrors.length > 0) route.mirrors = mirrors;
    const retry = retryOf(rule, durationMs);
    if (retry !== undefined) route.retry = retry;
    if (hostnames.length > 0) route.hostnames = hostnames;
    return route;
  });
  return attachment.kind === 'attached' ? { routes, warnings, listeners: attachment.listeners } : { routes, warnings };
}

/** One backendRef as a weighted backend: its Lambda target, the rule's timeout, its own filters. */
function weightedBackend(
  manifest: Manifest,
  at: string,
  ref: HttpBackendRef,
  rule: HttpRouteRule,
  targets: LambdaTargets,
  warnings: string[],
): WeightedBackendSpec {
  const target = resolveTarget(manifest, at, ref, targets);
  if ('unresolved' in target) {
    // Gateway API: the route is accepted, ResolvedRefs is False and the ref's requests get 500.
    warnings.push(manifestWarning(manifest, at, `${target.unresolved}: its requests are answered 500`));
    return { unresolved: target.unresolved, backendName: `${target.name} (unresolved)`, weight: ref.weight };
  }
  warnings.push(...target.warnings);
  const timeoutMs = ruleTimeoutMs(rule);
  const filters = routeFilters(
    manifest,
    `${at}.filters`,
    (ref.filters ?? []).filter((filter) => ref.kind !== 'Upstream' || !isFunctionParameter(filter)),
  );
  const mirrors = mirrorsOf(manifest, `${at}.filters`, ref.filters ?? [], (where, mirrorRef) => resolveTarget(manifest, where, mirrorRef, targets), warnings);
  return {
    ...(mirrors.length > 0 ? { mirrors } : {}),
    backend: timeoutMs === undefined ? target.descriptor : { ...target.descriptor, timeoutMs },
    backendName: timeoutMs === undefined ? target.backendName : `${target.backendName} (timeout ${timeoutMs}ms)`,
    weight: ref.weight,
    ...(filters.length > 0 ? { filters } : {}),
  };
}

/**
 * The Lambda target of a backendRef, or why it resolves to none (the Gateway API's InvalidKind,
 * BackendNotFound and RefNotPermitted reasons), which the rule then answers with 500. A Backend
 * that is not a Lambda Backend, or an Upstream function that does not exist, is an error.
 */
function resolveTarget(manifest: Manifest, at: string, ref: HttpBackendRef, targets: LambdaTargets): LambdaTarget | { unresolved: string; name: string } {
  const namespace = ref.namespace ?? manifest.namespace;
  const kind =
    ref.kind === 'Backend' && ref.group === KGATEWAY_GROUP ? 'Backend' : ref.kind === 'Upstream' && ref.group === GLOO_GROUP ? 'Upstream' : undefined;
  const name = resourceRef(ref.kind, namespace, ref.name);
  if (kind === undefined) {
    const group = ref.kind === 'Backend' ? KGATEWAY_GROUP : ref.kind === 'Upstream' ? GLOO_GROUP : undefined;
    if (group) return { unresolved: `a ${ref.kind} reference needs group ${group} (got "${ref.group}")`, name };
    return {
      unresolved: `kind ${ref.kind} (group "${ref.group}") is not supported: lambda-gateway routes to Backend (${KGATEWAY_GROUP}) and Upstream (${GLOO_GROUP}) only`,
      name,
    };
  }
  const parameters = kind === 'Upstream' ? (ref.filters ?? []).filter(isFunctionParameter) : [];
  if (parameters.length > 1) throw manifestError(manifest, `${at}.filters`, 'name one Lambda function: more than one Parameter ExtensionRef');
  const object = { namespace, name: ref.name };
  if (!targets.has(kind, object)) return { unresolved: targets.notFound(kind, object), name };
  const from = { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: manifest.namespace };
  if (!targets.grants.permits(from, { group: ref.group, kind, ...object })) {
    return {
      unresolved: `${name} is in another namespace and no ReferenceGrant in ${namespace} permits HTTPRoutes of ${manifest.namespace} to refer to it`,
      name,
    };
  }
  if (kind === 'Backend') return targets.backend(object, manifest, at);
  return targets.upstreamFunction(object, parameters[0]?.extensionRef?.name, undefined, manifest, at);
}

/** Gloo Gateway names an Upstream's Lambda function with an ExtensionRef to a `Parameter` of that name. */
function isFunctionParameter(filter: HttpRouteFilterManifest): boolean {
  return filter.type === 'ExtensionRef' && filter.extensionRef?.group === GLOO_GROUP && filter.extensionRef.kind === 'Parameter';
}

/**
 * The filters the gateway applies (RequestMirror is taken by mirrorsOf);
 * external auth and unknown extensions are errors, because serving
 * a route without them could expose the function.
 */
function routeFilters(manifest: Manifest, at: string, filters: readonly HttpRouteFilterManifest[]): RouteFilter[] {
  const out: RouteFilter[] = [];
  filters.forEach((filter, index) => {
    const here = `${at}[${index}]`;
    switch (filter.type) {
      case 'RequestHeaderModifier':
        out.push({ type: filter.type, requestHeaderModifier: filter.requestHeaderModifier! });
        break;
      case 'ResponseHeaderModifier':
        out.push({ type: filter.type, responseHeaderModifier: filter.responseHeaderModifier! });
        break;
      case 'URLRewrite':
        out.push({ type: filter.type, urlRewrite: urlRewrite(filter.urlRewrite!) });
        break;
      case 'RequestRedirect':
        out.push({ type: filter.type, requestRedirect: requestRedirect(filter.requestRedirect!) });
        break;
      case 'CORS':
        out.push({ type: filter.type, cors: filter.cors! });
        break;
      case 'RequestMirror':
        // Not a filter of the request itself: mirrorsOf (http-route-mirror.ts) makes it the route's `mirrors`.
        break;
      default:
        throw manifestError(manifest, here, `${filter.type} filters are not supported by lambda-gateway; refusing to serve the rule without it`);
    }
  });
  return out;
}

/** The validated rewrite as the gateway's type (the CEL rules guarantee the field of the path type is set). */
function urlRewrite(rewrite: NonNullable<HttpRouteFilterManifest['urlRewrite']>): UrlRewrite {
  const out: UrlRewrite = {};
  if (rewrite.hostname !== undefined) out.hostname = rewrite.hostname;
  const path = rewrite.path;
  if (path?.type === 'ReplaceFullPath') out.path = { type: path.type, replaceFullPath: path.replaceFullPath! };
  if (path?.type === 'ReplacePrefixMatch') out.path = { type: path.type, replacePrefixMatch: path.replacePrefixMatch! };
  return out;
}

/** The validated redirect as the gateway's type (absent fields left out). */
function requestRedirect(redirect: NonNullable<HttpRouteFilterManifest['requestRedirect']>): RequestRedirect {
  const out: RequestRedirect = {};
  if (redirect.scheme !== undefined) out.scheme = redirect.scheme;
  if (redirect.hostname !== undefined) out.hostname = redirect.hostname;
  if (redirect.port !== undefined) out.port = redirect.port;
  if (redirect.statusCode !== undefined) out.statusCode = redirect.statusCode;
  const path = redirect.path;
  if (path?.type === 'ReplaceFullPath') out.path = { type: path.type, replaceFullPath: path.replaceFullPath! };
  if (path?.type === 'ReplacePrefixMatch') out.path = { type: path.type, replacePrefixMatch: path.replacePrefixMatch! };
  return out;
}

/** `timeouts.request` / `backendRequest` (the shorter wins; `0s` means none, i.e. Lambda's 15 minutes). */
function ruleTimeoutMs(rule: HttpRouteRule): number | undefined {
  const values = [rule.timeouts?.request, rule.timeouts?.backendRequest].filter((value) => value !== undefined).map(durationMs);
  if (values.length === 0) return undefined;
  return Math.min(...values.map((ms) => (ms === 0 || ms > LAMBDA_MAX_MS ? LAMBDA_MAX_MS : ms)));
}

const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 } as const;

/** A validated Gateway API duration (`1h30m`, `500ms`) in milliseconds. */
export function durationMs(duration: string): number {
  let total = 0;
  for (const [, amount, unit] of duration.matchAll(/(\d+)(ms|h|m|s)/g)) total += Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  return total;
}
