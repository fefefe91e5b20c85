import * as v from 'valibot';
import { IdentityPolicySchema, ResourcePolicySchema, TrustPolicySchema } from './policy-schema.ts';

/**
 * The scenario file: accounts with their IAM users, roles and Lambda
 * functions. These schemas are the single source of truth for the scenario
 * types; every object is strict, so a misspelt field is an error, not a
 * silently ignored setting.
 */

const REGION_PATTERN = /^[a-z]{2}(?:-gov)?-[a-z]+-\d$/;
export const LAMBDA_FUNCTION_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
const IAM_NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;
const ALIAS_PATTERN = /^(?!\d+$)[a-zA-Z0-9_-]{1,128}$/;

const RegionSchema = v.pipe(
  v.string(),
  v.regex(REGION_PATTERN, (issue) => `invalid region ${JSON.stringify(issue.input)} (expected e.g. us-east-1)`),
);

const AccountIdSchema = v.pipe(
  v.string(),
  v.regex(/^\d{12}$/, (issue) => `account id ${JSON.stringify(issue.input)} must be exactly 12 digits (quote it in YAML)`),
);

const iamName = (what: string) =>
  v.pipe(
    v.string(),
    v.regex(IAM_NAME_PATTERN, (issue) => `invalid ${what} name ${JSON.stringify(issue.input)} (1-64 of [A-Za-z0-9+=,.@_-])`),
  );

const positiveInteger = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

/** YAML turns `1` into a number; versions are strings on the wire. */
const VersionSchema = v.pipe(
  v.union([v.string(), v.number()]),
  v.transform(String),
  v.regex(/^[1-9]\d*$/, (issue) => `invalid version ${JSON.stringify(issue.input)} (published versions are 1, 2, …)`),
);

const AccessKeySchema = v.strictObject({
  accessKeyId: v.pipe(
    v.string(),
    v.regex(/^AKIA[A-Z0-9]{12,124}$/, 'accessKeyId must look like an IAM user key: AKIA followed by 12+ upper-case letters/digits'),
  ),
  secretAccessKey: v.pipe(v.string(), v.minLength(1, 'secretAccessKey must not be empty')),
});

const UserSchema = v.strictObject({
  accessKeys: v.optional(v.array(AccessKeySchema), []),
  policies: v.optional(v.array(IdentityPolicySchema), []),
});

const RoleSchema = v.strictObject({
  trustPolicy: TrustPolicySchema,
  policies: v.optional(v.array(IdentityPolicySchema), []),
  /** Seconds, 3600-43200 like IAM's MaxSessionDuration. */
  maxSessionDuration: v.optional(positiveInteger(3600, 43_200), 3600),
});

/** Lambda's CreateFunctionUrlConfig: AuthType and InvokeMode (no CORS). */
const FunctionUrlConfigSchema = v.strictObject({
  authType: v.optional(v.picklist(['AWS_IAM', 'NONE'], 'authType must be AWS_IAM or NONE'), 'AWS_IAM'),
  invokeMode: v.optional(v.picklist(['BUFFERED', 'RESPONSE_STREAM'], 'invokeMode must be BUFFERED or RESPONSE_STREAM'), 'BUFFERED'),
  /** The `<url-id>` of the URL; default `<function name, lower-cased>-<account id>`. */
  urlId: v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,63}$/, 'urlId must be 1-63 of [a-z0-9-]'))),
});

const FunctionSchema = v.strictObject({
  /** Defaults to the scenario's defaultRegion. */
  region: v.optional(RegionSchema),
  /** `file.mjs` (export `handler`) or `file.mjs#exportName`, relative to functionsDir. */
  handler: v.pipe(v.string(), v.regex(/^[^#]+(?:#[A-Za-z_$][\w$]*)?$/, 'handler must be "file.mjs" or "file.mjs#exportName"')),
  timeoutSeconds: v.optional(positiveInteger(1, 900), 3),
  memorySizeMB: v.optional(positiveInteger(128, 10_240), 128),
  /** Unset: no reserved concurrency. 0: every invocation is throttled, as in Lambda. */
  reservedConcurrency: v.optional(positiveInteger(0, 100_000)),
  /** Published versions; `$LATEST` always exists. */
  versions: v.optional(v.array(VersionSchema), []),
  /** alias -> version (or `$LATEST`). */
  aliases: v.optional(
    v.record(
      v.pipe(
        v.string(),
        v.regex(ALIAS_PATTERN, (issue) => `invalid alias name ${JSON.stringify(issue.input)}`),
      ),
      v.union([v.literal('$LATEST'), VersionSchema]),
    ),
    {},
  ),
  /** The function's resource-based policy. */
  policy: v.optional(ResourcePolicySchema),
  /** A Function URL for `$LATEST`, served at `<origin>/lambda-url/<urlId>/` (see function-url-service.ts). */
  functionUrl: v.optional(FunctionUrlConfigSchema),
});

/**
 * An IAM OIDC identity provider (IAM's CreateOpenIDConnectProvider): keyed by
 * the issuer URL without `https://`, e.g. `oidc.eks.us-east-1.amazonaws.com/id/LOCAL`,
 * which is also how trust policies name it (`…:oidc-provider/<key>`, `<key>:sub`).
 * Tokens are verified against the local AWS's own signing key, whatever the issuer.
 */
const OidcProviderKeySchema = v.pipe(
  v.string(),
  v.regex(
    /^(?!https?:\/\/)[a-z0-9.-]+(?::\d+)?(?:\/[\w.~-]+)*$/,
    (issue) => `invalid OIDC provider ${JSON.stringify(issue.input)} (the issuer URL without https://, e.g. oidc.eks.us-east-1.amazonaws.com/id/LOCAL)`,
  ),
);

const OidcProviderSchema = v.strictObject({
  /** Accepted `aud` values (IAM's ClientIDList); EKS service-account tokens use sts.amazonaws.com. */
  clientIds: v.optional(v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1, 'clientIds must not be empty')), ['sts.amazonaws.com']),
});

const AccountSchema = v.strictObject({
  oidcProviders: v.optional(v.record(OidcProviderKeySchema, OidcProviderSchema), {}),
  users: v.optional(v.record(iamName('user'), UserSchema), {}),
  roles: v.optional(v.record(iamName('role'), RoleSchema), {}),
  functions: v.optional(
    v.record(
      v.pipe(
        v.string(),
        v.regex(LAMBDA_FUNCTION_NAME_PATTERN, (issue) => `invalid function name ${JSON.stringify(issue.input)}`),
      ),
      FunctionSchema,
    ),
    {},
  ),
});

const StsSettingsSchema = v.strictObject({
  /**
   * Overrides the lifetime of every issued credential: AssumeRole, AssumeRoleWithWebIdentity
   * and container credentials (refresh tests use a few seconds).
   */
  credentialLifetimeSeconds: v.optional(positiveInteger(1, 129_600)),
});

/**
 * The EKS Pod Identity agent / ECS container-credentials endpoint (`GET /v1/credentials`
 * on the local AWS's origin): a request carrying `authorizationToken` in its
 * `Authorization` header gets credentials for a session of `roleArn`, whose
 * trust policy must allow `pods.eks.amazonaws.com` (sts:AssumeRole and sts:TagSession).
 */
const ContainerCredentialsSchema = v.strictObject({
  authorizationToken: v.pipe(v.string(), v.minLength(1, 'authorizationToken must not be empty')),
  roleArn: v.pipe(v.string(), v.regex(/^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/, 'roleArn must be an IAM role ARN')),
  sessionName: v.optional(iamName('session'), 'eks-local-pod-identity'),
});

export const ScenarioSchema = v.strictObject({
  defaultRegion: v.optional(RegionSchema, 'us-east-1'),
  /** Where function modules live; relative paths resolve against the scenario file. */
  functionsDir: v.optional(v.string(), './functions'),
  /** `${NAME}` placeholders substituted everywhere before validation (see scenario-variables.ts). */
  variables: v.optional(v.record(v.pipe(v.string(), v.regex(/^[A-Za-z_]\w*$/, 'variable names must be identifiers')), v.string()), {}),
  accounts: v.record(AccountIdSchema, AccountSchema),
  sts: v.optional(StsSettingsSchema, {}),
  containerCredentials: v.optional(ContainerCredentialsSchema),
});

/** A validated scenario (defaults applied, policies normalised, functionsDir absolute). */
export type Scenario = v.InferOutput<typeof ScenarioSchema>;
/** What a scenario may look like before validation (e.g. an object literal in a test). */
export type ScenarioInput = v.InferInput<typeof ScenarioSchema>;
export type AccountConfig = Scenario['accounts'][string];
export type UserConfig = AccountConfig['users'][string];
export type RoleConfig = AccountConfig['roles'][string];
export type FunctionConfig = AccountConfig['functions'][string];
export type OidcProviderConfig = AccountConfig['oidcProviders'][string];
export type ContainerCredentialsConfig = NonNullable<Scenario['containerCredentials']>;
