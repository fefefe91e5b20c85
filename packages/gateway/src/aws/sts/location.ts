import type { EnvLookup } from '../env.ts';

/** Where and in which region the gateway calls STS. */
export interface StsLocation {
  /** Origin (and optional path) without a trailing slash, e.g. `https://sts.us-east-1.amazonaws.com`. */
  endpoint: string;
  /** Signing region, and the region of the default endpoint. */
  region: string;
}

/**
 * STS's region and endpoint, as the AWS SDKs choose them: `AWS_REGION`, else
 * `AWS_DEFAULT_REGION`, else us-east-1; `AWS_ENDPOINT_URL_STS`, else
 * `AWS_ENDPOINT_URL`, else the regional endpoint (what EKS's
 * `AWS_STS_REGIONAL_ENDPOINTS=regional` asks for; never the global one).
 */
export function stsLocation(env: EnvLookup): StsLocation {
  const region = env('AWS_REGION') || env('AWS_DEFAULT_REGION') || 'us-east-1';
  const endpoint = env('AWS_ENDPOINT_URL_STS') || env('AWS_ENDPOINT_URL') || `https://sts.${region}.amazonaws.com`;
  return { endpoint: endpoint.replace(/\/+$/, ''), region };
}
