/** STS's default session length when DurationSeconds is absent. */
export declare const DEFAULT_DURATION_SECONDS = 3600;
/** The parameters every AssumeRole* action shares. */
export interface RoleSessionParameters {
    roleArn: string;
    roleSessionName: string;
    durationSeconds: number | undefined;
}
/** "Value 'x' at 'field' failed to satisfy constraint: rule", STS's model-validation wording. */
export declare const constraint: (value: string | null, field: string, rule: string) => string;
/**
 * Validates RoleArn, RoleSessionName and DurationSeconds, appending problems
 * to `problems` (STS reports every model violation of a request together).
 */
export declare function readRoleSessionParameters(params: URLSearchParams, problems: string[]): RoleSessionParameters;
/** Throws the combined ValidationError when there are problems. */
export declare function throwIfInvalid(problems: readonly string[]): void;
/**
 * Refuses parameters the local AWS does not model (session policies, MFA, …)
 * rather than silently ignoring them, which would hand out broader sessions
 * than AWS would.
 */
export declare function rejectUnsupportedParameters(params: URLSearchParams, unsupported: readonly RegExp[], why: string): void;
