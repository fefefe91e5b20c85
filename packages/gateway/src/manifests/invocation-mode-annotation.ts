import { manifestError, type Manifest } from './resource.ts';

/**
 * kgateway's Backend (`invocationMode: Sync | Async`) and Gloo's Upstream
 * have no way to ask for InvokeWithResponseStream, so lambda-gateway reads an
 * annotation on the Backend / Upstream instead: `lambda-gateway.io/invocation-mode:
 * ResponseStream`. Other controllers ignore it, so one manifest serves both.
 */
export const INVOCATION_MODE_ANNOTATION = 'lambda-gateway.io/invocation-mode';

const PATH = `metadata.annotations["${INVOCATION_MODE_ANNOTATION}"]`;

/**
 * `ResponseStream` when the manifest asks for it; undefined without the
 * annotation. Any other value, or a manifest that also asks for asynchronous
 * invocation (`asynchronous`), is an error naming the annotation.
 */
export function streamingRequested(manifest: Manifest, asynchronous: boolean): 'ResponseStream' | undefined {
  const metadata = manifest.value.metadata as { annotations?: Record<string, unknown> } | undefined;
  const value = metadata?.annotations?.[INVOCATION_MODE_ANNOTATION];
  if (value === undefined) return undefined;
  if (value !== 'ResponseStream')
    throw manifestError(manifest, PATH, `must be ResponseStream (got ${JSON.stringify(value)}); leave it out for the manifest's own mode`);
  if (asynchronous) throw manifestError(manifest, PATH, 'ResponseStream cannot be combined with asynchronous invocation');
  return value;
}
