import * as v from 'valibot';
import { isSupportedConditionOperator, SUPPORTED_CONDITION_OPERATORS } from './policy-conditions.ts';

/**
 * IAM policy documents as AWS accepts them (the JSON users paste from guides),
 * normalised so the evaluator never has to ask "string or list?":
 * `Statement`, `Action`, `Resource`, principal lists and condition values are
 * always arrays on output. Documents may also be given as a JSON string, the
 * way the IAM APIs take them.
 */

/** Which policy slot a document sits in; each slot has its own IAM grammar rules. */
export type PolicyKind = 'identity' | 'resource' | 'trust';

/** Accepts `"x"` or `["x", …]` and always yields a non-empty array. */
const stringOrList = (field: string) =>
  v.pipe(
    v.unknown(),
    v.transform((value) => (Array.isArray(value) ? value : [value])),
    v.array(v.string(`${field} entries must be strings`)),
    v.minLength(1, `${field} must not be empty`),
  );

const AWS_PRINCIPAL_PATTERN =
  /^(?:\*|\d{12}|arn:aws:iam::\d{12}:(?:root|user\/[\w+=,.@/-]+|role\/[\w+=,.@/-]+)|arn:aws:sts::\d{12}:assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+)$/;

const PrincipalMapSchema = v.strictObject({
  AWS: v.optional(
    v.pipe(
      stringOrList('Principal.AWS'),
      v.checkItems(
        (entry) => AWS_PRINCIPAL_PATTERN.test(entry),
        (issue) =>
          `invalid AWS principal ${JSON.stringify(issue.input)}: expected "*", a 12-digit account id, or an arn:aws:iam::<account>:root|user/…|role/… or arn:aws:sts::<account>:assumed-role/… ARN`,
      ),
    ),
  ),
  Service: v.optional(stringOrList('Principal.Service')),
  Federated: v.optional(stringOrList('Principal.Federated')),
  CanonicalUser: v.optional(stringOrList('Principal.CanonicalUser')),
});

const PrincipalSchema = v.union([v.literal('*'), PrincipalMapSchema]);

const ConditionScalar = v.union([v.string(), v.boolean(), v.number()]);

const ConditionSchema = v.record(
  v.pipe(
    v.string(),
    v.check(
      isSupportedConditionOperator,
      (issue) =>
        `unsupported condition operator ${JSON.stringify(issue.input)} (supported: ${SUPPORTED_CONDITION_OPERATORS.join(', ')}, each also as …IfExists)`,
    ),
  ),
  v.record(
    v.string(),
    v.pipe(
      v.unknown(),
      v.transform((value) => (Array.isArray(value) ? value : [value])),
      v.array(ConditionScalar, 'condition values must be strings, booleans or numbers'),
      // YAML may hand us `true` or `3600`; IAM compares condition values as strings.
      v.transform((values) => values.map(String)),
    ),
  ),
);

const statementEntries = {
  Sid: v.optional(v.string()),
  Effect: v.picklist(['Allow', 'Deny'], 'Effect must be "Allow" or "Deny"'),
  Principal: v.optional(PrincipalSchema),
  NotPrincipal: v.optional(PrincipalSchema),
  Action: v.optional(stringOrList('Action')),
  NotAction: v.optional(stringOrList('NotAction')),
  Resource: v.optional(stringOrList('Resource')),
  NotResource: v.optional(stringOrList('NotResource')),
  Condition: v.optional(ConditionSchema),
};

type StatementShape = { [K in keyof typeof statementEntries]?: unknown };

const has = (statement: StatementShape, field: keyof StatementShape) => statement[field] !== undefined;

function statementSchema(kind: PolicyKind) {
  return v.pipe(
    v.strictObject(statementEntries),
    v.check((s) => has(s, 'Action') !== has(s, 'NotAction'), 'a statement needs exactly one of Action or NotAction'),
    v.check((s) => !(has(s, 'Resource') && has(s, 'NotResource')), 'a statement cannot have both Resource and NotResource'),
    v.check((s) => !(has(s, 'Principal') && has(s, 'NotPrincipal')), 'a statement cannot have both Principal and NotPrincipal'),
    v.check(
      (s) => kind !== 'identity' || (!has(s, 'Principal') && !has(s, 'NotPrincipal')),
      'Principal/NotPrincipal is not allowed in an identity-based policy',
    ),
    v.check((s) => kind !== 'identity' || has(s, 'Resource') || has(s, 'NotResource'), 'an identity-based policy statement needs Resource or NotResource'),
    v.check(
      (s) => kind === 'identity' || has(s, 'Principal') || has(s, 'NotPrincipal'),
      `a ${kind === 'trust' ? 'trust' : 'resource-based'} policy statement needs Principal or NotPrincipal`,
    ),
    v.check(
      (s) => kind !== 'trust' || (!has(s, 'Resource') && !has(s, 'NotResource')),
      'a trust policy cannot have Resource or NotResource (the role itself is the resource)',
    ),
  );
}

/** Schema for one IAM policy document of the given kind (object or JSON string). */
export function policyDocumentSchema(kind: PolicyKind) {
  const statement = statementSchema(kind);
  return v.pipe(
    v.unknown(),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      if (typeof dataset.value !== 'string') return dataset.value;
      try {
        return JSON.parse(dataset.value) as unknown;
      } catch (error) {
        addIssue({ message: `policy is not valid JSON: ${(error as Error).message}` });
        return NEVER;
      }
    }),
    v.strictObject({
      Version: v.optional(v.picklist(['2012-10-17', '2008-10-17'], 'Version must be "2012-10-17" or "2008-10-17"')),
      Id: v.optional(v.string()),
      Statement: v.pipe(
        v.unknown(),
        v.transform((value) => (Array.isArray(value) ? value : [value])),
        v.array(statement),
      ),
    }),
  );
}

export const IdentityPolicySchema = policyDocumentSchema('identity');
export const ResourcePolicySchema = policyDocumentSchema('resource');
export const TrustPolicySchema = policyDocumentSchema('trust');

/** A validated, normalised policy document. */
export type PolicyDocument = v.InferOutput<typeof IdentityPolicySchema>;
/** One normalised statement. */
export type PolicyStatement = PolicyDocument['Statement'][number];
/** A normalised `Principal` / `NotPrincipal` value. */
export type PolicyPrincipal = NonNullable<PolicyStatement['Principal']>;
