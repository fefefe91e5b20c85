import { signRequest, type SigV4Crypto } from '../sigv4.ts';
import { fetchTransport, type HttpTransport } from '../http.ts';
import type { StsLocation } from './location.ts';
import type { StsSession } from './xml.ts';
import type { AwsCredentials } from '../credentials.ts';

/** STS answers in well under a second; past this, give up and let the caller's backoff retry. */
const DEFAULT_TIMEOUT_MS = 5_000;
const STS_API_VERSION = '2011-06-15';

/** RoleSessionName when none is configured: it shows in CloudTrail and in the session ARN. */
export const DEFAULT_ROLE_SESSION_NAME = 'lambda-gateway';

export interface StsClientOptions {
  location: StsLocation;
  /** Default: the Web `fetch` (STS calls are rare; the runtime's pooled Lambda transport is not needed). */
  transport?: HttpTransport | undefined;
  /** Synchronous SigV4 hashing where the runtime has it. */
  crypto?: SigV4Crypto | undefined;
  timeoutMs?: number | undefined;
}

export interface AssumeRoleParams {
  roleArn: string;
  roleSessionName: string;
  externalId?: string | undefined;
  durationSeconds?: number | undefined;
}

export interface AssumeRoleWithWebIdentityParams {
  roleArn: string;
  roleSessionName: string;
  /** The OIDC token; sent in the form body only, never logged or put in an error. */
  webIdentityToken: string;
  durationSeconds?: number | undefined;
}

/**
 * A failed STS call: the service's error code and message (which name the
 * caller and role, never a key or token), or a network failure / timeout
 * (`code` `NetworkError` / `Timeout`, `status` 0).
 */
export class StsError extends Error {
  constructor(
    readonly action: string,
    readonly code: string,
    readonly status: number,
    readonly detail: string,
    options: { cause?: unknown } = {},
  ) {
    super(`STS ${action} failed: ${code}${status ? ` (HTTP ${status})` : ''}: ${detail}`, options);
    this.name = 'StsError';
  }
}

/** The two STS actions the gateway needs, over `fetch` and aws4fetch so every runtime can use them. */
export interface StsClient {
  readonly location: StsLocation;
  /** `sts:AssumeRole`, SigV4-signed (service `sts`) with `credentials`. Throws StsError. */
  assumeRole(params: AssumeRoleParams, credentials: AwsCredentials): Promise<StsSession>;
  /** `sts:AssumeRoleWithWebIdentity`, unsigned: the token is the proof. Throws StsError. */
  assumeRoleWithWebIdentity(params: AssumeRoleWithWebIdentityParams): Promise<StsSession>;
}

/** An STS client for one endpoint and region (query protocol: form POST to `/`, XML back). */
export function createStsClient(options: StsClientOptions): StsClient {
  const transport = options.transport ?? fetchTransport;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const url = `${options.location.endpoint}/`;

  async function call(action: string, form: Record<string, string | undefined>, credentials?: AwsCredentials): Promise<StsSession> {
    const params = new URLSearchParams({ Action: action, Version: STS_API_VERSION });
    for (const [name, value] of Object.entries(form)) if (value !== undefined) params.set(name, value);
    const body = params.toString();
    let headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' });
    if (credentials)
      headers = await signRequest(credentials, { service: 'sts', region: options.location.region }, { url, method: 'POST', headers, body }, options.crypto);

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let status: number;
    let text: string;
    try {
      const response = await transport.send({ url, method: 'POST', headers, body: new TextEncoder().encode(body), signal: controller.signal });
      status = response.status;
      text = new TextDecoder().decode(await response.bytes());
    } catch (error) {
      if (controller.signal.aborted)
        throw new StsError(action, 'Timeout', 0, `no answer from ${options.location.endpoint} within ${timeoutMs} ms`, { cause: error });
      throw new StsError(action, 'NetworkError', 0, `cannot reach ${options.location.endpoint}: ${networkDetail(error)}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
    // Loaded on the first answer: a gateway on static keys or secrets never calls STS, and the
    // XML parser with its dependencies is about 280 KB of source and 2 MB of resident memory.
    const { parseStsError, parseStsSession } = await import('./xml.ts');
    if (status === 200) {
      const session = parseStsSession(text);
      if (session) return session;
      throw new StsError(action, 'InvalidResponse', status, 'the answer holds no complete <Credentials>');
    }
    const parsed = parseStsError(text);
    throw new StsError(
      action,
      parsed?.code ?? 'UnexpectedResponse',
      status,
      parsed ? `${parsed.message}${parsed.requestId ? ` (request id ${parsed.requestId})` : ''}` : 'not an STS error document',
    );
  }

  return {
    location: options.location,
    assumeRole: (params, credentials) =>
      call(
        'AssumeRole',
        {
          RoleArn: params.roleArn,
          RoleSessionName: params.roleSessionName,
          ExternalId: params.externalId,
          DurationSeconds: params.durationSeconds === undefined ? undefined : String(params.durationSeconds),
        },
        credentials,
      ),
    assumeRoleWithWebIdentity: (params) =>
      call('AssumeRoleWithWebIdentity', {
        RoleArn: params.roleArn,
        RoleSessionName: params.roleSessionName,
        WebIdentityToken: params.webIdentityToken,
        DurationSeconds: params.durationSeconds === undefined ? undefined : String(params.durationSeconds),
      }),
  };
}

function networkDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause ? `${error.message} (${cause.code ?? cause.message ?? 'unknown'})` : error.message;
}
