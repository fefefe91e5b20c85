/**
 * Helpers shared by the local AWS's own tests (not a test file itself).
 * Requests are signed by aws4fetch, the signer the gateway uses, so every
 * test doubles as a check that aws4fetch and @smithy/signature-v4 agree.
 */
import { AwsClient } from 'aws4fetch';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { bundledScenarioPath } from './fixture-paths.ts';

export const TEST_SCENARIO = bundledScenarioPath('test-scenario.yaml');
export const GUIDE_SCENARIO = bundledScenarioPath('guide-scenario.yaml');

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Keys from test-scenario.yaml. */
export const KEYS = {
  gateway: { accessKeyId: 'AKIAGATEWAY000000001', secretAccessKey: 'gateway-secret-0000000000000000000000000' },
  noperms: { accessKeyId: 'AKIANOPERMS000000001', secretAccessKey: 'noperms-secret-0000000000000000000000000' },
  ci: { accessKeyId: 'AKIACI00000000000001', secretAccessKey: 'ci-secret-00000000000000000000000000000000' },
  assumer: { accessKeyId: 'AKIAASSUMER000000001', secretAccessKey: 'assumer-secret-000000000000000000000000' },
  denied: { accessKeyId: 'AKIADENIED0000000001', secretAccessKey: 'denied-secret-0000000000000000000000000' },
  owner: { accessKeyId: 'AKIAOWNER00000000001', secretAccessKey: 'owner-secret-00000000000000000000000000' },
  outsider: { accessKeyId: 'AKIAOUTSIDER00000001', secretAccessKey: 'outsider-secret-00000000000000000000000' },
} satisfies Record<string, Credentials>;

export const LAMBDA_ACCOUNT = '222222222222';
export const AUTH_ACCOUNT = '111111111111';

/** Full ARN of a function in the Lambda account. */
export const fnArn = (name: string, qualifier?: string, region = 'us-east-1', account = LAMBDA_ACCOUNT): string =>
  `arn:aws:lambda:${region}:${account}:function:${name}${qualifier === undefined ? '' : `:${qualifier}`}`;

/** The Invoke URL with the function name percent-encoded into the path, as the gateway sends it. */
export function invokeUrl(baseUrl: string, functionName: string, query = ''): string {
  return `${baseUrl}/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations${query}`;
}

/** An aws4fetch client that never retries (its default of 10 retries would re-invoke functions). */
export function signer(credentials: Credentials, service: 'lambda' | 'sts' = 'lambda', region = 'us-east-1'): AwsClient {
  return new AwsClient({ ...credentials, service, region, retries: 0 });
}

export interface InvokeOptions {
  region?: string;
  headers?: Record<string, string>;
  query?: string;
  /** Overrides X-Amz-Date (e.g. to simulate a skewed client clock). */
  datetime?: string;
}

/** Signs and sends an Invoke request with aws4fetch. */
export function invoke(baseUrl: string, credentials: Credentials, functionName: string, payload = '{}', options: InvokeOptions = {}): Promise<Response> {
  const client = signer(credentials, 'lambda', options.region ?? 'us-east-1');
  return client.fetch(invokeUrl(baseUrl, functionName, options.query), {
    method: 'POST',
    body: payload,
    headers: options.headers ?? {},
    ...(options.datetime ? { aws: { datetime: options.datetime } } : {}),
  });
}

/** Signs and sends an STS query-protocol request (form POST to `/`). */
export function stsCall(
  baseUrl: string,
  credentials: Credentials,
  params: Record<string, string>,
  options: { region?: string; datetime?: string } = {},
): Promise<Response> {
  const client = signer(credentials, 'sts', options.region ?? 'us-east-1');
  return client.fetch(`${baseUrl}/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams({ Version: '2011-06-15', ...params }).toString(),
    ...(options.datetime ? { aws: { datetime: options.datetime } } : {}),
  });
}

/** Values stay strings (an account id is not a number); entities are decoded. */
const xmlParser = new XMLParser({ parseTagValue: false, ignoreAttributes: true });

/** Depth-first, in document order (STS never repeats a sibling element name). */
function firstText(node: unknown, tag: string): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  for (const [name, value] of Object.entries(node)) {
    if (name === tag && typeof value === 'string') return value;
    const found = firstText(value, tag);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Text of the first `<tag>` element in an STS XML document; throws if the document is not well-formed. */
export function xmlText(xml: string, tag: string): string | undefined {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML (${valid.err.msg}): ${xml}`);
  return firstText(xmlParser.parse(xml), tag);
}

/** AssumeRole through aws4fetch; returns the issued credentials (throws with the XML on failure). */
export async function assumeRole(
  baseUrl: string,
  credentials: Credentials,
  roleArn: string,
  extra: Record<string, string> = {},
): Promise<Required<Credentials> & { expiration: string; arn: string }> {
  const response = await stsCall(baseUrl, credentials, { Action: 'AssumeRole', RoleArn: roleArn, RoleSessionName: 'test-session', ...extra });
  const xml = await response.text();
  if (response.status !== 200) throw new Error(`AssumeRole ${roleArn} failed: ${response.status} ${xml}`);
  return {
    accessKeyId: xmlText(xml, 'AccessKeyId')!,
    secretAccessKey: xmlText(xml, 'SecretAccessKey')!,
    sessionToken: xmlText(xml, 'SessionToken')!,
    expiration: xmlText(xml, 'Expiration')!,
    arn: xmlText(xml, 'Arn')!,
  };
}

/** Polls until `predicate` holds (for work that runs after the response, like Event invocations). */
export async function eventually(predicate: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Formats a time as X-Amz-Date. */
export const amzDate = (epochMs: number): string => new Date(epochMs).toISOString().replace(/[-:]|\.\d{3}/g, '');

/** The error a promise rejects with (fails the test if it resolves). */
export function rejectionOf(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  return promise.then(
    () => {
      throw new Error('expected the promise to reject');
    },
    (error: unknown) => error as Error & { $metadata?: { httpStatusCode?: number } },
  );
}
