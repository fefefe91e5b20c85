/**
 * Regular expressions in route matches use RE2 syntax and semantics, through
 * `re2js` (a pure-JS port of RE2, so Web APIs only). The spec leaves the dialect
 * to the implementation; Envoy/kgateway use RE2 (`safe_regex`), and so do we,
 * for two reasons: an HTTPRoute migrated from kgateway means the same thing
 * here, and matching is linear in the input length. JavaScript's backtracking
 * `RegExp` would let one client path such as `/api/aaaa…!` against
 * `/api/([a-z0-9]+-?)*` block the event loop for seconds (ReDoS).
 *
 * RE2 has no backreferences, lookahead or lookbehind; named groups may be
 * written `(?P<name>…)` or `(?<name>…)`.
 */
import { RE2JS, RE2JSSyntaxException } from 're2js';

export type Re2 = RE2JS;

/**
 * Compiles a pattern that must match the WHOLE input, as Envoy's `safe_regex`
 * (RE2 full match) does for paths, header and query values. Anchoring is done
 * by the matcher (`testExact` / `matcher().matches()`), not by wrapping the
 * source, so `a|b` is anchored as a whole and `\Q…` without `\E` keeps working.
 * Throws on an invalid pattern: call `regexProblem` first.
 */
export function compileAnchored(source: string): RE2JS {
  return RE2JS.compile(source);
}

/** The pattern's named groups in the order they appear ([] when it has none). */
export function groupNames(regex: RE2JS): readonly string[] {
  const indexByName = regex.namedGroups();
  return Object.keys(indexByName).sort((a, b) => (indexByName[a] ?? 0) - (indexByName[b] ?? 0));
}

/** Hints for constructs other dialects have and RE2 rejects on purpose, keyed by how RE2's error quotes them. */
const UNSUPPORTED: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\\[1-9]/, 'RE2 has no backreferences'],
  [/^\(\?(?:[=!]|<[=!])/, 'RE2 has no lookahead or lookbehind'],
];

/** Returns why `source` is not a usable RE2 pattern, or undefined when it is. */
export function regexProblem(source: string): string | undefined {
  try {
    compileAnchored(source);
    return undefined;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    // re2js says "error parsing regexp: <reason>: `<snippet>`"; drop the prefix.
    const reason = text.replace(/^error parsing regexp: /, '');
    const snippet = error instanceof RE2JSSyntaxException ? error.input : null;
    const hint = snippet === null ? undefined : UNSUPPORTED.find(([pattern]) => pattern.test(snippet))?.[1];
    return `must be a valid regular expression in RE2 syntax: ${reason}${hint === undefined ? '' : ` (${hint})`}`;
  }
}
