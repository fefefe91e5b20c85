/**
 * Gloo Edge's AWS `DestinationSpec` (aws.options.gloo.solo.io, in a
 * VirtualService route's `destinationSpec.aws` and an Upstream's
 * `destinationOverrides`) and what it means for a backend descriptor.
 *
 * Gloo semantics (solo-io/gloo projects/gloo/api/v1/options/aws/aws.proto and
 * the aws plugin): without options the body is the event and the result is the
 * response body (our `passthrough`). `unwrapAsApiGateway` reads the result as
 * an API Gateway proxy response (statusCode, headers, multiValueHeaders, body,
 * isBase64Encoded); `wrapAsApiGateway` sends an API Gateway event. Both map to
 * `apigateway-v1`, which does both; with only one of them set, the other
 * direction differs from Gloo, which a warning says. `unwrapAsAlb` (the ALB
 * response is the same shape) maps there too; Gloo gives it priority.
 */
import * as v from 'valibot';
import type { PayloadMode } from '../payload/types.ts';
import { strictFields, manifestWarning, type Manifest } from './resource.ts';

const picklist = <const TOptions extends readonly string[]>(options: TOptions) =>
  v.picklist(options, (issue) => `must be one of ${options.join(', ')} (got ${issue.received})`);

const flag = v.optional(v.boolean('must be true or false'));

export const DestinationSpecSchema = strictFields({
  logicalName: v.optional(v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'))),
  invocationStyle: v.optional(picklist(['SYNC', 'ASYNC'])),
  requestTransformation: flag,
  responseTransformation: flag,
  htmlContentTypeHeader: flag,
  unwrapAsAlb: flag,
  unwrapAsApiGateway: flag,
  wrapAsApiGateway: flag,
});

export type DestinationSpec = v.InferOutput<typeof DestinationSpecSchema>;

export interface DestinationBehaviour {
  invocationMode: 'Sync' | 'Async';
  payloadMode: PayloadMode;
  warnings: string[];
}

/**
 * Gloo's rule for `destinationOverrides`: only the fields that are set and
 * non-falsy override the route's destination spec.
 */
export function withOverrides(destination: DestinationSpec | undefined, overrides: DestinationSpec | undefined): DestinationSpec {
  const merged: Record<string, unknown> = { ...destination };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value) merged[key] = value;
  }
  return merged as DestinationSpec;
}

/**
 * Invocation and payload modes for a destination spec, with a warning for
 * every option whose Gloo behaviour lambda-gateway does not reproduce exactly.
 *
 * @param at field path of the destination spec, for warnings
 */
export function destinationBehaviour(manifest: Pick<Manifest, 'ref' | 'source'>, at: string, destination: DestinationSpec): DestinationBehaviour {
  const warnings: string[] = [];
  const warn = (field: string, message: string) => warnings.push(manifestWarning(manifest, `${at}.${field}`, message));
  let payloadMode: DestinationBehaviour['payloadMode'] = 'passthrough';
  if (destination.unwrapAsAlb || destination.unwrapAsApiGateway || destination.wrapAsApiGateway) {
    payloadMode = 'apigateway-v1';
    if (destination.unwrapAsAlb) {
      warn(
        'unwrapAsAlb',
        'mapped to payloadMode apigateway-v1: the result is read as an API Gateway/ALB proxy response, and the function receives an API Gateway REST (v1) event instead of the raw body',
      );
    } else if (!destination.wrapAsApiGateway) {
      warn(
        'unwrapAsApiGateway',
        'mapped to payloadMode apigateway-v1: the result is unwrapped as in Gloo, and the function receives an API Gateway REST (v1) event instead of the raw body (Gloo wraps only with wrapAsApiGateway)',
      );
    } else if (!destination.unwrapAsApiGateway) {
      warn(
        'wrapAsApiGateway',
        'mapped to payloadMode apigateway-v1: the function receives an API Gateway REST (v1) event as in Gloo, and its result is read as an API Gateway proxy response instead of being returned as it is',
      );
    }
  }
  if (destination.requestTransformation) {
    warn('requestTransformation', "Gloo's own request envelope is not supported: the body is sent as it is (use wrapAsApiGateway for an API Gateway event)");
  }
  if (destination.responseTransformation) warn('responseTransformation', 'not supported: the result is returned as it is');
  if (destination.htmlContentTypeHeader) warn('htmlContentTypeHeader', "not supported: the response keeps Lambda's content-type");
  return { invocationMode: destination.invocationStyle === 'ASYNC' ? 'Async' : 'Sync', payloadMode, warnings };
}
