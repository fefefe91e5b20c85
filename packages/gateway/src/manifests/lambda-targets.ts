/**
 * Resolves route references (HTTPRoute backendRefs, VirtualService upstreams)
 * to Lambda backend descriptors, and names each distinct descriptor once so
 * routes to the same function share one bound backend (and credentials cache).
 */
import type { BackendDescriptorInput } from '../descriptor/index.ts';
import type { DestinationSpec } from './gloo-destination.ts';
import type { TranslatedUpstream } from './gloo-upstream.ts';
import type { TranslatedBackend } from './kgateway-backend.ts';
import { ReferenceGrants } from './reference-grant.ts';
import { manifestError, resourceRef, type Manifest } from './resource.ts';

export interface LambdaTarget {
  descriptor: BackendDescriptorInput;
  /** `Backend gloo-system/lambda`, `Upstream gloo-system/aws-upstream target-name`, … */
  backendName: string;
  warnings: string[];
}

interface ObjectKey {
  namespace: string;
  name: string;
}

type Route = Pick<Manifest, 'ref' | 'source'>;

export class LambdaTargets {
  readonly #backends = new Map<string, { manifest: Manifest; translated: TranslatedBackend }>();
  readonly #upstreams = new Map<string, { manifest: Manifest; translated: TranslatedUpstream }>();
  /** backendName → the descriptor it stands for (a differing one gets a numbered name). */
  readonly #named = new Map<string, string>();
  /** What permits a route's reference to another namespace. */
  readonly grants = new ReferenceGrants();

  addBackend(manifest: Manifest, translated: TranslatedBackend): void {
    this.#backends.set(key(manifest), { manifest, translated });
  }

  addUpstream(manifest: Manifest, translated: TranslatedUpstream): void {
    this.#upstreams.set(key(manifest), { manifest, translated });
  }

  /** Every secretRef of a Lambda Backend or Upstream (routed or not), with where it is written. */
  secretRefs(): Array<{ name: string; namespace: string; referrer: Manifest; at: string }> {
    const refs: Array<{ name: string; namespace: string; referrer: Manifest; at: string }> = [];
    for (const { manifest, translated } of this.#backends.values()) {
      if (translated.lambda && translated.secretRef) refs.push({ ...translated.secretRef, referrer: manifest, at: 'spec.aws.auth.secretRef' });
    }
    for (const { manifest, translated } of this.#upstreams.values()) {
      if (translated.lambda && translated.secretRef) refs.push({ ...translated.secretRef, referrer: manifest, at: 'spec.aws.secretRef' });
    }
    return refs;
  }

  /** True when a Backend / Upstream of that namespace and name is among the manifests. */
  has(kind: 'Backend' | 'Upstream', ref: ObjectKey): boolean {
    return (kind === 'Backend' ? this.#backends : this.#upstreams).has(key(ref));
  }

  /** "Backend ns/name not found", with the other-namespace hint. */
  notFound(kind: 'Backend' | 'Upstream', ref: ObjectKey): string {
    return notFound(kind, ref, kind === 'Backend' ? this.#backends : this.#upstreams);
  }

  /** The descriptor of a kgateway Backend. Throws naming the route and the Backend when it is missing or not Lambda. */
  backend(ref: ObjectKey, route: Route, at: string): LambdaTarget {
    const found = this.#backends.get(key(ref));
    if (!found) throw manifestError(route, at, notFound('Backend', ref, this.#backends));
    const { manifest, translated } = found;
    if (!translated.lambda) throw manifestError(route, at, `${manifest.ref} ${translated.reason}`);
    return this.#target(manifest.ref, translated.descriptor, []);
  }

  /** The descriptor of one function of a Gloo Upstream, with a route's destination spec applied. */
  upstreamFunction(ref: ObjectKey, logicalName: string | undefined, destination: DestinationSpec | undefined, route: Route, at: string): LambdaTarget {
    const found = this.#upstreams.get(key(ref));
    if (!found) throw manifestError(route, at, notFound('Upstream', ref, this.#upstreams));
    const { manifest, translated } = found;
    if (!translated.lambda) throw manifestError(route, at, `${manifest.ref} ${translated.reason}`);
    const target = translated.target(logicalName, destination, route, at);
    return this.#target(`${manifest.ref} ${target.logicalName}`, target.descriptor, target.warnings);
  }

  #target(base: string, descriptor: BackendDescriptorInput, warnings: string[]): LambdaTarget {
    const fingerprint = JSON.stringify(descriptor);
    for (let index = 1; ; index++) {
      const backendName = index === 1 ? base : `${base} (${index})`;
      const existing = this.#named.get(backendName);
      if (existing === undefined) this.#named.set(backendName, fingerprint);
      if (existing === undefined || existing === fingerprint) return { descriptor, backendName, warnings };
    }
  }
}

function key(ref: ObjectKey): string {
  return `${ref.namespace}/${ref.name}`;
}

/** "Backend gloo-system/lambda not found", with a hint when the name exists in another namespace. */
function notFound(kind: string, ref: ObjectKey, known: Map<string, { manifest: Manifest }>): string {
  const elsewhere = [...known.values()].filter(({ manifest }) => manifest.name === ref.name).map(({ manifest }) => manifest.namespace);
  const hint = elsewhere.length > 0 ? ` (there is one in namespace ${elsewhere.join(', ')}: set metadata.namespace or the reference's namespace)` : '';
  return `${resourceRef(kind, ref.namespace, ref.name)} not found${hint}`;
}
