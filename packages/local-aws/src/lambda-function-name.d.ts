/**
 * Lambda's FunctionName parameter, in all the forms the Invoke API accepts:
 * `name`, `name:qualifier`, `123456789012:function:name[:qualifier]` and
 * `arn:aws:lambda:region:123456789012:function:name[:qualifier]`.
 */
export interface FunctionReference {
    /** Present for partial and full ARNs; otherwise the caller's account applies. */
    accountId?: string;
    /** Present for full ARNs; otherwise the signing region applies. */
    region?: string;
    name: string;
    qualifier?: string;
}
/** The pattern Lambda's model declares for FunctionName (quoted in validation messages). */
export declare const FUNCTION_NAME_MODEL_PATTERN = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
/** Invoke's FunctionName may be up to 170 characters in total. */
export declare const MAX_FUNCTION_NAME_LENGTH = 170;
/** Parses a (percent-decoded) FunctionName; `undefined` when it matches no accepted form. */
export declare function parseFunctionReference(raw: string): FunctionReference | undefined;
/** The `?Qualifier=` parameter: `$LATEST`, a version or an alias. */
export declare function isValidQualifier(qualifier: string): boolean;
