import type { EnvLookup } from '../aws/env.ts';
import { ConfigError } from '../errors/index.ts';
import type { BackendAuth, BackendDescriptor } from './schema.ts';
import type { PayloadMode } from '../payload/types.ts';
import { resolveStreaming, type ResolvedStreaming } from './streaming.ts';
import { resolveFunctionUrlBackend, type ResolvedFunctionUrl } from './function-url.ts';

/** Everything needed to invoke one backend, computed once at configuration time. */
export interface ResolvedBackend {
  /** Full unqualified function ARN, or a bare name when no account is known (resolves in the caller's account). */
  functionId: string;
  qualifier: string | undefined;
  region: string;
  /** Account that owns the function, when known. */
  accountId: string | undefined;
  /** `RequestResponse` or `Event`, from the descriptor only. */
  invocationType: 'RequestResponse' | 'Event';
  payloadMode: PayloadMode;
  functionErrorMode: 'map' | 'passthrough';
  /** Invoke URL with the percent-encoded function id and `?Qualifier=` when set. */
  invokeUrl: string;
  timeoutMs: number;
  auth: BackendAuth;
  /** Set for `invocationMode: ResponseStream`: InvokeWithResponseStream instead of Invoke. */
  streaming?: ResolvedStreaming | undefined;
  /** Set for a `functionURL` backend: forwarded as HTTP (invoke/function-url-forward.ts) instead of invoked. */
  functionUrl?: ResolvedFunctionUrl | undefined;
}

interface ParsedFunctionName {
  name: string;
  region?: string;
  accountId?: string;
  qualifier?: string;
}

/**
 * Splits the four FunctionName forms Lambda accepts into their parts.
 * Returns undefined when the string is none of them.
 */
export function parseFunctionName(functionName: string): ParsedFunctionName | undefined {
  const full = /^arn:aws:lambda:([a-z0-9-]+):(\d{12}):function:([a-zA-Z0-9_-]{1,64})(?::([$a-zA-Z0-9_-]{1,128}))?$/.exec(functionName);
  if (full) return withQualifier({ region: full[1]!, accountId: full[2]!, name: full[3]! }, full[4]);
  const partial = /^(\d{12}):function:([a-zA-Z0-9_-]{1,64})(?::([$a-zA-Z0-9_-]{1,128}))?$/.exec(functionName);
  if (partial) return withQualifier({ accountId: partial[1]!, name: partial[2]! }, partial[3]);
  const bare = /^([a-zA-Z0-9_-]{1,64})(?::([$a-zA-Z0-9_-]{1,128}))?$/.exec(functionName);
  if (bare) return withQualifier({ name: bare[1]! }, bare[2]);
  return undefined;
}

function withQualifier(parsed: ParsedFunctionName, qualifier: string | undefined): ParsedFunctionName {
  return qualifier === undefined ? parsed : { ...parsed, qualifier };
}

/** `arn:aws:lambda:{region}:{accountId}:function:{name}` (unqualified). */
export function buildFunctionArn(region: string, accountId: string, name: string): string {
  return `arn:aws:lambda:${region}:${accountId}:function:${name}`;
}

/**
 * The Lambda endpoint, in the order the AWS SDKs use: the descriptor's
 * `endpointURL`, `AWS_ENDPOINT_URL_LAMBDA`, `AWS_ENDPOINT_URL`, then the public
 * regional endpoint.
 */
export function lambdaEndpoint(region: string, endpointURL: string | undefined, env: EnvLookup): string {
  const endpoint = endpointURL || env('AWS_ENDPOINT_URL_LAMBDA') || env('AWS_ENDPOINT_URL') || `https://lambda.${region}.amazonaws.com`;
  return endpoint.replace(/\/+$/, '');
}

/**
 * Turns a validated descriptor into the fixed facts of its Invoke call.
 * Conflicts (an ARN's account or region disagreeing with `accountId`/`region`,
 * two different qualifiers) are configuration errors, never silently resolved.
 *
 * @param where path prefix for error messages, e.g. `backends.echo`
 */
export function resolveBackend(descriptor: BackendDescriptor, env: EnvLookup, where = 'backend'): ResolvedBackend {
  if (descriptor.functionURL !== undefined || descriptor.urlAuthType !== undefined) return resolveFunctionUrlBackend(descriptor, env, where);
  if (descriptor.functionName === undefined) throw new ConfigError([`${where}.functionName: required (or functionURL for a Function URL backend)`]);
  const parsed = parseFunctionName(descriptor.functionName);
  if (!parsed) throw new ConfigError([`${where}.functionName: "${descriptor.functionName}" is not a function name, partial ARN or function ARN`]);
  const problems: string[] = [];
  if (parsed.region && descriptor.region && parsed.region !== descriptor.region) {
    problems.push(`${where}.region: "${descriptor.region}" disagrees with the region in functionName (${parsed.region})`);
  }
  if (parsed.accountId && descriptor.accountId && parsed.accountId !== descriptor.accountId) {
    problems.push(`${where}.accountId: "${descriptor.accountId}" disagrees with the account in functionName (${parsed.accountId})`);
  }
  if (parsed.qualifier && descriptor.qualifier && parsed.qualifier !== descriptor.qualifier) {
    problems.push(`${where}.qualifier: "${descriptor.qualifier}" disagrees with the qualifier in functionName (${parsed.qualifier})`);
  }
  const region = parsed.region ?? descriptor.region ?? env('AWS_REGION') ?? env('AWS_DEFAULT_REGION');
  if (!region) problems.push(`${where}.region: required (no region in functionName and neither AWS_REGION nor AWS_DEFAULT_REGION is set)`);
  if (problems.length > 0 || !region) throw new ConfigError(problems);

  const accountId = parsed.accountId ?? descriptor.accountId;
  const qualifier = parsed.qualifier ?? descriptor.qualifier;
  const functionId = accountId ? buildFunctionArn(region, accountId, parsed.name) : parsed.name;
  const endpoint = lambdaEndpoint(region, descriptor.endpointURL, env);
  const query = qualifier ? `?Qualifier=${encodeURIComponent(qualifier)}` : '';
  return {
    functionId,
    qualifier,
    region,
    accountId,
    invocationType: descriptor.invocationMode === 'Async' ? 'Event' : 'RequestResponse',
    payloadMode: descriptor.payloadMode,
    functionErrorMode: descriptor.functionErrorMode,
    invokeUrl: `${endpoint}/2015-03-31/functions/${encodeURIComponent(functionId)}/invocations${query}`,
    timeoutMs: descriptor.timeoutMs,
    auth: descriptor.auth,
    streaming: resolveStreaming(descriptor, endpoint, functionId, query, where),
  };
}
