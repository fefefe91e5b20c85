/** The deploy files stay in step with the gateway: the shipped ConfigMap's config compiles. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildRoutes, parseConfigText } from '../../packages/gateway/src/config/index.ts';
import { compileGateway } from '../../packages/gateway/src/core/index.ts';
import { createNodeRuntime } from '../../packages/gateway/src/adapters/node/node-runtime.ts';
import { silentLogger } from '../../packages/gateway/src/logging/index.ts';

const DEPLOY = resolve(import.meta.dirname, '../../deploy');

describe('deploy/kubernetes', () => {
  it('the ConfigMap holds a valid gateway config with both cross-account setups', async () => {
    const configMap = parse(await readFile(resolve(DEPLOY, 'kubernetes/configmap.yaml'), 'utf8')) as { data: Record<string, string> };
    const { routes } = buildRoutes(parseConfigText(configMap.data['gateway.yaml']!, 'configmap.yaml'));
    const env = { AWS_ROLE_ARN: 'arn:aws:iam::111111111111:role/lambda-auth-role', AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token', AWS_REGION: 'us-east-1' };
    const { table } = compileGateway({ routes, runtime: createNodeRuntime({ env, logger: silentLogger, secretsDir: '/etc/lambda-gateway/secrets' }) });
    expect(table.map((row) => [row.route, row.functionId, row.auth])).toEqual([
      ['echo-resource-based', 'arn:aws:lambda:us-east-1:222222222222:function:echo', 'secret aws-creds'],
      ['echo', 'arn:aws:lambda:us-east-1:222222222222:function:echo', 'assumeRole arn:aws:iam::222222222222:role/lambda-invoke-role'],
    ]);
  });

  it('the Deployment mounts the config and probes the health endpoints the gateway serves', async () => {
    const text = await readFile(resolve(DEPLOY, 'kubernetes/deployment.yaml'), 'utf8');
    expect(text).toContain('path: /readyz');
    expect(text).toContain('path: /healthz');
    expect(text).toContain('mountPath: /etc/lambda-gateway/secrets/aws-creds');
    const dockerfile = await readFile(resolve(DEPLOY, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('npm ci --omit=dev --ignore-scripts');
  });
});
