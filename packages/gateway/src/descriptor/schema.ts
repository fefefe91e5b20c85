import * as v from 'valibot';
import { PAYLOAD_MODES } from '../payload/types.ts';
import { FunctionUrlSchema } from './function-url.ts';
import { StreamingSchema } from './streaming.ts';
import { RetrySchema } from './retry-schema.ts';

/** A 12-digit AWS account id (kept as a string: leading zeros matter). */
export const AccountIdSchema = v.pipe(v.string(), v.regex(/^\d{12}$/, 'must be a 12-digit AWS account id'));

/** An AWS region name such as `us-west-2` (kgateway's pattern). */
export const RegionSchema = v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'must be an AWS region such as us-east-1'));

/**
 * `$LATEST`, a published version number, or an alias (`[a-zA-Z0-9-_]{1,128}`).
 */
export const QualifierSchema = v.pipe(
  v.string(),
  v.regex(/^(\$LATEST|[0-9]+|[a-zA-Z0-9_-]{1,128})$/, 'must be $LATEST, a version number or an alias name [a-zA-Z0-9-_]{1,128}'),
);

/**
 * Any of the forms Lambda's Invoke API accepts: `name`, `name:qualifier`,
 * `123456789012:function:name[:qualifier]` or a full function ARN.
 * The structure is checked again (with better messages) when the descriptor is resolved.
 */
export const FunctionNameSchema = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(170, 'must be at most 170 characters'),
  v.regex(
    /^(arn:aws:lambda:[a-z0-9-]+:\d{12}:function:|\d{12}:function:)?[a-zA-Z0-9_-]{1,64}(:(\$LATEST|[a-zA-Z0-9_-]{1,128}))?$/,
    'must be a function name (≤ 64 chars of [a-zA-Z0-9-_]), name:qualifier, 123456789012:function:name or a function ARN in the aws partition',
  ),
);

const RoleArnSchema = v.pipe(
  v.string(),
  // Only the `aws` partition: endpoints and ARNs are built for it (aws-cn and aws-us-gov differ in both).
  v.regex(/^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, 'must be an IAM role ARN in the aws partition (arn:aws:iam::123456789012:role/name)'),
);

const SessionNameSchema = v.pipe(v.string(), v.regex(/^[\w+=,.@-]{2,64}$/, 'must be 2-64 characters of [A-Za-z0-9_+=,.@-]'));

/** Credentials from the ambient chain of the runtime (environment keys, web identity, …). */
const AmbientAuthSchema = v.strictObject({ type: v.literal('ambient') });

/**
 * Credentials from a named secret: on Node a directory `<secrets-dir>/<name>/`
 * with files `accessKey`, `secretKey` and optional `sessionToken` (a mounted
 * Kubernetes Secret).
 */
const SecretAuthSchema = v.strictObject({
  type: v.literal('secret'),
  name: v.pipe(v.string(), v.regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a Kubernetes Secret name (lower-case DNS subdomain)'), v.maxLength(253)),
});

/** Role chaining: `sts:AssumeRole` into `roleArn`, signed with the base credentials. */
const AssumeRoleAuthSchema = v.strictObject({
  type: v.literal('assumeRole'),
  roleArn: RoleArnSchema,
  roleSessionName: v.optional(SessionNameSchema),
  externalId: v.optional(v.pipe(v.string(), v.regex(/^[\w+=,.@:/-]{2,1224}$/, 'must be 2-1224 characters of [A-Za-z0-9_+=,.@:/-]'))),
  durationSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(900), v.maxValue(43200))),
  /** Gloo Edge `disableRoleChaining`: assume `roleArn` directly with the web identity token. */
  disableRoleChaining: v.optional(v.boolean()),
  /** Where the base credentials come from (default: the ambient chain). */
  source: v.optional(v.variant('type', [AmbientAuthSchema, SecretAuthSchema])),
});

export const AuthSchema = v.variant('type', [AmbientAuthSchema, SecretAuthSchema, AssumeRoleAuthSchema]);

/**
 * A Lambda backend: which function to call, how, and with which credentials.
 * This schema is the single source of truth for the `BackendDescriptor` type.
 */
export const BackendDescriptorSchema = v.strictObject({
  region: v.optional(RegionSchema),
  accountId: v.optional(AccountIdSchema),
  /** Exactly one of `functionName` and `functionURL` (checked when resolved). */
  functionName: v.optional(FunctionNameSchema),
  /** A Lambda Function URL to forward to as HTTP instead of invoking (see descriptor/function-url.ts). */
  functionURL: v.optional(FunctionUrlSchema),
  /** How a Function URL backend authenticates: `AWS_IAM` (default; SigV4, service lambda) or `NONE`. */
  urlAuthType: v.optional(v.picklist(['AWS_IAM', 'NONE'], 'must be AWS_IAM or NONE')),
  qualifier: v.optional(QualifierSchema),
  invocationMode: v.optional(v.picklist(['Sync', 'Async', 'ResponseStream'], 'must be Sync, Async or ResponseStream'), 'Sync'),
  payloadMode: v.optional(v.picklist(PAYLOAD_MODES, `must be one of ${PAYLOAD_MODES.join(', ')}`), 'passthrough'),
  /** `map` (default): a function error becomes 502 JSON; `passthrough`: Lambda's error body as-is. */
  functionErrorMode: v.optional(v.picklist(['map', 'passthrough'], 'must be map or passthrough'), 'map'),
  /** Error bodies on the traffic port carry the full details (messages, sources, the function's errorMessage); default: redacted. */
  exposeErrorDetails: v.optional(v.boolean('must be true or false')),
  endpointURL: v.optional(v.pipe(v.string(), v.url('must be an absolute URL'), v.regex(/^https?:\/\//, 'must be an http(s) URL'))),
  timeoutMs: v.optional(v.pipe(v.number(), v.integer('must be an integer'), v.minValue(1), v.maxValue(900_000)), 30_000),
  auth: v.optional(AuthSchema, { type: 'ambient' }),
  /** Bounds of a ResponseStream backend (see descriptor/streaming.ts). */
  streaming: v.optional(StreamingSchema),
  /** Requests to this backend handled at once; over it 503 Overloaded with Retry-After (default: no per-backend limit). */
  maxConcurrency: v.optional(v.pipe(v.number(), v.integer('must be an integer'), v.minValue(1), v.maxValue(100_000))),
  /** Optional retries of Lambda throttling (see retry-schema.ts); none by default. */
  retry: v.optional(RetrySchema),
});

export type BackendDescriptorInput = v.InferInput<typeof BackendDescriptorSchema>;
export type BackendDescriptor = v.InferOutput<typeof BackendDescriptorSchema>;
export type BackendAuth = v.InferOutput<typeof AuthSchema>;
