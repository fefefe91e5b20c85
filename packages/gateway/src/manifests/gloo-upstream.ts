/**
 * Gloo Edge `Upstream` (gloo.solo.io/v1) with `spec.aws`: a region, the
 * credentials, and the Lambda functions routes may pick by logical name
 * (solo-io/gloo projects/gloo/api/v1/options/aws/aws.proto, UpstreamSpec).
 */
import * as v from 'valibot';
import type { BackendAuth, BackendDescriptorInput } from '../descriptor/index.ts';
import { destinationBehaviour, withOverrides, DestinationSpecSchema, type DestinationSpec } from './gloo-destination.ts';
import { streamingRequested } from './invocation-mode-annotation.ts';
import { NamespaceSchema, ObjectNameSchema, manifestError, manifestWarning, parseManifest, strictFields, type Manifest } from './resource.ts';

const LambdaFunctionSchema = strictFields({
  lambdaFunctionName: v.pipe(
    v.string('must be a string'),
    v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a Lambda function name: 1-64 characters of [A-Za-z0-9-_]'),
  ),
  logicalName: v.optional(v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'))),
  qualifier: v.optional(
    v.pipe(
      v.string('must be a string'),
      v.regex(/^(|\$LATEST|[0-9]+|[A-Za-z0-9_-]{1,128})$/, 'must be $LATEST, a version number or an alias name [A-Za-z0-9-_]{1,128}'),
    ),
  ),
});

const AwsUpstreamSchema = v.pipe(
  strictFields({
    region: v.pipe(v.string('must be a string'), v.regex(/^[a-z0-9-]+$/, 'must be an AWS region such as us-east-1')),
    secretRef: v.optional(strictFields({ name: ObjectNameSchema, namespace: v.optional(NamespaceSchema) })),
    lambdaFunctions: v.optional(v.array(LambdaFunctionSchema, 'must be a list'), []),
    roleArn: v.optional(
      v.pipe(
        v.string('must be a string'),
        v.regex(/^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, 'must be an IAM role ARN in the aws partition (arn:aws:iam::123456789012:role/name)'),
      ),
    ),
    awsAccountId: v.optional(v.pipe(v.string('must be a string (quote it in YAML: "123456789012")'), v.regex(/^\d{12}$/, 'must be a 12-digit AWS account id'))),
    disableRoleChaining: v.optional(v.boolean('must be true or false')),
    destinationOverrides: v.optional(DestinationSpecSchema),
  }),
  v.check(
    (aws) => !(aws.disableRoleChaining && aws.secretRef && aws.roleArn),
    'disableRoleChaining assumes roleArn with the web identity token directly; it cannot be combined with secretRef',
  ),
);

const UpstreamSchema = strictFields({
  apiVersion: v.literal('gloo.solo.io/v1', 'must be gloo.solo.io/v1 (the only version lambda-gateway reads)'),
  kind: v.literal('Upstream'),
  metadata: v.unknown(),
  // Upstreams carry many Envoy cluster settings; the ones present besides `aws` are reported as warnings.
  spec: v.looseObject({ aws: v.optional(AwsUpstreamSchema) }, 'must be an object'),
  status: v.optional(v.unknown()),
  namespacedStatuses: v.optional(v.unknown()),
});

type AwsUpstream = v.InferOutput<typeof AwsUpstreamSchema>;

export interface LambdaFunctionTarget {
  logicalName: string;
  descriptor: BackendDescriptorInput;
  warnings: string[];
}

/** An Upstream made ready for routing. */
export type TranslatedUpstream =
  | {
      lambda: true;
      /** Logical names of its functions, for messages. */
      logicalNames: string[];
      /** The Secret its credentials come from, if any. */
      secretRef: { name: string; namespace: string } | undefined;
      /**
       * The descriptor for a route to the function `logicalName` (or the only
       * function when undefined), with the route's destination spec applied.
       * Throws a ConfigError naming the route's field when there is no such function.
       */
      target(
        logicalName: string | undefined,
        destination: DestinationSpec | undefined,
        route: Pick<Manifest, 'ref' | 'source'>,
        at: string,
      ): LambdaFunctionTarget;
      warnings: string[];
    }
  | { lambda: false; reason: string; warnings: string[] };

/**
 * Validates a Gloo Edge Upstream. `secretRef` → the named secret; `roleArn` →
 * role chaining into it (on the ambient credentials, or on the secret's when
 * both are set), `disableRoleChaining` passed along; `awsAccountId` → the
 * account of the function ARN (resource-based access); without it a bare name
 * resolves in the credentials' account, as in Gloo.
 */
export function translateUpstream(manifest: Manifest): TranslatedUpstream {
  const { spec } = parseManifest(UpstreamSchema, manifest);
  const others = Object.keys(spec).filter((key) => key !== 'aws');
  if (!spec.aws) return { lambda: false, reason: `is not an AWS Lambda upstream (${others.length > 0 ? `spec.${others[0]}` : 'no spec.aws'})`, warnings: [] };
  const aws = spec.aws;
  const warnings = others.map((key) => manifestWarning(manifest, `spec.${key}`, 'not supported by lambda-gateway; ignored'));
  if (aws.disableRoleChaining && !aws.roleArn) warnings.push(manifestWarning(manifest, 'spec.aws.disableRoleChaining', 'has no effect without roleArn'));

  const functions = new Map<string, { index: number; fn: AwsUpstream['lambdaFunctions'][number] }>();
  aws.lambdaFunctions.forEach((fn, index) => {
    // Gloo: "if left empty, it will default to lambda_function_name".
    const logicalName = fn.logicalName ?? fn.lambdaFunctionName;
    const earlier = functions.get(logicalName);
    if (earlier)
      throw manifestError(
        manifest,
        `spec.aws.lambdaFunctions[${index}].logicalName`,
        `"${logicalName}" is used twice (also by lambdaFunctions[${earlier.index}])`,
      );
    functions.set(logicalName, { index, fn });
  });
  const logicalNames = [...functions.keys()];
  const auth = upstreamAuth(aws);

  return {
    lambda: true,
    logicalNames,
    secretRef: aws.secretRef ? { name: aws.secretRef.name, namespace: aws.secretRef.namespace ?? manifest.namespace } : undefined,
    warnings,
    target(logicalName, destination, route, at) {
      const found = logicalName === undefined ? onlyFunction(functions, manifest, route, at) : functions.get(logicalName)?.fn;
      if (!found) {
        throw manifestError(
          route,
          at,
          `${manifest.ref} has no Lambda function with logicalName "${logicalName}" (it has: ${logicalNames.join(', ') || 'none'})`,
        );
      }
      const behaviour = destinationBehaviour(route, at, withOverrides(destination, aws.destinationOverrides));
      const descriptor: BackendDescriptorInput = {
        functionName: found.lambdaFunctionName,
        region: aws.region,
        invocationMode: behaviour.invocationMode,
        payloadMode: behaviour.payloadMode,
        auth,
      };
      // lambda-gateway.io/invocation-mode: ResponseStream on the Upstream (Gloo has no such mode).
      if (streamingRequested(manifest, behaviour.invocationMode === 'Async')) descriptor.invocationMode = 'ResponseStream';
      if (aws.awsAccountId) descriptor.accountId = aws.awsAccountId;
      if (found.qualifier) descriptor.qualifier = found.qualifier;
      return { logicalName: logicalName ?? found.logicalName ?? found.lambdaFunctionName, descriptor, warnings: behaviour.warnings };
    },
  };
}

function onlyFunction(
  functions: Map<string, { fn: AwsUpstream['lambdaFunctions'][number] }>,
  upstream: Manifest,
  route: Pick<Manifest, 'ref' | 'source'>,
  at: string,
): AwsUpstream['lambdaFunctions'][number] {
  const all = [...functions.values()];
  if (all.length === 1) return all[0]!.fn;
  throw manifestError(
    route,
    at,
    all.length === 0
      ? `${upstream.ref} lists no lambdaFunctions`
      : `${upstream.ref} has ${all.length} Lambda functions (${[...functions.keys()].join(', ')}): name one by its logicalName`,
  );
}

function upstreamAuth(aws: AwsUpstream): BackendAuth {
  if (aws.roleArn) {
    const auth: BackendAuth = { type: 'assumeRole', roleArn: aws.roleArn };
    if (aws.disableRoleChaining) auth.disableRoleChaining = true;
    if (aws.secretRef) auth.source = { type: 'secret', name: aws.secretRef.name };
    return auth;
  }
  if (aws.secretRef) return { type: 'secret', name: aws.secretRef.name };
  return { type: 'ambient' };
}
