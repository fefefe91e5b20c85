import { describe, expect, it } from 'vitest';
import type { HttpTransport, OutboundRequest } from '../../invoke/index.ts';
import { createJsonLogger, silentLogger } from '../../logging/index.ts';
import { secretBindings } from './binding-secrets.ts';
import { buildWorkerGateway, workerHandler } from './worker-gateway.ts';

const NATIVE = `backends:
  echo:
    region: \${LAMBDA_REGION}
    accountId: "222222222222"
    functionName: echo
    auth: { type: secret, name: aws-creds }
routes:
  - { name: echo, matches: [{ path: { type: PathPrefix, value: /echo } }], backend: echo }
`;

const MANIFESTS = `apiVersion: gateway.kgateway.dev/v1alpha1
kind: Backend
metadata: { name: lambda, namespace: gloo-system }
spec:
  type: AWS
  aws:
    region: us-east-1
    accountId: "222222222222"
    lambda: { functionName: echo, payloadTransformMode: None }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: lambda, namespace: gloo-system }
spec:
  rules:
    - matches: [{ path: { type: PathPrefix, value: /manifest-echo } }]
      backendRefs: [{ name: lambda, kind: Backend, group: gateway.kgateway.dev }]
`;

const CREDS = secretBindings('aws-creds', { accessKey: 'AKIAWORKERTEST000001', secretKey: 'secret/0000000000000000000000000000000' });

function recorder(): { sent: OutboundRequest[]; transport: HttpTransport } {
  const sent: OutboundRequest[] = [];
  return {
    sent,
    transport: {
      async send(request) {
        sent.push(request);
        return { status: 200, headers: new Headers({ 'content-type': 'application/json' }), bytes: async () => new TextEncoder().encode('"ok"') };
      },
    },
  };
}

describe('buildWorkerGateway', () => {
  it('builds the gateway from bundled texts, ${NAME} expanded from the bindings, signing with secret bindings', async () => {
    const { sent, transport } = recorder();
    const { gateway } = buildWorkerGateway({
      configFiles: [{ source: 'routes/echo.yaml', text: NATIVE }],
      env: { LAMBDA_REGION: 'eu-west-1', ...CREDS },
      transport,
      logger: silentLogger,
    });
    const response = await workerHandler(gateway).fetch(
      new Request('http://worker/echo', { method: 'POST', body: '{}' }),
      {},
      { waitUntil() {}, passThroughOnException() {}, props: {} },
    );
    expect(response.status).toBe(200);
    expect(sent[0]!.url).toBe(
      'https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/arn%3Aaws%3Alambda%3Aeu-west-1%3A222222222222%3Afunction%3Aecho/invocations',
    );
    expect(sent[0]!.headers.get('authorization')).toContain('Credential=AKIAWORKERTEST000001/');
  });

  it('takes Kubernetes manifests too (one path for config files, manifests and code) and logs their warnings', () => {
    const lines: string[] = [];
    const { gateway, config } = buildWorkerGateway({
      configFiles: [{ source: 'k8s/lambda.yaml', text: MANIFESTS }],
      env: {},
      logger: createJsonLogger((line) => lines.push(line)),
    });
    expect(gateway.table.map((row) => [row.route, row.functionId])).toEqual([
      ['HTTPRoute gloo-system/lambda rules[0]', 'arn:aws:lambda:us-east-1:222222222222:function:echo'],
    ]);
    expect(lines.filter((line) => line.includes('config warning'))).toHaveLength(config.warnings.length);
  });

  it('reports configuration errors with the file and field, as `serve` does', () => {
    expect(() =>
      buildWorkerGateway({
        configFiles: [{ source: 'routes/echo.yaml', text: NATIVE.replace('"222222222222"', '"2222"') }],
        env: { LAMBDA_REGION: 'us-east-1' },
      }),
    ).toThrow('routes/echo.yaml: backends.echo.accountId: must be a 12-digit AWS account id');
    expect(() => buildWorkerGateway({ configFiles: [{ source: 'routes/echo.yaml', text: NATIVE }], env: {} })).toThrow(
      'routes/echo.yaml: line 3: environment variable LAMBDA_REGION is not set',
    );
    expect(() => buildWorkerGateway({ configFiles: [], env: {} })).toThrow('no configuration documents found');
  });
});
