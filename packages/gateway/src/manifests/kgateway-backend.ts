/**
 * kgateway `Backend` (gateway.kgateway.dev/v1alpha1) of type AWS Lambda, with
 * the CRD's validations (kgateway api/v1alpha1/kgateway/backend_types.go:
 * patterns, enums, lengths and the CEL rules, with their messages).
 */
import * as v from 'valibot';
import type { BackendAuth, BackendDescriptorInput } from '../descriptor/index.ts';
import { streamingRequested } from './invocation-mode-annotation.ts';
import { ObjectNameSchema, parseManifest, strictFields, manifestWarning, type Manifest } from './resource.ts';

const AccountIdSchema = v.pipe(
  v.string('must be a string (quote it in YAML: "123456789012")'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(12, 'must be at most 12 characters'),
  v.regex(/^[0-9]{12}$/, 'must be a 12-digit AWS account id (^[0-9]{12}$)'),
);

const RegionSchema = v.pipe(
  v.string('must be a string'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(63, 'must be at most 63 characters'),
  v.regex(/^[a-z0-9-]+$/, 'must be an AWS region such as us-east-1 (^[a-z0-9-]+$)'),
);

/** kgateway allows 140 characters; Lambda itself allows 64 in a bare name, so a longer one could never be invoked. */
const FunctionNameSchema = v.pipe(
  v.string('must be a string'),
  v.regex(/^[A-Za-z0-9-_]{1,140}$/, 'must be a bare function name: 1-140 characters of [A-Za-z0-9-_] (^[A-Za-z0-9-_]{1,140}$)'),
  v.maxLength(64, 'must be at most 64 characters: Lambda function names are 1-64 characters'),
);

const QualifierSchema = v.pipe(
  v.string('must be a string'),
  v.regex(/^(\$LATEST|[0-9]+|[A-Za-z0-9-_]{1,128})$/, 'must be $LATEST, a version number or an alias (^(\\$LATEST|[0-9]+|[A-Za-z0-9-_]{1,128})$)'),
);

const EndpointUrlSchema = v.pipe(
  v.string('must be a string'),
  v.maxLength(2048, 'must be at most 2048 characters'),
  v.regex(/^https?:\/\/[-a-zA-Z0-9@:%.+~#?&/=]+$/, 'must be an http(s) URL (^https?://[-a-zA-Z0-9@:%.+~#?&/=]+$)'),
);

/** kgateway's pattern, plus IAM's role-name characters (which the STS call needs). */
const RoleArnSchema = v.pipe(
  v.string('must be a string'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(2048, 'must be at most 2048 characters'),
  v.regex(/^arn:aws[a-z-]*:iam::[0-9]{12}:role\/.+$/, 'must be an IAM role ARN (^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$)'),
  v.regex(/^arn:aws[a-z-]*:iam::[0-9]{12}:role\/[\w+=,.@/-]{1,512}$/, 'must be an IAM role ARN whose name (and path) use only [A-Za-z0-9+=,.@_/-]'),
);

const picklist = <const TOptions extends readonly string[]>(options: TOptions) =>
  v.picklist(options, (issue) => `must be one of ${options.join(', ')} (got ${issue.received})`);

const AwsAuthSchema = v.pipe(
  strictFields({
    type: picklist(['Secret', 'AssumeRole']),
    secretRef: v.optional(strictFields({ name: ObjectNameSchema })),
    assumeRole: v.optional(strictFields({ roleArn: RoleArnSchema })),
  }),
  v.check((auth) => !(auth.secretRef && auth.type !== 'Secret'), "secretRef must be nil if the type is not 'Secret'"),
  v.check((auth) => !(!auth.secretRef && auth.type === 'Secret'), "secretRef must be specified when type is 'Secret'"),
  v.check((auth) => !(auth.assumeRole && auth.type !== 'AssumeRole'), "assumeRole must be nil if the type is not 'AssumeRole'"),
  v.check((auth) => !(!auth.assumeRole && auth.type === 'AssumeRole'), "assumeRole must be specified when type is 'AssumeRole'"),
);

const AwsLambdaSchema = strictFields({
  accountId: v.optional(AccountIdSchema),
  endpointURL: v.optional(EndpointUrlSchema),
  functionName: FunctionNameSchema,
  invocationMode: v.optional(picklist(['Sync', 'Async'])),
  qualifier: v.optional(QualifierSchema),
  payloadTransformMode: v.optional(picklist(['None', 'Envoy'])),
});

const AwsBackendSchema = v.pipe(
  strictFields({
    lambda: v.optional(AwsLambdaSchema),
    ec2: v.optional(v.unknown()),
    accountId: v.optional(AccountIdSchema),
    auth: v.optional(AwsAuthSchema),
    region: v.optional(RegionSchema),
  }),
  v.check((aws) => (aws.lambda === undefined) !== (aws.ec2 === undefined), 'exactly one of the fields in [lambda ec2] must be set'),
  v.check(
    (aws) => !aws.lambda || aws.accountId !== undefined || aws.lambda.accountId !== undefined,
    'accountId must be specified on aws or aws.lambda for lambda backends',
  ),
);

const BACKEND_TYPES = ['AWS', 'Static', 'DynamicForwardProxy', 'GCP'] as const;
const TYPE_FIELDS = { AWS: 'aws', Static: 'static', DynamicForwardProxy: 'dynamicForwardProxy', GCP: 'gcp' } as const;

const BackendSpecSchema = v.pipe(
  strictFields({
    type: v.optional(picklist(BACKEND_TYPES)),
    aws: v.optional(AwsBackendSchema),
    static: v.optional(v.unknown()),
    dynamicForwardProxy: v.optional(v.unknown()),
    gcp: v.optional(v.unknown()),
  }),
  v.check(
    (spec) => Object.values(TYPE_FIELDS).filter((field) => spec[field] !== undefined).length === 1,
    'exactly one of the fields in [aws static dynamicForwardProxy gcp] must be set',
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed || !dataset.value.type) return;
    const field = TYPE_FIELDS[dataset.value.type];
    if (dataset.value[field] === undefined) addIssue({ message: `${field} backend must be specified when type is '${dataset.value.type}'` });
  }),
);

const BackendSchema = strictFields({
  apiVersion: v.literal('gateway.kgateway.dev/v1alpha1', 'must be gateway.kgateway.dev/v1alpha1 (the only version lambda-gateway reads)'),
  kind: v.literal('Backend'),
  metadata: v.unknown(),
  spec: BackendSpecSchema,
  status: v.optional(v.unknown()),
});

/** A Backend made ready for routing: a Lambda descriptor, or why it is not one. */
export type TranslatedBackend =
  | { lambda: true; descriptor: BackendDescriptorInput; warnings: string[]; secretRef: { name: string; namespace: string } | undefined }
  | { lambda: false; reason: string; warnings: string[] };

/**
 * Validates a kgateway Backend and maps it to a backend descriptor:
 * `lambda.accountId` wins over the deprecated `aws.accountId`, `region`
 * defaults to us-east-1 and `qualifier` to `$LATEST` (the CRD defaults),
 * `payloadTransformMode` None → passthrough, Envoy → envoy, absent →
 * passthrough (what the Gloo Gateway guide's example output shows; kgateway's
 * CRD default is Envoy, hence a warning), `auth` Secret → the named secret,
 * AssumeRole → role chaining on the ambient credentials, absent → ambient.
 */
export function translateBackend(manifest: Manifest): TranslatedBackend {
  const { spec } = parseManifest(BackendSchema, manifest);
  const aws = spec.aws;
  if (!aws)
    return {
      lambda: false,
      reason: `is not an AWS Lambda backend (spec.${Object.values(TYPE_FIELDS).find((field) => spec[field] !== undefined)})`,
      warnings: [],
    };
  if (!aws.lambda) return { lambda: false, reason: 'is an AWS EC2 backend, not a Lambda one (spec.aws.ec2)', warnings: [] };
  const lambda = aws.lambda;
  const warnings: string[] = [];
  if (lambda.payloadTransformMode === undefined) {
    warnings.push(
      manifestWarning(
        manifest,
        'spec.aws.lambda.payloadTransformMode',
        'not set: lambda-gateway sends the body as it is and returns the result as it is (None), as the Gloo Gateway guide shows; kgateway defaults to Envoy. Set it to None or Envoy to make the choice explicit',
      ),
    );
  }
  const descriptor: BackendDescriptorInput = {
    functionName: lambda.functionName,
    accountId: lambda.accountId ?? aws.accountId,
    region: aws.region ?? 'us-east-1',
    qualifier: lambda.qualifier ?? '$LATEST',
    invocationMode: lambda.invocationMode ?? 'Sync',
    payloadMode: lambda.payloadTransformMode === 'Envoy' ? 'envoy' : 'passthrough',
    auth: backendAuth(aws.auth),
  };
  // lambda-gateway.io/invocation-mode: ResponseStream (kgateway has no such mode).
  if (streamingRequested(manifest, lambda.invocationMode === 'Async')) descriptor.invocationMode = 'ResponseStream';
  if (lambda.endpointURL !== undefined) descriptor.endpointURL = lambda.endpointURL;
  // secretRef is a LocalObjectReference: the Secret is in the Backend's namespace.
  const secretRef = aws.auth?.secretRef ? { name: aws.auth.secretRef.name, namespace: manifest.namespace } : undefined;
  return { lambda: true, descriptor, warnings, secretRef };
}

function backendAuth(auth: v.InferOutput<typeof AwsAuthSchema> | undefined): BackendAuth {
  if (auth?.type === 'Secret' && auth.secretRef) return { type: 'secret', name: auth.secretRef.name };
  if (auth?.type === 'AssumeRole' && auth.assumeRole) return { type: 'assumeRole', roleArn: auth.assumeRole.roleArn };
  return { type: 'ambient' };
}
