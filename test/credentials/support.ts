/**
 * Helpers for the credential suites: the guide's IRSA scenario, web identity
 * token files the way the kubelet projects them, and a check that no secret
 * ever reaches a log line or a response.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { loadScenario, startLocalAws, type LocalAws } from '../../packages/local-aws/src/index.ts';
import { startGateway, type GatewayUnderTest } from '../support/stack.ts';

export const CREDENTIALS_SCENARIO = resolve(import.meta.dirname, '../fixtures/credentials-scenario.yaml');
export const AUTH_ROLE = 'arn:aws:iam::111111111111:role/lambda-auth-role';
export const INVOKE_ROLE = 'arn:aws:iam::222222222222:role/lambda-invoke-role';
export const EXTERNAL_ID_ROLE = 'arn:aws:iam::222222222222:role/external-id-role';
export const UNTRUSTING_ROLE = 'arn:aws:iam::222222222222:role/untrusting-role';
export const DIRECT_ROLE = 'arn:aws:iam::222222222222:role/irsa-direct-role';
export const POD_INVOKE_ROLE = 'arn:aws:iam::222222222222:role/pod-invoke-role';
/** The guide's gateway service account (role-1.json's `sub` condition). */
export const GATEWAY_SERVICE_ACCOUNT = 'system:serviceaccount:gloo-system:http';
export const POD_IDENTITY_TOKEN = 'local-pod-identity-token-for-tests';
export const USER_KEYS = { accessKeyId: 'AKIACREDTESTUSER0001', secretAccessKey: 'credTestUserSecret/0000000000000000000000' };

/** A native config: one route per entry, `path` → function echo in the Lambda account with `auth`. */
export function routesConfig(routes: Record<string, Record<string, unknown>>): string {
  const backends: Record<string, unknown> = {};
  const list: unknown[] = [];
  for (const [path, auth] of Object.entries(routes)) {
    const name = path.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root';
    backends[name] = { region: 'us-east-1', accountId: '222222222222', functionName: 'echo', auth };
    list.push({ name, matches: [{ path: { type: 'PathPrefix', value: path } }], backend: name });
  }
  return JSON.stringify({ backends, routes: list });
}

/** The local AWS on the credentials scenario; `lifetimeSeconds` shortens every issued credential. */
export async function startCredentialsAws(options: { lifetimeSeconds?: number; log?: (entry: Record<string, unknown>) => void } = {}): Promise<LocalAws> {
  if (options.lifetimeSeconds === undefined) return startLocalAws({ scenario: CREDENTIALS_SCENARIO, log: options.log });
  const scenario = await loadScenario(CREDENTIALS_SCENARIO);
  return startLocalAws({ scenario: { ...scenario, sts: { credentialLifetimeSeconds: options.lifetimeSeconds } }, log: options.log });
}

/** A projected service-account token file, rewritten in place like the kubelet does. */
export interface TokenFile {
  path: string;
  /** Mints a new token (default: the guide's service account, valid 1 h) and rewrites the file; returns the token. */
  rotate(options?: { sub?: string; expiresInSeconds?: number }): Promise<string>;
  remove(): Promise<void>;
}

export async function webIdentityTokenFile(aws: LocalAws, options: { sub?: string; expiresInSeconds?: number } = {}): Promise<TokenFile> {
  const dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-irsa-'));
  const path = join(dir, 'token');
  const file: TokenFile = {
    path,
    async rotate(next = {}) {
      const token = await aws.mintWebIdentityToken({ sub: next.sub ?? GATEWAY_SERVICE_ACCOUNT, expiresInSeconds: next.expiresInSeconds });
      await writeFile(path, token);
      return token;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
  await file.rotate(options);
  return file;
}

/** The environment the EKS pod identity webhook injects for IRSA. */
export function irsaEnv(tokenFile: TokenFile, roleArn = AUTH_ROLE): Record<string, string> {
  return { AWS_ROLE_ARN: roleArn, AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile.path };
}

/**
 * Collects what a suite's gateways wrote and answered, and every token it
 * handed them, for expectNoSecrets. One per test file.
 */
export class SecretWatch {
  readonly #gateways: GatewayUnderTest[] = [];
  readonly #bodies: string[] = [];
  readonly #tokens = new Set<string>();
  readonly #awsInstances = new Set<LocalAws>();

  /** Starts a gateway (see startGateway) whose logs are watched. */
  async gateway(options: Parameters<typeof startGateway>[0]): Promise<GatewayUnderTest> {
    this.#awsInstances.add(options.aws);
    const gateway = await startGateway(options);
    this.#gateways.push(gateway);
    return gateway;
  }

  /** Records a response body (after reading it) and returns it. */
  body(text: string): string {
    this.#bodies.push(text);
    return text;
  }

  /** Remembers a token handed to a gateway (a web identity JWT, a pod identity token). */
  token(token: string): string {
    this.#tokens.add(token);
    return token;
  }

  /** Asserts no issued secret key, session token or handed-in token appears in any log line or response body. */
  expectNoSecrets(): void {
    const text = [...this.#gateways.flatMap((gateway) => gateway.logs), ...this.#bodies].join('\n');
    expect(text.length).toBeGreaterThan(0);
    const secrets = [...this.#tokens, USER_KEYS.secretAccessKey, POD_IDENTITY_TOKEN];
    for (const aws of this.#awsInstances) {
      for (const issued of aws.issuedCredentials()) secrets.push(issued.secretAccessKey, issued.sessionToken);
    }
    expect(secrets.length).toBeGreaterThan(3);
    for (const secret of secrets) expect(text.includes(secret), `a secret (${secret.slice(0, 6)}…) leaked`).toBe(false);
    expect(text).not.toMatch(/eyJ[\w-]{8,}\.[\w-]{8,}\./);
    expect(text).not.toMatch(/IQoJbG9jYWwtYXdz/);
  }
}
