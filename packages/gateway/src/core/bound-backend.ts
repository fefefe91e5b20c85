import type { CredentialProvider } from '../credentials/index.ts';
import { BackendDescriptorSchema, resolveBackend, type BackendDescriptor, type BackendDescriptorInput, type ResolvedBackend } from '../descriptor/index.ts';
import { getPayloadCodec, type PayloadCodec } from '../payload/index.ts';
import { parseOrThrow } from '../validation/index.ts';
import type { Platform } from './platform.ts';

/** A backend ready to serve: resolved Invoke facts, its codec and its credentials. */
export interface BoundBackend {
  /** Name for logs and the route table (`backends.<name>` or a generated one). */
  name: string;
  descriptor: BackendDescriptor;
  resolved: ResolvedBackend;
  codec: PayloadCodec;
  credentials: CredentialProvider;
  /** Error bodies carry details (see errors/redaction.ts): `exposeErrorDetails`, `functionErrorMode: passthrough` or `--expose-error-details`. */
  exposeErrorDetails: boolean;
}

/**
 * Validates a descriptor (same schema and messages for config files, manifests
 * and code), resolves it and binds it to the platform's credentials.
 *
 * @param where path prefix for error messages, e.g. `backends.echo`
 */
export function bindBackend(
  name: string,
  input: BackendDescriptorInput | BackendDescriptor,
  platform: Platform,
  where = name,
  options: { exposeErrorDetails?: boolean | undefined } = {},
): BoundBackend {
  const descriptor = parseOrThrow(BackendDescriptorSchema, input, { prefix: where });
  const resolved = resolveBackend(descriptor, platform.env, where);
  return {
    name,
    descriptor,
    resolved,
    codec: getPayloadCodec(resolved.payloadMode),
    credentials: platform.credentials.forAuth(descriptor.auth),
    exposeErrorDetails: descriptor.exposeErrorDetails === true || descriptor.functionErrorMode === 'passthrough' || options.exposeErrorDetails === true,
  };
}
