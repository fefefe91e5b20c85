import { describe, expect, it } from 'vitest';
import { backendYaml, configErrorOf, guideRule, httpRouteYaml, translateYaml } from './manifest-test-support.ts';

const PREFIX = 'm.yaml: Backend gloo-system/lambda: ';

/** The descriptor of the guide's route to a Backend whose `spec.aws` is `aws`. */
function descriptorFor(aws: string) {
  return translateYaml(`${backendYaml(aws)}---\n${httpRouteYaml(guideRule())}`).routes[0]!.backend!;
}

function errorFor(aws: string): string {
  return configErrorOf(() => translateYaml(backendYaml(aws)));
}

describe('kgateway Backend → backend descriptor', () => {
  it("maps the guide's Backend with kgateway's defaults (us-east-1 region, $LATEST, Sync) and raw passthrough", () => {
    expect(descriptorFor('accountId: "222222222222"\n    lambda:\n      functionName: echo')).toEqual({
      functionName: 'echo',
      accountId: '222222222222',
      region: 'us-east-1',
      qualifier: '$LATEST',
      invocationMode: 'Sync',
      payloadMode: 'passthrough',
      auth: { type: 'ambient' },
    });
  });

  it('warns that an absent payloadTransformMode means None here, Envoy in kgateway', () => {
    expect(translateYaml(backendYaml()).warnings).toEqual([
      `${PREFIX}spec.aws.lambda.payloadTransformMode: not set: lambda-gateway sends the body as it is and returns the result as it is (None), as the Gloo Gateway guide shows; kgateway defaults to Envoy. Set it to None or Envoy to make the choice explicit`,
    ]);
  });

  it('lets lambda.accountId win over the deprecated aws.accountId', () => {
    expect(descriptorFor('accountId: "111111111111"\n    lambda:\n      accountId: "222222222222"\n      functionName: echo').accountId).toBe('222222222222');
  });

  it('maps every lambda field', () => {
    const descriptor = descriptorFor(
      'region: eu-west-1\n    lambda:\n      accountId: "222222222222"\n      functionName: echo\n      qualifier: live\n      invocationMode: Async\n      endpointURL: http://127.0.0.1:4566\n      payloadTransformMode: Envoy',
    );
    expect(descriptor).toMatchObject({
      region: 'eu-west-1',
      qualifier: 'live',
      invocationMode: 'Async',
      endpointURL: 'http://127.0.0.1:4566',
      payloadMode: 'envoy',
    });
    expect(descriptorFor('accountId: "222222222222"\n    lambda:\n      functionName: echo\n      payloadTransformMode: None').payloadMode).toBe('passthrough');
  });

  it('maps auth Secret to the named secret and AssumeRole to role chaining on the ambient credentials', () => {
    const lambda = 'accountId: "222222222222"\n    lambda:\n      functionName: echo';
    expect(descriptorFor(`${lambda}\n    auth:\n      type: Secret\n      secretRef: { name: aws-creds }`).auth).toEqual({ type: 'secret', name: 'aws-creds' });
    expect(
      descriptorFor(`${lambda}\n    auth:\n      type: AssumeRole\n      assumeRole: { roleArn: "arn:aws:iam::222222222222:role/lambda-invoke-role" }`).auth,
    ).toEqual({
      type: 'assumeRole',
      roleArn: 'arn:aws:iam::222222222222:role/lambda-invoke-role',
    });
  });
});

describe("kgateway Backend validation (kgateway's CRD rules and messages)", () => {
  const lambda = 'lambda:\n      functionName: echo';
  const cases: Array<[string, string, string]> = [
    ['aws.accountId pattern', `accountId: "22222222222x"\n    ${lambda}`, 'spec.aws.accountId: must be a 12-digit AWS account id (^[0-9]{12}$)'],
    ['aws.accountId max length', `accountId: "2222222222222"\n    ${lambda}`, 'spec.aws.accountId: must be at most 12 characters'],
    ['aws.accountId type', `accountId: 222222222222\n    ${lambda}`, 'spec.aws.accountId: must be a string (quote it in YAML: "123456789012")'],
    [
      'lambda.accountId pattern',
      'lambda:\n      accountId: "abc"\n      functionName: echo',
      'spec.aws.lambda.accountId: must be a 12-digit AWS account id (^[0-9]{12}$)',
    ],
    ['accountId required somewhere', lambda, 'spec.aws: accountId must be specified on aws or aws.lambda for lambda backends'],
    [
      'region pattern',
      `region: US-East-1\n    accountId: "222222222222"\n    ${lambda}`,
      'spec.aws.region: must be an AWS region such as us-east-1 (^[a-z0-9-]+$)',
    ],
    ['region max length', `region: ${'a'.repeat(64)}\n    accountId: "222222222222"\n    ${lambda}`, 'spec.aws.region: must be at most 63 characters'],
    ['region min length', `region: ""\n    accountId: "222222222222"\n    ${lambda}`, 'spec.aws.region: must not be empty'],
    [
      'functionName pattern (no ARNs)',
      'accountId: "222222222222"\n    lambda:\n      functionName: "arn:aws:lambda:us-east-1:222222222222:function:echo"',
      'spec.aws.lambda.functionName: must be a bare function name: 1-140 characters of [A-Za-z0-9-_] (^[A-Za-z0-9-_]{1,140}$)',
    ],
    [
      'functionName Lambda limit',
      `accountId: "222222222222"\n    lambda:\n      functionName: ${'f'.repeat(65)}`,
      'spec.aws.lambda.functionName: must be at most 64 characters: Lambda function names are 1-64 characters',
    ],
    ['functionName required', 'accountId: "222222222222"\n    lambda:\n      qualifier: live', 'spec.aws.lambda.functionName: is required'],
    [
      'qualifier pattern',
      `accountId: "222222222222"\n    ${lambda}\n      qualifier: "v1.2"`,
      'spec.aws.lambda.qualifier: must be $LATEST, a version number or an alias (^(\\$LATEST|[0-9]+|[A-Za-z0-9-_]{1,128})$)',
    ],
    [
      'invocationMode enum',
      `accountId: "222222222222"\n    ${lambda}\n      invocationMode: Event`,
      'spec.aws.lambda.invocationMode: must be one of Sync, Async (got "Event")',
    ],
    [
      'payloadTransformMode enum',
      `accountId: "222222222222"\n    ${lambda}\n      payloadTransformMode: ApiGateway`,
      'spec.aws.lambda.payloadTransformMode: must be one of None, Envoy (got "ApiGateway")',
    ],
    [
      'endpointURL pattern',
      `accountId: "222222222222"\n    ${lambda}\n      endpointURL: "ftp://x"`,
      'spec.aws.lambda.endpointURL: must be an http(s) URL (^https?://[-a-zA-Z0-9@:%.+~#?&/=]+$)',
    ],
    [
      'endpointURL max length',
      `accountId: "222222222222"\n    ${lambda}\n      endpointURL: "http://${'a'.repeat(2048)}"`,
      'spec.aws.lambda.endpointURL: must be at most 2048 characters',
    ],
    [
      'unknown lambda field',
      `accountId: "222222222222"\n    ${lambda}\n      timeout: 3`,
      'spec.aws.lambda.timeout: unknown field (allowed: accountId, endpointURL, functionName, invocationMode, qualifier, payloadTransformMode)',
    ],
    ['lambda xor ec2', 'accountId: "222222222222"\n    region: us-east-1', 'spec.aws: exactly one of the fields in [lambda ec2] must be set'],
    [
      'auth type enum',
      `accountId: "222222222222"\n    ${lambda}\n    auth: { type: IRSA }`,
      'spec.aws.auth.type: must be one of Secret, AssumeRole (got "IRSA")',
    ],
    ['auth type required', `accountId: "222222222222"\n    ${lambda}\n    auth: { secretRef: { name: aws-creds } }`, 'spec.aws.auth.type: is required'],
    [
      'secretRef needs type Secret',
      `accountId: "222222222222"\n    ${lambda}\n    auth:\n      type: AssumeRole\n      assumeRole: { roleArn: "arn:aws:iam::222222222222:role/r" }\n      secretRef: { name: aws-creds }`,
      "spec.aws.auth: secretRef must be nil if the type is not 'Secret'",
    ],
    [
      'type Secret needs secretRef',
      `accountId: "222222222222"\n    ${lambda}\n    auth: { type: Secret }`,
      "spec.aws.auth: secretRef must be specified when type is 'Secret'",
    ],
    [
      'assumeRole needs type AssumeRole',
      `accountId: "222222222222"\n    ${lambda}\n    auth:\n      type: Secret\n      secretRef: { name: aws-creds }\n      assumeRole: { roleArn: "arn:aws:iam::222222222222:role/r" }`,
      "spec.aws.auth: assumeRole must be nil if the type is not 'AssumeRole'",
    ],
    [
      'type AssumeRole needs assumeRole',
      `accountId: "222222222222"\n    ${lambda}\n    auth: { type: AssumeRole }`,
      "spec.aws.auth: assumeRole must be specified when type is 'AssumeRole'",
    ],
    [
      'roleArn pattern',
      `accountId: "222222222222"\n    ${lambda}\n    auth:\n      type: AssumeRole\n      assumeRole: { roleArn: "arn:aws:iam::2222:role/r" }`,
      'spec.aws.auth.assumeRole.roleArn: must be an IAM role ARN (^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$)',
    ],
    [
      'roleArn name characters',
      `accountId: "222222222222"\n    ${lambda}\n    auth:\n      type: AssumeRole\n      assumeRole: { roleArn: "arn:aws:iam::222222222222:role/a b" }`,
      'spec.aws.auth.assumeRole.roleArn: must be an IAM role ARN whose name (and path) use only [A-Za-z0-9+=,.@_/-]',
    ],
    [
      'secretRef name',
      `accountId: "222222222222"\n    ${lambda}\n    auth:\n      type: Secret\n      secretRef: { name: AWS_CREDS }`,
      'spec.aws.auth.secretRef.name: must be a lower-case RFC 1123 subdomain (a-z, 0-9, "-" and ".", starting and ending with a letter or digit)',
    ],
  ];
  it.each(cases)('%s', (_rule, aws, message) => {
    expect(errorFor(aws)).toBe(`${PREFIX}${message}`);
  });

  it('checks the spec: one backend type, matching the deprecated type field', () => {
    const spec = (body: string) =>
      configErrorOf(() =>
        translateYaml(`apiVersion: gateway.kgateway.dev/v1alpha1\nkind: Backend\nmetadata: { name: lambda, namespace: gloo-system }\nspec:\n${body}\n`),
      );
    expect(spec('  type: AWS\n  static: { hosts: [{ host: x, port: 80 }] }')).toBe(`${PREFIX}spec: aws backend must be specified when type is 'AWS'`);
    expect(spec('  type: Lambda')).toBe(`${PREFIX}spec.type: must be one of AWS, Static, DynamicForwardProxy, GCP (got "Lambda")`);
    expect(spec('  static: {}\n  gcp: {}')).toBe(`${PREFIX}spec: exactly one of the fields in [aws static dynamicForwardProxy gcp] must be set`);
  });

  it('accepts a non-Lambda Backend, but a route to it is an error naming both', () => {
    const staticBackend =
      'apiVersion: gateway.kgateway.dev/v1alpha1\nkind: Backend\nmetadata: { name: lambda, namespace: gloo-system }\nspec:\n  static: { hosts: [{ host: x, port: 80 }] }\n';
    expect(translateYaml(staticBackend).routes).toEqual([]);
    expect(configErrorOf(() => translateYaml(`${staticBackend}---\n${httpRouteYaml(guideRule())}`))).toBe(
      'm.yaml (document 2): HTTPRoute gloo-system/lambda: spec.rules[0].backendRefs[0]: Backend gloo-system/lambda is not an AWS Lambda backend (spec.static)',
    );
    const ec2 = backendYaml('ec2: {}');
    expect(configErrorOf(() => translateYaml(`${ec2}---\n${httpRouteYaml(guideRule())}`))).toBe(
      'm.yaml (document 2): HTTPRoute gloo-system/lambda: spec.rules[0].backendRefs[0]: Backend gloo-system/lambda is an AWS EC2 backend, not a Lambda one (spec.aws.ec2)',
    );
  });
});
