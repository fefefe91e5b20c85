/**
 * Gateway API `Gateway` and kgateway / Gloo Gateway `GatewayParameters`: they
 * describe the proxy's deployment. The gateway takes its listening port from
 * an HTTP listener and reports the rest.
 */
import * as v from 'valibot';
import { HostnameSchema } from '../routing/index.ts';
import { acceptedButUnsupported, manifestWarning, parseManifest, strictFields, type Manifest } from './resource.ts';

const LabelSelectorSchema = v.looseObject({
  matchLabels: v.optional(v.record(v.string(), v.string('must be a string'), 'must be an object')),
  matchExpressions: v.optional(
    v.array(
      v.looseObject({
        key: v.string('must be a string'),
        operator: v.picklist(['In', 'NotIn', 'Exists', 'DoesNotExist'], 'must be In, NotIn, Exists or DoesNotExist'),
        values: v.optional(v.array(v.string('must be a string'), 'must be a list')),
      }),
      'must be a list',
    ),
  ),
});

const AllowedRoutesSchema = v.looseObject({
  namespaces: v.optional(
    v.looseObject({
      from: v.optional(v.picklist(['All', 'Same', 'Selector', 'None'], 'must be All, Same, Selector or None'), 'Same'),
      selector: v.optional(LabelSelectorSchema),
    }),
  ),
  kinds: v.optional(v.array(v.looseObject({ group: v.optional(v.string('must be a string')), kind: v.string('must be a string') }), 'must be a list')),
});

export type LabelSelector = v.InferOutput<typeof LabelSelectorSchema>;

const ListenerSchema = strictFields({
  name: v.pipe(v.string('must be a string'), v.regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a lower-case RFC 1123 label')),
  port: v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(1, 'must be 1-65535'), v.maxValue(65535, 'must be 1-65535')),
  protocol: v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty')),
  allowedRoutes: v.optional(AllowedRoutesSchema),
  hostname: v.optional(HostnameSchema),
  tls: v.optional(
    v.looseObject({
      mode: v.optional(v.picklist(['Terminate', 'Passthrough'], 'must be Terminate or Passthrough'), 'Terminate'),
      certificateRefs: v.optional(
        v.array(
          v.looseObject({
            group: v.optional(v.string('must be a string'), ''),
            kind: v.optional(v.string('must be a string'), 'Secret'),
            name: v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty')),
            namespace: v.optional(v.string('must be a string')),
          }),
          'must be a list',
        ),
      ),
    }),
  ),
});

const GatewaySchema = strictFields({
  apiVersion: v.picklist(['gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1beta1'], 'must be gateway.networking.k8s.io/v1 or v1beta1'),
  kind: v.literal('Gateway'),
  metadata: v.unknown(),
  spec: strictFields({
    // Which controller runs the proxy, and how it is deployed: not the gateway's concern.
    gatewayClassName: v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty')),
    infrastructure: v.optional(v.unknown()),
    listeners: v.pipe(
      v.array(ListenerSchema, 'must be a list'),
      v.minLength(1, 'must have at least one listener'),
      v.maxLength(64, 'must have at most 64 listeners'),
    ),
    ...acceptedButUnsupported(['addresses', 'backendTLS', 'allowedListeners', 'tls']),
  }),
  status: v.optional(v.unknown()),
});

/** Which namespaces' routes a listener takes (`allowedRoutes.namespaces`; default `Same`). */
export interface AllowedNamespaces {
  from: 'All' | 'Same' | 'Selector' | 'None';
  selector?: LabelSelector | undefined;
}

/** An HTTP or HTTPS listener as routes attach to it (parentRef sectionName / port, hostname intersection, allowedRoutes). */
export interface GatewayListener {
  name: string;
  port: number;
  hostname: string | undefined;
  protocol: 'HTTP' | 'HTTPS';
  /** The TLS Secret of an HTTPS listener (`tls.certificateRefs[0]`). */
  secretName?: string | undefined;
  allowedNamespaces: AllowedNamespaces;
  /** False when `allowedRoutes.kinds` is set and leaves out HTTPRoute. */
  allowsHttpRoutes: boolean;
}

/** An HTTPS listener that terminates TLS with a Kubernetes TLS Secret (`tls.certificateRefs[0]`). */
export interface HttpsListener {
  port: number;
  secretName: string;
}

/**
 * A Gateway's HTTP listener ports (in order), its HTTP and HTTPS listeners (routes attach to
 * both) and warnings for what is not served.
 */
export function translateGateway(manifest: Manifest): {
  httpPorts: number[];
  httpsListeners: HttpsListener[];
  listeners: GatewayListener[];
  warnings: string[];
} {
  const { spec } = parseManifest(GatewaySchema, manifest);
  const warnings: string[] = [];
  for (const field of ['addresses', 'backendTLS', 'allowedListeners', 'tls'] as const) {
    if (spec[field] !== undefined) warnings.push(manifestWarning(manifest, `spec.${field}`, 'not supported by lambda-gateway; ignored'));
  }
  const httpPorts: number[] = [];
  const httpsListeners: HttpsListener[] = [];
  const listeners: GatewayListener[] = [];
  spec.listeners.forEach((listener, index) => {
    const at = `spec.listeners[${index}]`;
    if (listener.protocol === 'HTTPS') {
      const https = httpsListener(manifest, at, listener, warnings);
      if (https === undefined) return;
      httpsListeners.push(https);
      listeners.push({ ...attachable(listener), protocol: 'HTTPS', secretName: https.secretName });
      return;
    }
    if (listener.protocol !== 'HTTP') {
      warnings.push(
        manifestWarning(manifest, `${at}.protocol`, `${listener.protocol} listeners are not served (lambda-gateway serves HTTP and HTTPS listeners)`),
      );
      return;
    }
    if (listener.tls !== undefined) warnings.push(manifestWarning(manifest, `${at}.tls`, 'not supported by lambda-gateway; ignored'));
    httpPorts.push(listener.port);
    listeners.push({ ...attachable(listener), protocol: 'HTTP' });
  });
  return { httpPorts, httpsListeners, listeners, warnings };
}

function attachable(listener: v.InferOutput<typeof ListenerSchema>): Omit<GatewayListener, 'protocol'> {
  const namespaces = listener.allowedRoutes?.namespaces;
  const kinds = listener.allowedRoutes?.kinds;
  return {
    name: listener.name,
    port: listener.port,
    hostname: listener.hostname,
    allowedNamespaces: { from: namespaces?.from ?? 'Same', selector: namespaces?.selector },
    allowsHttpRoutes:
      kinds === undefined || kinds.some((kind) => kind.kind === 'HTTPRoute' && (kind.group ?? 'gateway.networking.k8s.io') === 'gateway.networking.k8s.io'),
  };
}

/** The Secret an HTTPS listener terminates TLS with; undefined (with a warning) when it cannot be served. */
function httpsListener(manifest: Manifest, at: string, listener: v.InferOutput<typeof ListenerSchema>, warnings: string[]): HttpsListener | undefined {
  const tls = listener.tls;
  if (tls?.mode === 'Passthrough') {
    warnings.push(manifestWarning(manifest, `${at}.tls.mode`, 'Passthrough is not served: lambda-gateway terminates TLS (mode Terminate)'));
    return undefined;
  }
  const ref = tls?.certificateRefs?.[0];
  if (ref === undefined) {
    warnings.push(
      manifestWarning(manifest, `${at}.tls.certificateRefs`, 'an HTTPS listener needs a certificateRef to a TLS Secret; the listener is not served'),
    );
    return undefined;
  }
  if ((ref.group !== '' && ref.group !== 'core') || ref.kind !== 'Secret') {
    warnings.push(
      manifestWarning(manifest, `${at}.tls.certificateRefs[0]`, `only a core Secret is supported (got ${ref.kind} "${ref.group}"); the listener is not served`),
    );
    return undefined;
  }
  if ((tls?.certificateRefs?.length ?? 0) > 1) {
    warnings.push(manifestWarning(manifest, `${at}.tls.certificateRefs`, 'only the first certificate is served (one certificate per listener)'));
  }
  return { port: listener.port, secretName: ref.name };
}

const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';

const GatewayParametersSchema = strictFields({
  apiVersion: v.picklist(
    ['gateway.kgateway.dev/v1alpha1', 'gateway.gloo.solo.io/v1alpha1'],
    'must be gateway.kgateway.dev/v1alpha1 or gateway.gloo.solo.io/v1alpha1',
  ),
  kind: v.literal('GatewayParameters'),
  metadata: v.unknown(),
  spec: v.optional(v.record(v.string(), v.unknown(), 'must be an object')),
  status: v.optional(v.unknown()),
});

/**
 * GatewayParameters configure how kgateway deploys its proxy. One warning
 * says so; for the IRSA role annotation it says where that role must go for
 * lambda-gateway (its own ServiceAccount, which gives it ambient credentials).
 */
export function translateGatewayParameters(manifest: Manifest): { warnings: string[] } {
  const { spec } = parseManifest(GatewayParametersSchema, manifest);
  const annotations = (spec?.kube as { serviceAccount?: { extraAnnotations?: Record<string, unknown> } } | undefined)?.serviceAccount?.extraAnnotations;
  const roleArn = annotations?.[IRSA_ANNOTATION];
  if (typeof roleArn === 'string') {
    return {
      warnings: [
        manifestWarning(
          manifest,
          `spec.kube.serviceAccount.extraAnnotations["${IRSA_ANNOTATION}"]`,
          `deployment setting, not read by lambda-gateway: annotate lambda-gateway's ServiceAccount with ${IRSA_ANNOTATION}: ${roleArn} so that its ambient credentials (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE) come from that role`,
        ),
      ],
    };
  }
  const fields = Object.keys(spec ?? {});
  return {
    warnings: fields.map((field) => manifestWarning(manifest, `spec.${field}`, 'deployment setting of the kgateway proxy; not read by lambda-gateway')),
  };
}
