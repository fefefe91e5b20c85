/** HTTPRoute filters applied by the real server, end to end through the local AWS. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAws } from '../../packages/local-aws/src/index.ts';
import { KEYS, startGatewayFromFiles, startTestAws, type GatewayUnderTest } from '../support/stack.ts';

const MANIFESTS = `apiVersion: v1
kind: Secret
metadata: { name: aws-creds, namespace: apps }
stringData: { accessKey: ${KEYS.gateway.accessKey}, secretKey: ${KEYS.gateway.secretKey} }
---
apiVersion: gateway.kgateway.dev/v1alpha1
kind: Backend
metadata: { name: envoy-app, namespace: apps }
spec:
  aws:
    region: us-east-1
    auth: { type: Secret, secretRef: { name: aws-creds } }
    lambda: { accountId: "222222222222", functionName: envoy-app, payloadTransformMode: Envoy }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: api, namespace: apps }
spec:
  rules:
    - matches: [{ path: { type: PathPrefix, value: /api } }]
      filters:
        - type: RequestHeaderModifier
          requestHeaderModifier: { set: [{ name: x-tenant, value: blue }], remove: [x-debug] }
        - type: URLRewrite
          urlRewrite: { path: { type: ReplacePrefixMatch, replacePrefixMatch: /v2 } }
        - type: ResponseHeaderModifier
          responseHeaderModifier: { add: [{ name: x-served-by, value: lambda-gateway }], remove: [x-from-function] }
      backendRefs:
        - { group: gateway.kgateway.dev, kind: Backend, name: envoy-app }
`;

let aws: LocalAws;
let gw: GatewayUnderTest;
let dir: string;

beforeAll(async () => {
  aws = await startTestAws();
  dir = await mkdtemp(join(tmpdir(), 'lambda-gateway-filters-'));
  await writeFile(join(dir, 'api.yaml'), MANIFESTS);
  gw = await startGatewayFromFiles({ aws, config: [dir] });
});

afterAll(async () => {
  await gw?.close();
  await aws?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('HTTPRoute filters', () => {
  it('rewrite the path and headers the function sees, and the response headers the client gets', async () => {
    const response = await fetch(`${gw.url}/api/items?id=7`, { headers: { 'x-tenant': 'red', 'x-debug': '1' } });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-served-by')).toBe('lambda-gateway');
    expect(response.headers.get('x-from-function')).toBeNull();
    const { received } = (await response.json()) as { received: { raw_path: string; headers: Record<string, string> } };
    expect(received.raw_path).toBe('/v2/items?id=7');
    expect(received.headers['x-tenant']).toBe('blue');
    expect(received.headers['x-debug']).toBeUndefined();
    expect(gw.gateway.table[0]!.filters).toEqual(['RequestHeaderModifier', 'URLRewrite', 'ResponseHeaderModifier']);
  });
});
