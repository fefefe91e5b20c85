import { describe, expect, it } from 'vitest';
import { createGateway } from '../../core/index.ts';
import { CredentialCache, CredentialsUnavailableError } from '../../credentials/index.ts';
import { silentLogger } from '../../logging/index.ts';
import { ConfigError } from '../../validation/index.ts';
import { secretBindingPrefix, secretBindings } from './binding-secrets.ts';
import { createWorkerPlatform } from './worker-platform.ts';

const KEYS = { AWS_ACCESS_KEY_ID: 'AKIAWORKER0000000001', AWS_SECRET_ACCESS_KEY: 'workerSecret/000000000000000000000000000' };

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('createWorkerPlatform', () => {
  it('reads the environment from string bindings only, empty meaning unset', () => {
    const platform = createWorkerPlatform({ env: { AWS_REGION: 'eu-west-1', LOG_LEVEL: '', KV: { get() {} } } });
    expect(platform.env('AWS_REGION')).toBe('eu-west-1');
    expect(platform.env('LOG_LEVEL')).toBeUndefined();
    expect(platform.env('KV')).toBeUndefined();
  });

  it('takes static keys from bindings as the ambient credentials', async () => {
    const platform = createWorkerPlatform({ env: { ...KEYS, AWS_SESSION_TOKEN: 'tok' } });
    await expect(platform.credentials.forAuth({ type: 'ambient' }).getCredentials()).resolves.toEqual({
      accessKeyId: KEYS.AWS_ACCESS_KEY_ID,
      secretAccessKey: KEYS.AWS_SECRET_ACCESS_KEY,
      sessionToken: 'tok',
    });
  });

  it('without ambient credentials, ambient backends answer 503 (as on Node)', async () => {
    const platform = createWorkerPlatform({ env: {}, logger: silentLogger });
    await expect(platform.credentials.forAuth({ type: 'ambient' }).getCredentials()).rejects.toBeInstanceOf(CredentialsUnavailableError);
    const routes = [{ backend: { functionName: 'echo', accountId: '222222222222', region: 'us-east-1' } }];
    const response = await createGateway({ platform, routes, exposeErrorDetails: true }).request('/echo', { method: 'POST', body: '{}' });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: 'CredentialsUnavailable', source: 'ambient credentials' });
    // By default the body names nothing: no source, no reason.
    const redacted = await createGateway({ platform, routes }).request('/echo', { method: 'POST', body: '{}' });
    expect(Object.keys((await redacted.json()) as object).sort()).toEqual(['error', 'message', 'requestId']);
  });

  it('builds request contexts from the Request: the body, and the client address from CF-Connecting-IP', async () => {
    const platform = createWorkerPlatform({ env: {} });
    const request = new Request('http://worker/x', { method: 'POST', body: '{"a":1}', headers: { 'cf-connecting-ip': '203.0.113.7' } });
    const context = platform.requestContext(request, {});
    expect(context.peerAddress).toBe('203.0.113.7');
    expect(new TextDecoder().decode(await context.readBody(100))).toBe('{"a":1}');
    expect(platform.requestContext(new Request('http://worker/x'), {}).peerAddress).toBeUndefined();
  });

  it('reads auth: secret from SECRET_<NAME>_* bindings', async () => {
    expect(secretBindingPrefix('aws-creds')).toBe('SECRET_AWS_CREDS_');
    expect(secretBindingPrefix('team.a-creds')).toBe('SECRET_TEAM_A_CREDS_');
    const env = secretBindings('aws-creds', { accessKey: 'AKIASECRET0000000001', secretKey: 'sk', sessionToken: '' });
    expect(env).toEqual({ SECRET_AWS_CREDS_ACCESS_KEY: 'AKIASECRET0000000001', SECRET_AWS_CREDS_SECRET_KEY: 'sk' });
    const platform = createWorkerPlatform({ env });
    await expect(platform.credentials.forAuth({ type: 'secret', name: 'aws-creds' }).getCredentials()).resolves.toEqual({
      accessKeyId: 'AKIASECRET0000000001',
      secretAccessKey: 'sk',
      sessionToken: undefined,
    });
  });

  it('names the bindings it looked for when a secret is missing or partial, never a value', async () => {
    const platform = createWorkerPlatform({ env: { SECRET_HALF_ACCESS_KEY: 'AKIAHALF000000000001' } });
    const missing = await platform.credentials
      .forAuth({ type: 'secret', name: 'nope' })
      .getCredentials()
      .catch((e: Error) => e.message);
    expect(missing).toBe('credentials unavailable for secret nope: secret not found at bindings SECRET_NOPE_ACCESS_KEY / SECRET_NOPE_SECRET_KEY');
    const partial = await platform.credentials
      .forAuth({ type: 'secret', name: 'half' })
      .getCredentials()
      .catch((e: Error) => e.message);
    expect(partial).toContain('key "secretKey" is missing or empty in bindings SECRET_HALF_ACCESS_KEY / SECRET_HALF_SECRET_KEY');
    expect(partial).not.toContain('AKIAHALF');
  });

  it('lets Secret manifests from the bundled config win over secret bindings', async () => {
    const platform = createWorkerPlatform({
      env: secretBindings('aws-creds', { accessKey: 'FROM_BINDING', secretKey: 'b' }),
      manifestSecrets: { 'aws-creds': { accessKey: 'FROM_MANIFEST', secretKey: 'm' } },
    });
    expect((await platform.credentials.forAuth({ type: 'secret', name: 'aws-creds' }).getCredentials()).accessKeyId).toBe('FROM_MANIFEST');
  });

  it.each([
    [
      'AWS_WEB_IDENTITY_TOKEN_FILE',
      '/var/run/secrets/eks.amazonaws.com/serviceaccount/token',
      'web identity token files cannot be read in a worker (no filesystem): put the token itself in the AWS_WEB_IDENTITY_TOKEN binding',
    ],
    ['AWS_CONTAINER_CREDENTIALS_FULL_URI', 'http://169.254.170.23/v1/credentials', 'EKS Pod Identity / container credentials need the node-local agent'],
    [
      'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE',
      '/var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token',
      'EKS Pod Identity token files cannot be read in a worker',
    ],
    ['AWS_PROFILE', 'dev', 'profiles live in ~/.aws files, which a worker cannot read'],
  ])('fails at start-up when %s asks for what a worker cannot do', (name, value, reason) => {
    const error = configError(() => createWorkerPlatform({ env: { ...KEYS, [name]: value } }));
    expect(error.message).toContain(`worker credentials: ${name}: ${reason}`);
  });

  it('web identity: AWS_ROLE_ARN with the token in a binding is the ambient source (AssumeRoleWithWebIdentity over fetch)', () => {
    const platform = createWorkerPlatform({
      env: { AWS_WEB_IDENTITY_TOKEN: 'eyJ.token', AWS_ROLE_ARN: 'arn:aws:iam::111111111111:role/lambda-auth-role' },
      credentialCache: new CredentialCache(),
    });
    const ambient = platform.credentials.forAuth({ type: 'ambient' });
    expect(ambient.description).toBe('web identity arn:aws:iam::111111111111:role/lambda-auth-role');
    expect(ambient.roleArn).toBe('arn:aws:iam::111111111111:role/lambda-auth-role');
    expect(ambient.identity).not.toContain('eyJ.token');
  });

  it('half-configured web identity is a start-up error', () => {
    expect(configError(() => createWorkerPlatform({ env: { AWS_WEB_IDENTITY_TOKEN: 't' } })).message).toBe(
      'worker credentials: AWS_WEB_IDENTITY_TOKEN is set but AWS_ROLE_ARN is not: web identity needs the role to assume',
    );
    expect(configError(() => createWorkerPlatform({ env: { AWS_ROLE_ARN: 'arn:aws:iam::111111111111:role/r' } })).message).toBe(
      'worker credentials: AWS_ROLE_ARN is set but AWS_WEB_IDENTITY_TOKEN is not: web identity needs the token in a binding',
    );
  });

  it('static keys win over a web identity token (the AWS SDK order)', () => {
    const platform = createWorkerPlatform({ env: { ...KEYS, AWS_WEB_IDENTITY_TOKEN: 't', AWS_ROLE_ARN: 'arn:aws:iam::111111111111:role/r' } });
    expect(platform.credentials.forAuth({ type: 'ambient' }).description).toBe('environment (AWS_ACCESS_KEY_ID)');
  });

  it('role chaining (auth: assumeRole) on secret bindings or on the web identity', () => {
    const platform = createWorkerPlatform({
      env: {
        ...secretBindings('aws-creds', { accessKey: 'AKIABASE', secretKey: 'base' }),
        AWS_WEB_IDENTITY_TOKEN: 't',
        AWS_ROLE_ARN: 'arn:aws:iam::111111111111:role/lambda-auth-role',
      },
      credentialCache: new CredentialCache(),
    });
    const onSecret = platform.credentials.forAuth({
      type: 'assumeRole',
      roleArn: 'arn:aws:iam::222222222222:role/invoke',
      source: { type: 'secret', name: 'aws-creds' },
    });
    expect(onSecret.description).toBe('role arn:aws:iam::222222222222:role/invoke via secret aws-creds');
    const onWebIdentity = platform.credentials.forAuth({ type: 'assumeRole', roleArn: 'arn:aws:iam::222222222222:role/lambda-invoke-role' });
    expect(onWebIdentity.description).toBe(
      'role arn:aws:iam::222222222222:role/lambda-invoke-role via web identity arn:aws:iam::111111111111:role/lambda-auth-role',
    );
    // Gloo's disableRoleChaining: the role is assumed with the token directly.
    const direct = platform.credentials.forAuth({ type: 'assumeRole', roleArn: 'arn:aws:iam::222222222222:role/direct', disableRoleChaining: true });
    expect(direct.description).toBe('web identity arn:aws:iam::222222222222:role/direct');
  });

  it('rejects an unknown LOG_LEVEL', () => {
    expect(configError(() => createWorkerPlatform({ env: { LOG_LEVEL: 'loud' } })).message).toBe(
      'worker bindings: LOG_LEVEL: must be one of debug, info, warn, error, silent',
    );
  });
});
