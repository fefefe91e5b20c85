import { describe, expect, it } from 'vitest';
import { backendYaml, configErrorOf, guideRule, httpRouteYaml, translateYaml } from './manifest-test-support.ts';

const ANNOTATED = (value: string) => `metadata:\n  annotations:\n    lambda-gateway.io/invocation-mode: ${value}\n  name: lambda`;

function kgateway(value: string, aws?: string): string {
  return `${backendYaml(aws).replace('metadata:\n  name: lambda', ANNOTATED(value))}---\n${httpRouteYaml(guideRule())}`;
}

const UPSTREAM = (value: string, invocationStyle = '') => `apiVersion: gloo.solo.io/v1
kind: Upstream
metadata:
  name: aws-upstream
  namespace: gloo-system
  annotations: { lambda-gateway.io/invocation-mode: ${value} }
spec:
  aws:
    region: us-east-1
    awsAccountId: "222222222222"
    lambdaFunctions: [{ lambdaFunctionName: stream, logicalName: stream }]
---
apiVersion: gateway.solo.io/v1
kind: VirtualService
metadata: { name: vs, namespace: gloo-system }
spec:
  virtualHost:
    routes:
    - matchers: [{ prefix: /stream }]
      routeAction:
        single:
          upstream: { name: aws-upstream, namespace: gloo-system }
          destinationSpec: { aws: { logicalName: stream${invocationStyle} } }
`;

describe('lambda-gateway.io/invocation-mode annotation', () => {
  it('kgateway Backend: ResponseStream', () => {
    expect(translateYaml(kgateway('ResponseStream')).routes[0]!.backend).toMatchObject({ functionName: 'echo', invocationMode: 'ResponseStream' });
  });

  it('Gloo Upstream: ResponseStream', () => {
    expect(translateYaml(UPSTREAM('ResponseStream')).routes[0]!.backend).toMatchObject({ functionName: 'stream', invocationMode: 'ResponseStream' });
  });

  it('refuses another value and asynchronous invocation, naming the annotation', () => {
    expect(configErrorOf(() => translateYaml(kgateway('Streaming')))).toContain(
      'Backend gloo-system/lambda: metadata.annotations["lambda-gateway.io/invocation-mode"]: must be ResponseStream (got "Streaming")',
    );
    const async = 'region: us-east-1\n    accountId: "222222222222"\n    lambda:\n      functionName: echo\n      invocationMode: Async';
    expect(configErrorOf(() => translateYaml(kgateway('ResponseStream', async)))).toContain('cannot be combined with asynchronous invocation');
    expect(configErrorOf(() => translateYaml(UPSTREAM('ResponseStream', ', invocationStyle: ASYNC')))).toContain(
      'cannot be combined with asynchronous invocation',
    );
  });
});
