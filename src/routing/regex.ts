/**
 * Regular expressions in route matches use the JavaScript dialect with the `u`
 * flag: the spec leaves the dialect to the implementation, and unicode mode
 * turns typos such as `\p{L` or a stray `\-` into config-time errors instead of
 * patterns that silently match something else.
 */
const FLAGS = 'u';

/**
 * Compiles a pattern that must match the WHOLE input, as Envoy's `safe_regex`
 * (RE2 full match) does for paths, header and query values. The non-capturing
 * group keeps `a|b` from becoming `^a|b$` and leaves group numbering intact.
 * Call `regexProblem` first: wrapping can make an unbalanced pattern compile.
 */
export function compileAnchored(source: string): RegExp {
  return new RegExp(`^(?:${source})$`, FLAGS);
}

/** Returns why `source` is not a usable pattern, or undefined when it is. */
export function regexProblem(source: string): string | undefined {
  try {
    // The raw pattern first: `a)(b` is invalid alone but compiles once wrapped.
    new RegExp(source, FLAGS);
    compileAnchored(source);
    return undefined;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    // V8 says "Invalid regular expression: /<pattern>/u: <reason>"; the reason is the useful part.
    const reason = text.slice(text.lastIndexOf(': ') + 2) || text;
    return `must be a valid regular expression (JavaScript syntax, unicode mode): ${reason}`;
  }
}

/**
 * Whether the pattern may contain a named group. A false positive (e.g. `\(?<`)
 * only costs an `exec` instead of a `test`, so a cheap scan is enough.
 */
export function mayHaveNamedGroups(source: string): boolean {
  return /\(\?<(?![=!])/.test(source);
}
