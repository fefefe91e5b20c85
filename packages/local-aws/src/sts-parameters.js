import { stsValidationError, stsValidationErrors } from "./sts-errors.js";
/** STS's default session length when DurationSeconds is absent. */
export const DEFAULT_DURATION_SECONDS = 3600;
/** "Value 'x' at 'field' failed to satisfy constraint: rule", STS's model-validation wording. */
export const constraint = (value, field, rule) => `Value ${value === null ? 'null' : `'${value}'`} at '${field}' failed to satisfy constraint: ${rule}`;
/**
 * Validates RoleArn, RoleSessionName and DurationSeconds, appending problems
 * to `problems` (STS reports every model violation of a request together).
 */
export function readRoleSessionParameters(params, problems) {
    const roleArn = params.get('RoleArn');
    const sessionName = params.get('RoleSessionName');
    const duration = params.get('DurationSeconds');
    if (roleArn === null)
        problems.push(constraint(null, 'roleArn', 'Member must not be null'));
    else if (roleArn.length < 20 || roleArn.length > 2048) {
        problems.push(constraint(roleArn, 'roleArn', 'Member must have length between 20 and 2048'));
    }
    if (sessionName === null)
        problems.push(constraint(null, 'roleSessionName', 'Member must not be null'));
    else if (sessionName.length < 2 || sessionName.length > 64) {
        problems.push(constraint(sessionName, 'roleSessionName', 'Member must have length between 2 and 64'));
    }
    else if (!/^[\w+=,.@-]*$/.test(sessionName)) {
        problems.push(constraint(sessionName, 'roleSessionName', 'Member must satisfy regular expression pattern: [\\w+=,.@-]*'));
    }
    let durationSeconds;
    if (duration !== null) {
        durationSeconds = /^\d+$/.test(duration) ? Number(duration) : Number.NaN;
        if (Number.isNaN(durationSeconds) || durationSeconds < 900) {
            problems.push(constraint(duration, 'durationSeconds', 'Member must have value greater than or equal to 900'));
        }
        else if (durationSeconds > 43_200) {
            problems.push(constraint(duration, 'durationSeconds', 'Member must have value less than or equal to 43200'));
        }
    }
    return { roleArn: roleArn ?? '', roleSessionName: sessionName ?? '', durationSeconds };
}
/** Throws the combined ValidationError when there are problems. */
export function throwIfInvalid(problems) {
    if (problems.length)
        throw stsValidationErrors(problems);
}
/**
 * Refuses parameters the local AWS does not model (session policies, MFA, …)
 * rather than silently ignoring them, which would hand out broader sessions
 * than AWS would.
 */
export function rejectUnsupportedParameters(params, unsupported, why) {
    for (const name of params.keys()) {
        if (unsupported.some((pattern) => pattern.test(name))) {
            throw stsValidationError(`${name} is not supported by the local AWS (${why})`);
        }
    }
}
