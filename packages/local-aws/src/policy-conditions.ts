import { matchesArnPattern, matchesWildcard } from './iam-wildcard.ts';

/**
 * The request-context keys a Condition block is evaluated against. Keys are
 * stored lower-cased because IAM condition keys are case-insensitive; values
 * are lists so multi-valued keys (e.g. a token's `aud`) fit the same shape.
 */
export type ConditionContext = ReadonlyMap<string, readonly string[]>;

/** Condition block after schema normalisation: operator -> key -> values. */
export type ConditionBlock = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

/** Builds a ConditionContext, skipping undefined values (absent keys). */
export function conditionContext(entries: Record<string, string | readonly string[] | undefined>): ConditionContext {
  const context = new Map<string, readonly string[]>();
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined) continue;
    context.set(key.toLowerCase(), typeof value === 'string' ? [value] : value);
  }
  return context;
}

/** Returns a new context with `extra` keys added (or replaced). */
export function extendConditionContext(base: ConditionContext, extra: Record<string, string | readonly string[] | undefined>): ConditionContext {
  const merged = new Map(base);
  for (const [key, values] of conditionContext(extra)) merged.set(key, values);
  return merged;
}

interface OperatorSemantics {
  /** "Not" operators are satisfied when no policy value matches (and when the key is absent). */
  negated: boolean;
  matches(policyValue: string, contextValue: string): boolean;
}

const OPERATORS: Record<string, OperatorSemantics> = {
  StringEquals: { negated: false, matches: (p, c) => p === c },
  StringNotEquals: { negated: true, matches: (p, c) => p === c },
  StringEqualsIgnoreCase: { negated: false, matches: (p, c) => p.toLowerCase() === c.toLowerCase() },
  StringNotEqualsIgnoreCase: { negated: true, matches: (p, c) => p.toLowerCase() === c.toLowerCase() },
  StringLike: { negated: false, matches: (p, c) => matchesWildcard(p, c) },
  StringNotLike: { negated: true, matches: (p, c) => matchesWildcard(p, c) },
  // IAM documents ArnEquals and ArnLike as the same per-part wildcard comparison.
  ArnEquals: { negated: false, matches: matchesArnPattern },
  ArnLike: { negated: false, matches: matchesArnPattern },
  ArnNotEquals: { negated: true, matches: matchesArnPattern },
  ArnNotLike: { negated: true, matches: matchesArnPattern },
  Bool: { negated: false, matches: (p, c) => p.toLowerCase() === c.toLowerCase() },
};

const IF_EXISTS = 'IfExists';

/** Names every operator the evaluator understands (for error messages). */
export const SUPPORTED_CONDITION_OPERATORS: readonly string[] = [...Object.keys(OPERATORS), 'Null'];

/**
 * True when the evaluator implements `operator` (including `…IfExists`).
 * Anything else must fail scenario loading: silently ignoring a condition
 * would turn a restrictive policy into a permissive one.
 */
export function isSupportedConditionOperator(operator: string): boolean {
  if (operator === 'Null') return true;
  const base = operator.endsWith(IF_EXISTS) ? operator.slice(0, -IF_EXISTS.length) : operator;
  return Object.hasOwn(OPERATORS, base);
}

function keyMatches(operator: string, policyValues: readonly string[], contextValues: readonly string[] | undefined): boolean {
  if (operator === 'Null') {
    const keyIsAbsent = contextValues === undefined;
    return policyValues.some((value) => (value.toLowerCase() === 'true') === keyIsAbsent);
  }
  const ifExists = operator.endsWith(IF_EXISTS);
  const semantics = OPERATORS[ifExists ? operator.slice(0, -IF_EXISTS.length) : operator];
  if (!semantics) throw new Error(`unsupported condition operator ${operator}`);
  // Absent key: IfExists passes; negated operators pass ("does not equal" holds); others fail.
  if (contextValues === undefined) return ifExists || semantics.negated;
  const anyMatch = contextValues.some((contextValue) => policyValues.some((policyValue) => semantics.matches(policyValue, contextValue)));
  return semantics.negated ? !anyMatch : anyMatch;
}

/**
 * Evaluates a whole Condition block: every operator must hold, and within an
 * operator every key must hold; several values for one key are OR-ed.
 */
export function conditionBlockMatches(block: ConditionBlock | undefined, context: ConditionContext): boolean {
  if (!block) return true;
  return Object.entries(block).every(([operator, keys]) =>
    Object.entries(keys).every(([key, values]) => keyMatches(operator, values, context.get(key.toLowerCase()))),
  );
}
