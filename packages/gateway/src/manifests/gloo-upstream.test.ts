import { describe, expect, it } from 'vitest';
import { configErrorOf, httpRouteYaml, translateYaml } from './manifest-test-support.ts';

const UPSTREAM = 'm.yaml: Upstream gloo-system/aws-upstream: ';

/** The Gloo Edge guide's Upstream with `aws` as its `spec.aws` body. */
function upstreamYaml(aws: string): string {
  return `apiVersion: gloo.solo.io/v1
kind: Upstream
metadata:
  name: aws-upstream
  namespace: gloo-system
spec:
  aws:
${aws}
`;
}

const FUNCTIONS = '    lambdaFunctions:\n    - lambdaFunctionName: target-name\n      logicalName: target-name';

/** A VirtualService routing /echo to the upstream's `logicalName`, with `aws` extra destinationSpec lines. */
function virtualServiceYaml(aws = ''): string {
  return `apiVersion: gateway.solo.io/v1
kind: VirtualService
metadata:
  name: aws-lambda
  namespace: gloo-system
spec:
  virtualHost:
    routes:
    - matchers: [{ prefix: /echo }]
      routeAction:
        single:
          upstream: { name: aws-upstream, namespace: gloo-system }
          destinationSpec:
            aws:
              logicalName: target-name${aws}
`;
}

function descriptorFor(aws: string, destination = '') {
  return translateYaml(`${upstreamYaml(aws)}---\n${virtualServiceYaml(destination)}`).routes[0]!.backend!;
}

describe('Gloo Edge Upstream → backend descriptor', () => {
  it('roleArn: role chaining from the ambient credentials, the function by bare name (resolved in the role account)', () => {
    expect(descriptorFor(`    region: us-east-1\n    roleArn: arn:aws:iam::123456789012:role/lambda-role\n${FUNCTIONS}`)).toEqual({
      functionName: 'target-name',
      region: 'us-east-1',
      invocationMode: 'Sync',
      payloadMode: 'passthrough',
      auth: { type: 'assumeRole', roleArn: 'arn:aws:iam::123456789012:role/lambda-role' },
    });
  });

  it('secretRef + awsAccountId: the named secret, the ARN built with the account (resource-based)', () => {
    expect(
      descriptorFor(`    region: us-east-1\n    secretRef: { name: aws-creds, namespace: gloo-system }\n    awsAccountId: "123456789012"\n${FUNCTIONS}`),
    ).toEqual({
      functionName: 'target-name',
      accountId: '123456789012',
      region: 'us-east-1',
      invocationMode: 'Sync',
      payloadMode: 'passthrough',
      auth: { type: 'secret', name: 'aws-creds' },
    });
  });

  it('secretRef + roleArn: role chaining from the secret; disableRoleChaining is passed on', () => {
    expect(
      descriptorFor(`    region: us-east-1\n    secretRef: { name: aws-creds }\n    roleArn: arn:aws:iam::123456789012:role/lambda-role\n${FUNCTIONS}`).auth,
    ).toEqual({
      type: 'assumeRole',
      roleArn: 'arn:aws:iam::123456789012:role/lambda-role',
      source: { type: 'secret', name: 'aws-creds' },
    });
    expect(
      descriptorFor(`    region: us-east-1\n    roleArn: arn:aws:iam::123456789012:role/lambda-role\n    disableRoleChaining: true\n${FUNCTIONS}`).auth,
    ).toEqual({
      type: 'assumeRole',
      roleArn: 'arn:aws:iam::123456789012:role/lambda-role',
      disableRoleChaining: true,
    });
  });

  it('neither: the ambient credentials; the qualifier is kept', () => {
    const descriptor = descriptorFor(
      '    region: eu-west-1\n    lambdaFunctions:\n    - { lambdaFunctionName: target-name, logicalName: target-name, qualifier: live }',
    );
    expect(descriptor).toMatchObject({ region: 'eu-west-1', qualifier: 'live', auth: { type: 'ambient' } });
  });

  it('applies destinationOverrides (only the truthy fields override)', () => {
    const aws = `    region: us-east-1\n${FUNCTIONS}\n    destinationOverrides: { invocationStyle: ASYNC, unwrapAsApiGateway: false }`;
    expect(descriptorFor(aws, '\n              unwrapAsApiGateway: true\n              wrapAsApiGateway: true')).toMatchObject({
      invocationMode: 'Async',
      payloadMode: 'apigateway-v1',
    });
  });

  it('warns about Envoy cluster settings it does not use and a disableRoleChaining without role', () => {
    const yaml = `${upstreamYaml(`    region: us-east-1\n    disableRoleChaining: true\n${FUNCTIONS}`)}`.replace('spec:\n', 'spec:\n  useHttp2: true\n');
    expect(translateYaml(yaml).warnings).toEqual([
      `${UPSTREAM}spec.useHttp2: not supported by lambda-gateway; ignored`,
      `${UPSTREAM}spec.aws.disableRoleChaining: has no effect without roleArn`,
    ]);
  });
});

describe('Gloo Edge Upstream validation', () => {
  const cases: Array<[string, string, string]> = [
    ['region required', FUNCTIONS, 'spec.aws.region: is required'],
    ['region pattern', `    region: US\n${FUNCTIONS}`, 'spec.aws.region: must be an AWS region such as us-east-1'],
    ['awsAccountId pattern', `    region: us-east-1\n    awsAccountId: "1234"\n${FUNCTIONS}`, 'spec.aws.awsAccountId: must be a 12-digit AWS account id'],
    [
      'awsAccountId quoted',
      `    region: us-east-1\n    awsAccountId: 123456789012\n${FUNCTIONS}`,
      'spec.aws.awsAccountId: must be a string (quote it in YAML: "123456789012")',
    ],
    [
      'roleArn pattern',
      `    region: us-east-1\n    roleArn: arn:aws:iam::123456789012:user/x\n${FUNCTIONS}`,
      'spec.aws.roleArn: must be an IAM role ARN in the aws partition (arn:aws:iam::123456789012:role/name)',
    ],
    ['secretRef name', `    region: us-east-1\n    secretRef: { namespace: gloo-system }\n${FUNCTIONS}`, 'spec.aws.secretRef.name: is required'],
    ['disableRoleChaining type', `    region: us-east-1\n    disableRoleChaining: "yes"\n${FUNCTIONS}`, 'spec.aws.disableRoleChaining: must be true or false'],
    [
      'disableRoleChaining with a secret',
      `    region: us-east-1\n    roleArn: arn:aws:iam::123456789012:role/r\n    secretRef: { name: aws-creds }\n    disableRoleChaining: true\n${FUNCTIONS}`,
      'spec.aws: disableRoleChaining assumes roleArn with the web identity token directly; it cannot be combined with secretRef',
    ],
    [
      'function name',
      '    region: us-east-1\n    lambdaFunctions:\n    - lambdaFunctionName: "my function"',
      'spec.aws.lambdaFunctions[0].lambdaFunctionName: must be a Lambda function name: 1-64 characters of [A-Za-z0-9-_]',
    ],
    [
      'function name required',
      '    region: us-east-1\n    lambdaFunctions:\n    - logicalName: x',
      'spec.aws.lambdaFunctions[0].lambdaFunctionName: is required',
    ],
    [
      'qualifier',
      '    region: us-east-1\n    lambdaFunctions:\n    - { lambdaFunctionName: f, qualifier: "a.b" }',
      'spec.aws.lambdaFunctions[0].qualifier: must be $LATEST, a version number or an alias name [A-Za-z0-9-_]{1,128}',
    ],
    [
      'logical names unique',
      '    region: us-east-1\n    lambdaFunctions:\n    - { lambdaFunctionName: f, logicalName: x }\n    - { lambdaFunctionName: g, logicalName: x }',
      'spec.aws.lambdaFunctions[1].logicalName: "x" is used twice (also by lambdaFunctions[0])',
    ],
    [
      'unknown aws field',
      `    region: us-east-1\n    roleARN: arn:aws:iam::123456789012:role/r\n${FUNCTIONS}`,
      'spec.aws.roleARN: unknown field (allowed: region, secretRef, lambdaFunctions, roleArn, awsAccountId, disableRoleChaining, destinationOverrides)',
    ],
    [
      'destinationOverrides',
      `    region: us-east-1\n${FUNCTIONS}\n    destinationOverrides: { invocationStyle: async }`,
      'spec.aws.destinationOverrides.invocationStyle: must be one of SYNC, ASYNC (got "async")',
    ],
  ];
  it.each(cases)('%s', (_rule, aws, message) => {
    expect(configErrorOf(() => translateYaml(upstreamYaml(aws)))).toBe(`${UPSTREAM}${message}`);
  });

  it('accepts a non-Lambda Upstream, but a route to it is an error naming both', () => {
    const kube =
      'apiVersion: gloo.solo.io/v1\nkind: Upstream\nmetadata: { name: aws-upstream, namespace: gloo-system }\nspec:\n  kube: { serviceName: httpbin, serviceNamespace: default, servicePort: 8000 }\n';
    expect(translateYaml(kube).routes).toEqual([]);
    expect(configErrorOf(() => translateYaml(`${kube}---\n${virtualServiceYaml()}`))).toBe(
      'm.yaml (document 2): VirtualService gloo-system/aws-lambda: spec.virtualHost.routes[0].routeAction.single.upstream: Upstream gloo-system/aws-upstream is not an AWS Lambda upstream (spec.kube)',
    );
  });
});

describe('HTTPRoute backendRef to a Gloo Upstream', () => {
  const upstream = (functions: string) =>
    upstreamYaml(`    region: us-east-1\n    secretRef: { name: aws-creds }\n    awsAccountId: "123456789012"\n${functions}`);
  const ref = (filters = '') => `    - backendRefs:\n        - name: aws-upstream\n          group: gloo.solo.io\n          kind: Upstream${filters}`;
  const parameter = (name: string) =>
    `\n          filters:\n            - type: ExtensionRef\n              extensionRef: { group: gloo.solo.io, kind: Parameter, name: ${name} }`;
  const TWO = '    lambdaFunctions:\n    - { lambdaFunctionName: echo }\n    - { lambdaFunctionName: target-name, logicalName: target }';

  it('picks the function named by a Parameter ExtensionRef (Gloo Gateway), or the only one', () => {
    const named = translateYaml(`${upstream(TWO)}---\n${httpRouteYaml(ref(parameter('target')))}`).routes[0]!;
    expect(named).toMatchObject({
      backendName: 'Upstream gloo-system/aws-upstream target',
      backend: { functionName: 'target-name', accountId: '123456789012', auth: { type: 'secret', name: 'aws-creds' } },
    });
    expect(named.filters).toBeUndefined();
    expect(translateYaml(`${upstream(FUNCTIONS)}---\n${httpRouteYaml(ref())}`).routes[0]!.backend).toMatchObject({ functionName: 'target-name' });
  });

  it('names the route field when the function is ambiguous or unknown', () => {
    const at = 'm.yaml (document 2): HTTPRoute gloo-system/lambda: spec.rules[0].backendRefs[0]: ';
    expect(configErrorOf(() => translateYaml(`${upstream(TWO)}---\n${httpRouteYaml(ref())}`))).toBe(
      `${at}Upstream gloo-system/aws-upstream has 2 Lambda functions (echo, target): name one by its logicalName`,
    );
    expect(configErrorOf(() => translateYaml(`${upstream(TWO)}---\n${httpRouteYaml(ref(parameter('nope')))}`))).toBe(
      `${at}Upstream gloo-system/aws-upstream has no Lambda function with logicalName "nope" (it has: echo, target)`,
    );
    expect(configErrorOf(() => translateYaml(`${upstream('')}---\n${httpRouteYaml(ref())}`))).toBe(
      `${at}Upstream gloo-system/aws-upstream lists no lambdaFunctions`,
    );
    // A missing Upstream is an unresolved backendRef (500), as the Gateway API requires.
    expect(translateYaml(httpRouteYaml(ref())).warnings).toContain(
      'm.yaml: HTTPRoute gloo-system/lambda: spec.rules[0].backendRefs[0]: Upstream gloo-system/aws-upstream not found: its requests are answered 500',
    );
  });
});
