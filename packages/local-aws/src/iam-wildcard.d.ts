/**
 * IAM-style wildcard matching: `*` matches any run of characters (including
 * none, and including `:` and `/`), `?` matches exactly one character.
 * Everything else is literal.
 */
/** True when `value` matches the IAM wildcard `pattern`. */
export declare function matchesWildcard(pattern: string, value: string, options?: {
    ignoreCase?: boolean;
}): boolean;
/**
 * ArnLike / ArnEquals semantics: both ARNs are split into their six
 * colon-separated parts (the last part keeps any further colons) and each part
 * is wildcard-matched on its own, so `*` in the region part cannot swallow the
 * account part. A value that is not an ARN never matches.
 */
export declare function matchesArnPattern(pattern: string, arn: string): boolean;
