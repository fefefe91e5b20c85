/**
 * `${NAME}` substitution for scenario files, so the guide's role-1.json /
 * role-2.json (written for a shell heredoc, with `${AUTH_ACCOUNT_ID}` and
 * `${OIDC_PROVIDER}` in them) can be pasted verbatim. Only identifier-shaped
 * names are variables: IAM policy variables such as `${aws:username}` contain a
 * colon and are left alone. Object keys are substituted too, because role-1.json
 * uses `${OIDC_PROVIDER}:sub` as a condition key.
 */
const VARIABLE_REFERENCE = /\$\{([A-Za-z_]\w*)\}/g;
/** Thrown when a placeholder names a variable the scenario does not define. */
export class UndefinedVariableError extends Error {
    path;
    variable;
    constructor(path, variable) {
        super(`${path}: undefined variable \${${variable}} (define it under "variables")`);
        this.path = path;
        this.variable = variable;
    }
}
function substituteString(text, variables, path) {
    return text.replace(VARIABLE_REFERENCE, (_whole, name) => {
        const value = variables[name];
        if (value === undefined)
            throw new UndefinedVariableError(path, name);
        return value;
    });
}
function joinPath(parent, key) {
    if (typeof key === 'number')
        return `${parent}[${key}]`;
    return parent ? `${parent}.${key}` : key;
}
/**
 * Returns a deep copy of `value` with every `${NAME}` replaced. The top-level
 * `variables` entry itself is copied untouched.
 */
export function substituteVariables(value, variables, path = '') {
    if (typeof value === 'string')
        return substituteString(value, variables, path || '(root)');
    if (Array.isArray(value))
        return value.map((item, index) => substituteVariables(item, variables, joinPath(path, index)));
    if (value === null || typeof value !== 'object')
        return value;
    const copy = {};
    for (const [key, child] of Object.entries(value)) {
        if (path === '' && key === 'variables') {
            copy[key] = child;
            continue;
        }
        const childPath = joinPath(path, key);
        copy[substituteString(key, variables, childPath)] = substituteVariables(child, variables, childPath);
    }
    return copy;
}
