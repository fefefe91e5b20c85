/**
 * Kubernetes `Secret` (v1): its keys become a named secret, as if the Secret
 * were mounted at `<secrets-dir>/<name>/`. Messages never include a value.
 */
import * as v from 'valibot';
import { manifestError, parseManifest, strictFields, type Manifest } from './resource.ts';

/** Kubernetes' rule for Secret keys (they become file names when mounted). */
const KeySchema = v.pipe(
  v.string(),
  v.maxLength(253, 'keys must be at most 253 characters'),
  v.regex(/^[-._a-zA-Z0-9]+$/, 'keys must consist of alphanumeric characters, "-", "_" or "."'),
);

/** Custom messages throughout: valibot's defaults would print the value received. */
const ValuesSchema = v.record(KeySchema, v.string('must be a string (quote it in YAML)'), 'must be an object of key: value');

const SecretSchema = strictFields({
  apiVersion: v.literal('v1', 'must be v1 (the only version lambda-gateway reads)'),
  kind: v.literal('Secret'),
  metadata: v.unknown(),
  type: v.optional(v.string('must be a string')),
  immutable: v.optional(v.boolean('must be true or false')),
  data: v.optional(ValuesSchema),
  stringData: v.optional(ValuesSchema),
});

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The Secret's keys and values: `data` (base64) decoded, then `stringData`
 * merged over it, as the API server does.
 */
export function translateSecret(manifest: Manifest): Record<string, string> {
  const secret = parseManifest(SecretSchema, manifest);
  const values: Record<string, string> = {};
  for (const [key, encoded] of Object.entries(secret.data ?? {})) {
    const compact = encoded.replace(/\s+/g, '');
    if (!BASE64.test(compact)) throw manifestError(manifest, `data.${key}`, 'must be base64-encoded (use stringData for plain text)');
    values[key] = decodeBase64(compact);
  }
  Object.assign(values, secret.stringData ?? {});
  return values;
}

function decodeBase64(encoded: string): string {
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return new TextDecoder().decode(bytes);
}
