import * as v from 'valibot';
import type { EnvLookup } from '../aws/env.ts';
import { ConfigError } from '../errors/index.ts';
import type { ResolvedBackend } from './resolve.ts';
import type { BackendDescriptor } from './schema.ts';
import { StreamingSchema } from './streaming.ts';

/**
 * `https://<url-id>.lambda-url.<region>.on.aws/`; any http(s) URL is accepted
 * (the local AWS serves Function URLs on loopback, under a path prefix).
 */
export const FunctionUrlSchema = v.pipe(
  v.string(),
  v.url('must be an absolute URL such as https://<url-id>.lambda-url.us-east-1.on.aws/'),
  v.regex(/^https?:\/\//, 'must be an http(s) URL'),
  v.check((url) => !url.includes('?') && !url.includes('#'), 'must not have a query or a fragment'),
);

/** What a Function URL backend forwards to. */
export interface ResolvedFunctionUrl {
  /** The URL's origin and path without the trailing slash: the request path is appended to it. */
  base: string;
  authType: 'AWS_IAM' | 'NONE';
  /** SigV4 region (service `lambda`). */
  region: string;
}

const FUNCTION_URL_HOST = /^[a-z0-9]+\.lambda-url\.([a-z0-9-]+)\.on\.aws$/;

/** Fields that name or shape an Invoke call and mean nothing for a Function URL. */
const INVOKE_ONLY_FIELDS = ['functionName', 'accountId', 'qualifier', 'endpointURL'] as const;

/**
 * Resolves a backend that names `functionURL`: the region comes from the
 * host (`…lambda-url.<region>.on.aws`), else `region`, else the environment;
 * the request is forwarded as HTTP, so only `passthrough` payloads and the
 * Sync or ResponseStream modes make sense.
 */
export function resolveFunctionUrlBackend(descriptor: BackendDescriptor, env: EnvLookup, where: string): ResolvedBackend {
  const problems: string[] = [];
  if (descriptor.functionURL === undefined) throw new ConfigError([`${where}.urlAuthType: only applies with functionURL`]);
  for (const field of INVOKE_ONLY_FIELDS) {
    if (descriptor[field] !== undefined) problems.push(`${where}.${field}: cannot be combined with functionURL (a Function URL names its function)`);
  }
  if (descriptor.payloadMode !== 'passthrough') {
    problems.push(`${where}.payloadMode: a Function URL backend forwards HTTP as-is (the URL builds the payload 2.0 event itself); use passthrough`);
  }
  if (descriptor.invocationMode === 'Async')
    problems.push(`${where}.invocationMode: a Function URL cannot be called asynchronously; use Sync or ResponseStream`);
  if (descriptor.streaming && descriptor.invocationMode !== 'ResponseStream') {
    problems.push(`${where}.streaming: only applies with invocationMode: ResponseStream`);
  }
  const url = new URL(descriptor.functionURL);
  const hostRegion = FUNCTION_URL_HOST.exec(url.hostname)?.[1];
  if (hostRegion && descriptor.region && hostRegion !== descriptor.region) {
    problems.push(`${where}.region: "${descriptor.region}" disagrees with the region in functionURL (${hostRegion})`);
  }
  const region = hostRegion ?? descriptor.region ?? env('AWS_REGION') ?? env('AWS_DEFAULT_REGION');
  if (!region)
    problems.push(`${where}.region: required (functionURL is not a *.lambda-url.<region>.on.aws host and neither AWS_REGION nor AWS_DEFAULT_REGION is set)`);
  if (problems.length > 0 || !region) throw new ConfigError(problems);

  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const streaming = descriptor.invocationMode === 'ResponseStream' ? { ...(descriptor.streaming ?? v.parse(StreamingSchema, {})), url: base } : undefined;
  return {
    functionId: descriptor.functionURL,
    qualifier: undefined,
    region,
    accountId: undefined,
    invocationType: 'RequestResponse',
    payloadMode: 'passthrough',
    functionErrorMode: descriptor.functionErrorMode,
    invokeUrl: base,
    timeoutMs: descriptor.timeoutMs,
    auth: descriptor.auth,
    streaming,
    functionUrl: { base, authType: descriptor.urlAuthType ?? 'AWS_IAM', region },
  };
}
