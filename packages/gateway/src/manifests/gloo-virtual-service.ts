/**
 * Gloo Edge `VirtualService` (gateway.solo.io/v1): each route whose
 * `routeAction.single` points at an AWS Lambda Upstream becomes a route to the
 * function its `destinationSpec.aws.logicalName` names; `routeAction.multi` splits the traffic
 * across several such destinations by weight.
 */
import { HostnameSchema } from '../routing/index.ts';
import * as v from 'valibot';
import type { GatewayRouteSpec } from '../core/index.ts';
import { GlooCorsPolicySchema, glooCors } from './gloo-cors.ts';
import { DestinationSpecSchema } from './gloo-destination.ts';
import { MatcherSchema, translateMatchers } from './gloo-matchers.ts';
import type { LambdaTargets } from './lambda-targets.ts';
import {
  NamespaceSchema,
  ObjectNameSchema,
  acceptedButUnsupported,
  manifestError,
  manifestWarning,
  parseManifest,
  strictFields,
  type Manifest,
} from './resource.ts';

/** Route and virtual host options that control access: ignoring them would expose the functions. */
const ACCESS_CONTROL_OPTIONS = new Set(['extauth', 'jwt', 'jwtStaged', 'jwtProvidersStaged', 'rbac', 'waf', 'dlp']);

/** Route and virtual host options: `cors` is applied, the rest reported (see optionWarnings). */
const OptionsSchema = v.objectWithRest({ cors: v.optional(GlooCorsPolicySchema) }, v.unknown(), 'must be an object');

const SingleDestinationSchema = strictFields({
  upstream: v.optional(strictFields({ name: ObjectNameSchema, namespace: v.optional(NamespaceSchema) })),
  destinationSpec: v.optional(strictFields({ aws: v.optional(DestinationSpecSchema), ...acceptedButUnsupported(['azure', 'rest', 'grpc']) })),
  ...acceptedButUnsupported(['kube', 'consul', 'upstreamGroup', 'subset']),
});

/** Gloo `WeightedDestination`: the weight is a uint32, absent meaning 0. */
const WeightedDestinationSchema = strictFields({
  destination: SingleDestinationSchema,
  weight: v.optional(v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(0, 'must be 0 or more')), 0),
  options: v.optional(v.record(v.string(), v.unknown(), 'must be an object')),
});

const RouteSchema = strictFields({
  name: v.optional(v.string('must be a string')),
  matchers: v.optional(v.array(MatcherSchema, 'must be a list')),
  routeAction: v.optional(
    strictFields({
      single: v.optional(SingleDestinationSchema),
      multi: v.optional(strictFields({ destinations: v.pipe(v.array(WeightedDestinationSchema, 'must be a list'), v.minLength(1, 'must not be empty')) })),
      ...acceptedButUnsupported(['upstreamGroup', 'clusterHeader', 'dynamicForwardProxy']),
    }),
  ),
  options: v.optional(OptionsSchema),
  ...acceptedButUnsupported(['redirectAction', 'directResponseAction', 'delegateAction', 'graphqlApiRef', 'inheritableMatchers', 'inheritablePathMatchers']),
});

const VirtualServiceSchema = strictFields({
  apiVersion: v.literal('gateway.solo.io/v1', 'must be gateway.solo.io/v1 (the only version lambda-gateway reads)'),
  kind: v.literal('VirtualService'),
  metadata: v.unknown(),
  spec: strictFields({
    virtualHost: strictFields({
      domains: v.optional(v.array(v.string('must be a string'), 'must be a list')),
      routes: v.optional(v.array(RouteSchema, 'must be a list'), []),
      options: v.optional(OptionsSchema),
    }),
    displayName: v.optional(v.string('must be a string')),
    ...acceptedButUnsupported(['sslConfig']),
  }),
  status: v.optional(v.unknown()),
  namespacedStatuses: v.optional(v.unknown()),
});

/**
 * Routes of a VirtualService. Routes to anything but an AWS Lambda Upstream,
 * and access-control options the gateway cannot enforce, are errors; other
 * options, domains and TLS settings are warnings.
 */
export function translateVirtualService(manifest: Manifest, targets: LambdaTargets): { routes: GatewayRouteSpec[]; warnings: string[] } {
  const { spec } = parseManifest(VirtualServiceSchema, manifest);
  const warnings: string[] = [];
  const host = spec.virtualHost;
  if (spec.sslConfig !== undefined) warnings.push(manifestWarning(manifest, 'spec.sslConfig', 'TLS is not terminated by lambda-gateway; ignored'));
  const hostnames = virtualHostDomains(manifest, host.domains ?? [], warnings);
  warnings.push(...optionWarnings(manifest, 'spec.virtualHost.options', host.options));
  const hostCors = host.options?.cors ? glooCors(host.options.cors) : undefined;

  const routes = host.routes.map((route, index): GatewayRouteSpec => {
    const at = `spec.virtualHost.routes[${index}]`;
    warnings.push(...optionWarnings(manifest, `${at}.options`, route.options));
    const single = route.routeAction?.single;
    const multi = route.routeAction?.multi;
    if (!single?.upstream && !multi) {
      throw manifestError(
        manifest,
        at,
        `${describeAction(route)} is not supported: lambda-gateway routes only routeAction.single.upstream or routeAction.multi to AWS Lambda Upstreams`,
      );
    }
    const { matches, warnings: matchWarnings } = translateMatchers(manifest, `${at}.matchers`, route.matchers);
    warnings.push(...matchWarnings);
    const spec: GatewayRouteSpec = { name: `${manifest.ref} ${route.name ? `route "${route.name}"` : `routes[${index}]`}`, matches };
    if (multi) {
      spec.backends = multi.destinations.map((entry, entryIndex) => {
        const here = `${at}.routeAction.multi.destinations[${entryIndex}]`;
        warnings.push(...optionWarnings(manifest, `${here}.options`, entry.options));
        return { ...destinationTarget(manifest, `${here}.destination`, entry.destination, targets, warnings), weight: entry.weight };
      });
      if (multi.destinations.every((entry) => entry.weight === 0)) {
        warnings.push(manifestWarning(manifest, `${at}.routeAction.multi.destinations`, 'every destination has weight 0: the route answers 500'));
      }
    } else {
      const target = destinationTarget(manifest, `${at}.routeAction.single`, single!, targets, warnings);
      spec.backend = target.backend;
      spec.backendName = target.backendName;
    }
    if (hostnames.length > 0) spec.hostnames = hostnames;
    // The route's own policy replaces the virtual host's; the 404 of the host keeps the host's.
    const cors = route.options?.cors ? glooCors(route.options.cors) : hostCors;
    if (cors) spec.filters = [{ type: 'CORS', cors }];
    if (hostCors) spec.virtualHostCors = hostCors;
    return spec;
  });
  return { routes, warnings };
}

/** The Lambda function an (AWS Upstream) destination names. */
function destinationTarget(
  manifest: Manifest,
  at: string,
  destination: v.InferOutput<typeof SingleDestinationSchema>,
  targets: LambdaTargets,
  warnings: string[],
): { backend: GatewayRouteSpec['backend'] & object; backendName: string } {
  if (!destination.upstream) throw manifestError(manifest, at, 'only an upstream destination (an AWS Lambda Upstream) is supported');
  if (destination.destinationSpec && !destination.destinationSpec.aws) {
    throw manifestError(manifest, `${at}.destinationSpec`, 'only an aws destinationSpec is supported');
  }
  const aws = destination.destinationSpec?.aws;
  const target = targets.upstreamFunction(
    { namespace: destination.upstream.namespace ?? manifest.namespace, name: destination.upstream.name },
    aws?.logicalName,
    aws,
    manifest,
    `${at}.upstream`,
  );
  warnings.push(...target.warnings);
  return { backend: target.descriptor, backendName: target.backendName };
}

/**
 * `virtualHost.domains` as hostnames: absent, empty or containing `*` means any host (Envoy's
 * virtual host domains); exact names and `*.` suffix wildcards are matched like HTTPRoute
 * hostnames. Other Envoy forms (`foo.*` prefixes, `host:port`) are not: reported and left out.
 */
function virtualHostDomains(manifest: Manifest, domains: readonly string[], warnings: string[]): string[] {
  if (domains.length === 0 || domains.includes('*')) return [];
  const out: string[] = [];
  domains.forEach((domain, index) => {
    const name = domain.toLowerCase();
    if (v.is(HostnameSchema, name)) out.push(name);
    else
      warnings.push(
        manifestWarning(manifest, `spec.virtualHost.domains[${index}]`, `"${domain}" is not matched: only exact names and "*." wildcards are supported`),
      );
  });
  return out;
}

function describeAction(route: v.InferOutput<typeof RouteSchema>): string {
  for (const action of ['redirectAction', 'directResponseAction', 'delegateAction', 'graphqlApiRef'] as const) {
    if (route[action] !== undefined) return action;
  }
  const single = route.routeAction?.single;
  if (single) return `routeAction.single.${Object.keys(single).find((key) => key !== 'destinationSpec') ?? '(empty)'}`;
  if (route.routeAction) return `routeAction.${Object.keys(route.routeAction)[0] ?? '(empty)'}`;
  return 'a route without routeAction';
}

function optionWarnings(manifest: Manifest, at: string, options: Record<string, unknown> | undefined): string[] {
  const keys = Object.keys(options ?? {}).filter((key) => key !== 'cors');
  const enforced = keys.find((key) => ACCESS_CONTROL_OPTIONS.has(key));
  if (enforced) {
    throw manifestError(
      manifest,
      `${at}.${enforced}`,
      'lambda-gateway cannot enforce this; refusing to serve the route without it (remove it, or enforce it in front of the gateway)',
    );
  }
  return keys.map((key) => manifestWarning(manifest, `${at}.${key}`, 'not supported by lambda-gateway; ignored'));
}
