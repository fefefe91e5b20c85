/**
 * What every manifest kind shares: metadata, how a resource is named in
 * messages (`Backend gloo-system/lambda`), and errors/warnings that name the
 * file, the resource and the field path.
 */
import * as v from 'valibot';
import { documentLabel, type SourcedDocument } from '../config/index.ts';
import { ConfigError, formatIssues, parseOrThrow } from '../validation/index.ts';

/** Kubernetes puts a resource without `metadata.namespace` in `default` (kubectl without `-n`). */
export const DEFAULT_NAMESPACE = 'default';

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A Kubernetes object name (RFC 1123 subdomain), as `metadata.name` and references use. */
export const ObjectNameSchema = v.pipe(
  v.string('must be a string'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(253, 'must be at most 253 characters'),
  v.regex(DNS_SUBDOMAIN, 'must be a lower-case RFC 1123 subdomain (a-z, 0-9, "-" and ".", starting and ending with a letter or digit)'),
);

/** A namespace name (RFC 1123 label). */
export const NamespaceSchema = v.pipe(
  v.string('must be a string'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(63, 'must be at most 63 characters'),
  v.regex(DNS_LABEL, 'must be a lower-case RFC 1123 label (a-z, 0-9 and "-", starting and ending with a letter or digit)'),
);

/**
 * `metadata`: name and namespace are read; labels, annotations, uid,
 * resourceVersion and the rest of ObjectMeta are accepted and not acted on.
 */
const MetadataSchema = v.looseObject({ name: ObjectNameSchema, namespace: v.optional(NamespaceSchema) }, (issue) =>
  issue.input === undefined ? 'is required' : 'must be an object',
);

/** A manifest document with its metadata read, before its kind's own schema is applied. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
  /** False when `metadata.namespace` was omitted (then `namespace` is `default`). */
  namespaced: boolean;
  /** `Backend gloo-system/lambda` */
  ref: string;
  /** `file.yaml` or `file.yaml (document 2)` */
  source: string;
  value: Record<string, unknown>;
}

/** `Kind namespace/name`, the way errors and warnings name a resource. */
export function resourceRef(kind: string, namespace: string, name: string): string {
  return `${kind} ${namespace}/${name}`;
}

/** Reads `apiVersion`, `kind` and `metadata` of a manifest document. */
export function readManifest(document: SourcedDocument): Manifest {
  const value = document.value as Record<string, unknown>;
  const source = documentLabel(document);
  const kind = typeof value.kind === 'string' ? value.kind : String(value.kind);
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : String(value.apiVersion);
  const metadata = parseOrThrow(MetadataSchema, value.metadata, { source, prefix: `${kind}: metadata` });
  const namespace = metadata.namespace ?? DEFAULT_NAMESPACE;
  return {
    apiVersion,
    kind,
    name: metadata.name,
    namespace,
    namespaced: metadata.namespace !== undefined,
    ref: resourceRef(kind, namespace, metadata.name),
    source,
    value,
  };
}

/**
 * Validates a whole manifest against its kind's schema. Messages read
 * `file: Backend gloo-system/lambda: spec.aws.region: must be …`.
 */
export function parseManifest<const TSchema extends v.GenericSchema>(schema: TSchema, manifest: Manifest): v.InferOutput<TSchema> {
  // One problem per field (a too-long id is not also reported as "not 12 digits").
  const result = v.safeParse(schema, manifest.value, { abortPipeEarly: true });
  if (result.success) return result.output as v.InferOutput<TSchema>;
  const problems = formatIssues(result.issues).map((line) => `${manifest.ref}: ${line.startsWith('(root): ') ? line.slice('(root): '.length) : line}`);
  throw new ConfigError(problems, manifest.source);
}

/** A ConfigError about one field of one resource: `file: Kind ns/name: field.path: message`. */
export function manifestError(manifest: Pick<Manifest, 'ref' | 'source'>, path: string, message: string): ConfigError {
  return new ConfigError([`${manifest.ref}: ${path}: ${message}`], manifest.source);
}

/** A warning line in the same shape as errors. */
export function manifestWarning(manifest: Pick<Manifest, 'ref' | 'source'>, path: string, message: string): string {
  return `${manifest.source}: ${manifest.ref}: ${path}: ${message}`;
}

/**
 * `v.strictObject` whose unknown-field message lists the fields that exist,
 * as kubectl's strict field validation does.
 */
export function strictFields<const TEntries extends v.ObjectEntries>(entries: TEntries) {
  const allowed = Object.keys(entries);
  return v.strictObject(entries, (issue) => {
    if (issue.expected === 'never') return `unknown field (allowed: ${allowed.join(', ')})`;
    if (issue.expected !== 'Object' && issue.input === undefined) return 'is required';
    return 'must be an object';
  });
}

/**
 * Fields of a Kubernetes kind that exist but that the gateway does not act on:
 * accepted by the schema, reported as warnings by `unsupportedFieldWarnings`.
 */
export function acceptedButUnsupported<const TNames extends readonly string[]>(
  names: TNames,
): { [K in TNames[number]]: v.OptionalSchema<v.UnknownSchema, undefined> } {
  return Object.fromEntries(names.map((name) => [name, v.optional(v.unknown())])) as { [K in TNames[number]]: v.OptionalSchema<v.UnknownSchema, undefined> };
}

/** One warning per present field of `names` in `object` (at `path`), with the reason. */
export function unsupportedFieldWarnings(
  manifest: Pick<Manifest, 'ref' | 'source'>,
  path: string,
  object: Record<string, unknown> | undefined,
  names: readonly string[],
  reason = 'not supported by lambda-gateway; ignored',
): string[] {
  if (!object) return [];
  return names.filter((name) => object[name] !== undefined).map((name) => manifestWarning(manifest, path === '' ? name : `${path}.${name}`, reason));
}
