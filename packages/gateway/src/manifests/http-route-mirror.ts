/**
 * The HTTPRoute parts that become route options rather than filters: `RequestMirror` filters
 * (each to a Lambda Backend, mirrored fire-and-forget by core/request-mirror.ts) and the rule's
 * `retry` (GEP-1731, core/route-retry.ts).
 */
import { DEFAULT_RETRY_ATTEMPTS, DEFAULT_RETRY_BACKOFF_MS, type MirrorSpec, type RouteRetryPolicy } from '../core/index.ts';
import type { HttpBackendRef, HttpRouteFilterManifest, HttpRouteRule } from './http-route-schema.ts';
import type { LambdaTarget } from './lambda-targets.ts';
import { manifestWarning, type Manifest } from './resource.ts';

/** Resolves a backendRef as the rule's own backendRefs are resolved (kind, ReferenceGrant, existence). */
export type ResolveRef = (at: string, ref: HttpBackendRef) => LambdaTarget | { unresolved: string; name: string };

/**
 * The mirrors among `filters`. A mirror whose backendRef does not resolve to a Lambda function
 * is left out with a warning: mirroring never changes what the client gets, so neither does a
 * broken mirror.
 */
export function mirrorsOf(manifest: Manifest, at: string, filters: readonly HttpRouteFilterManifest[], resolve: ResolveRef, warnings: string[]): MirrorSpec[] {
  const mirrors: MirrorSpec[] = [];
  filters.forEach((filter, index) => {
    if (filter.type !== 'RequestMirror' || filter.requestMirror === undefined) return;
    const here = `${at}[${index}].requestMirror.backendRef`;
    const mirror = filter.requestMirror;
    const target = resolve(here, { ...mirror.backendRef, weight: 1 });
    if ('unresolved' in target) {
      warnings.push(manifestWarning(manifest, here, `${target.unresolved}: this mirror is not applied`));
      return;
    }
    warnings.push(...target.warnings);
    const spec: MirrorSpec = { backend: target.descriptor, backendName: target.backendName };
    if (mirror.percent !== undefined) spec.percent = mirror.percent;
    if (mirror.fraction !== undefined) spec.percent = (100 * mirror.fraction.numerator) / mirror.fraction.denominator;
    mirrors.push(spec);
  });
  return mirrors;
}

/**
 * The rule's retry policy. `attempts` and `backoff` are implementation-specific when absent
 * (one retry, 25 ms); `timeouts.request` bounds the whole (`0s`: no bound but Lambda's own).
 */
export function retryOf(rule: HttpRouteRule, durationMs: (duration: string) => number): RouteRetryPolicy | undefined {
  if (rule.retry === undefined) return undefined;
  const policy: RouteRetryPolicy = {
    codes: rule.retry.codes ?? [],
    attempts: rule.retry.attempts ?? DEFAULT_RETRY_ATTEMPTS,
    backoffMs: rule.retry.backoff === undefined ? DEFAULT_RETRY_BACKOFF_MS : durationMs(rule.retry.backoff),
  };
  const request = rule.timeouts?.request === undefined ? 0 : durationMs(rule.timeouts.request);
  if (request > 0) policy.requestTimeoutMs = request;
  return policy;
}
