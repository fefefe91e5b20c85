/**
 * Gateway API `ReferenceGrant` (gateway.networking.k8s.io/v1, v1beta1): a backendRef of an
 * HTTPRoute to another namespace is permitted only when a ReferenceGrant in that namespace
 * lists the route's namespace and kind under `from` and the referenced kind (and name, when
 * given) under `to` (apis/v1beta1/referencegrant_types.go). Without one the reference is not
 * resolved (ResolvedRefs False, RefNotPermitted) and its requests are answered 500.
 */
import * as v from 'valibot';
import { NamespaceSchema, ObjectNameSchema, parseManifest, strictFields, type Manifest } from './resource.ts';

const GroupSchema = v.pipe(v.string('must be a string'), v.maxLength(253, 'must be at most 253 characters'));
const KindSchema = v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'), v.maxLength(63, 'must be at most 63 characters'));

const ReferenceGrantSchema = strictFields({
  apiVersion: v.picklist(['gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1beta1'], 'must be gateway.networking.k8s.io/v1 or v1beta1'),
  kind: v.literal('ReferenceGrant'),
  metadata: v.unknown(),
  spec: strictFields({
    from: v.pipe(
      v.array(strictFields({ group: GroupSchema, kind: KindSchema, namespace: NamespaceSchema }), 'must be a list'),
      v.minLength(1, 'must list at least one entry'),
      v.maxLength(16, 'must have at most 16 entries'),
    ),
    to: v.pipe(
      v.array(strictFields({ group: GroupSchema, kind: KindSchema, name: v.optional(ObjectNameSchema) }), 'must be a list'),
      v.minLength(1, 'must list at least one entry'),
      v.maxLength(16, 'must have at most 16 entries'),
    ),
  }),
  status: v.optional(v.unknown()),
});

type GrantSpec = v.InferOutput<typeof ReferenceGrantSchema>['spec'];

/** Who refers: the route's API group, kind and namespace. */
export interface ReferenceFrom {
  group: string;
  kind: string;
  namespace: string;
}

/** What is referred to: API group, kind, namespace and name. */
export interface ReferenceTo {
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

/** The ReferenceGrants of the configuration, by the namespace they stand in. */
export class ReferenceGrants {
  readonly #byNamespace = new Map<string, GrantSpec[]>();

  /** Validates and registers a ReferenceGrant manifest (a ConfigError names the field otherwise). */
  add(manifest: Manifest): void {
    const { spec } = parseManifest(ReferenceGrantSchema, manifest);
    this.#byNamespace.set(manifest.namespace, [...(this.#byNamespace.get(manifest.namespace) ?? []), spec]);
  }

  /** True for a reference within one namespace, or one a grant in the target's namespace permits. */
  permits(from: ReferenceFrom, to: ReferenceTo): boolean {
    if (from.namespace === to.namespace) return true;
    return (this.#byNamespace.get(to.namespace) ?? []).some(
      (grant) =>
        grant.from.some((entry) => entry.group === from.group && entry.kind === from.kind && entry.namespace === from.namespace) &&
        grant.to.some((entry) => entry.group === to.group && entry.kind === to.kind && (entry.name === undefined || entry.name === to.name)),
    );
  }
}
