/**
 * The request-context keys a Condition block is evaluated against. Keys are
 * stored lower-cased because IAM condition keys are case-insensitive; values
 * are lists so multi-valued keys (e.g. a token's `aud`) fit the same shape.
 */
export type ConditionContext = ReadonlyMap<string, readonly string[]>;
/** Condition block after schema normalisation: operator -> key -> values. */
export type ConditionBlock = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
/** Builds a ConditionContext, skipping undefined values (absent keys). */
export declare function conditionContext(entries: Record<string, string | readonly string[] | undefined>): ConditionContext;
/** Returns a new context with `extra` keys added (or replaced). */
export declare function extendConditionContext(base: ConditionContext, extra: Record<string, string | readonly string[] | undefined>): ConditionContext;
/** Names every operator the evaluator understands (for error messages). */
export declare const SUPPORTED_CONDITION_OPERATORS: readonly string[];
/**
 * True when the evaluator implements `operator` (including `…IfExists`).
 * Anything else must fail scenario loading: silently ignoring a condition
 * would turn a restrictive policy into a permissive one.
 */
export declare function isSupportedConditionOperator(operator: string): boolean;
/**
 * Evaluates a whole Condition block: every operator must hold, and within an
 * operator every key must hold; several values for one key are OR-ed.
 */
export declare function conditionBlockMatches(block: ConditionBlock | undefined, context: ConditionContext): boolean;
