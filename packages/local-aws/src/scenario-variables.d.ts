/**
 * `${NAME}` substitution for scenario files, so the guide's role-1.json /
 * role-2.json (written for a shell heredoc, with `${AUTH_ACCOUNT_ID}` and
 * `${OIDC_PROVIDER}` in them) can be pasted verbatim. Only identifier-shaped
 * names are variables: IAM policy variables such as `${aws:username}` contain a
 * colon and are left alone. Object keys are substituted too, because role-1.json
 * uses `${OIDC_PROVIDER}:sub` as a condition key.
 */
/** Thrown when a placeholder names a variable the scenario does not define. */
export declare class UndefinedVariableError extends Error {
    readonly path: string;
    readonly variable: string;
    constructor(path: string, variable: string);
}
/**
 * Returns a deep copy of `value` with every `${NAME}` replaced. The top-level
 * `variables` entry itself is copied untouched.
 */
export declare function substituteVariables(value: unknown, variables: Readonly<Record<string, string>>, path?: string): unknown;
