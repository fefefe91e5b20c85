/**
 * IAM-style wildcard matching: `*` matches any run of characters (including
 * none, and including `:` and `/`), `?` matches exactly one character.
 * Everything else is literal.
 */
const compiledPatterns = new Map();
/** Policies are finite, but a long-lived demo may see many ARNs; keep the cache bounded. */
const MAX_CACHED_PATTERNS = 2_000;
function compile(pattern, ignoreCase) {
    const cacheKey = `${ignoreCase ? 'i' : 's'}${pattern}`;
    const cached = compiledPatterns.get(cacheKey);
    if (cached)
        return cached;
    let source = '';
    for (const char of pattern) {
        if (char === '*')
            source += '.*';
        else if (char === '?')
            source += '.';
        // Only regex syntax characters: with the `u` flag, escaping anything else (like `-`) is an error.
        else
            source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    const regex = new RegExp(`^${source}$`, ignoreCase ? 'isu' : 'su');
    if (compiledPatterns.size >= MAX_CACHED_PATTERNS)
        compiledPatterns.clear();
    compiledPatterns.set(cacheKey, regex);
    return regex;
}
/** True when `value` matches the IAM wildcard `pattern`. */
export function matchesWildcard(pattern, value, options = {}) {
    if (pattern === '*')
        return true;
    if (!pattern.includes('*') && !pattern.includes('?')) {
        return options.ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
    }
    return compile(pattern, options.ignoreCase ?? false).test(value);
}
/**
 * ArnLike / ArnEquals semantics: both ARNs are split into their six
 * colon-separated parts (the last part keeps any further colons) and each part
 * is wildcard-matched on its own, so `*` in the region part cannot swallow the
 * account part. A value that is not an ARN never matches.
 */
export function matchesArnPattern(pattern, arn) {
    if (pattern === '*')
        return true;
    const patternParts = splitArn(pattern);
    const arnParts = splitArn(arn);
    if (!patternParts || !arnParts)
        return false;
    return patternParts.every((part, index) => matchesWildcard(part, arnParts[index] ?? ''));
}
function splitArn(value) {
    const parts = value.split(':');
    if (parts.length < 6 || parts[0] !== 'arn')
        return undefined;
    return [...parts.slice(0, 5), parts.slice(5).join(':')];
}
