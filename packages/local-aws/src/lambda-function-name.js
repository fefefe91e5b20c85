/** The pattern Lambda's model declares for FunctionName (quoted in validation messages). */
export const FUNCTION_NAME_MODEL_PATTERN = '(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?';
const NAME = '([a-zA-Z0-9_-]{1,64})';
const QUALIFIER = '(?::(\\$LATEST|[a-zA-Z0-9_-]{1,128}))?';
const REGION = '([a-z]{2}(?:-gov)?-[a-z]+-\\d)';
const FULL_ARN = new RegExp(`^arn:aws:lambda:${REGION}:(\\d{12}):function:${NAME}${QUALIFIER}$`);
const PARTIAL_ARN = new RegExp(`^(?:${REGION}:)?(\\d{12}):function:${NAME}${QUALIFIER}$`);
const BARE_NAME = new RegExp(`^${NAME}${QUALIFIER}$`);
/** Invoke's FunctionName may be up to 170 characters in total. */
export const MAX_FUNCTION_NAME_LENGTH = 170;
/** Parses a (percent-decoded) FunctionName; `undefined` when it matches no accepted form. */
export function parseFunctionReference(raw) {
    if (raw.length === 0 || raw.length > MAX_FUNCTION_NAME_LENGTH)
        return undefined;
    const full = FULL_ARN.exec(raw);
    if (full)
        return withQualifier({ region: full[1], accountId: full[2], name: full[3] }, full[4]);
    const partial = PARTIAL_ARN.exec(raw);
    if (partial) {
        const region = partial[1];
        return withQualifier({ ...(region ? { region } : {}), accountId: partial[2], name: partial[3] }, partial[4]);
    }
    const bare = BARE_NAME.exec(raw);
    if (bare)
        return withQualifier({ name: bare[1] }, bare[2]);
    return undefined;
}
function withQualifier(reference, qualifier) {
    return qualifier === undefined ? reference : { ...reference, qualifier };
}
/** The `?Qualifier=` parameter: `$LATEST`, a version or an alias. */
export function isValidQualifier(qualifier) {
    return /^(?:\$LATEST|[a-zA-Z0-9_-]{1,128})$/.test(qualifier);
}
