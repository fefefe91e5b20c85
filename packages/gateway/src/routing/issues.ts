import type * as v from 'valibot';

/**
 * Renders a valibot issue path as `headers[1].name`, the same shape the config
 * loader prints, so errors thrown by `createRouter` read like config errors.
 */
export function formatIssuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key: unknown = item.key;
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** One `path: message` line per issue (just `message` for a root issue). */
export function formatIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const path = formatIssuePath(issue);
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
}

/**
 * Message factory for `v.strictObject`: valibot routes the "not an object",
 * "missing key" and "unknown key" issues through the same message, so tell
 * them apart by `expected` and say which fields exist.
 */
export function objectMessage(allowed: readonly string[]): (issue: v.BaseIssue<unknown>) => string {
  return (issue) => {
    if (issue.expected === 'never') return `unknown field (allowed: ${allowed.join(', ')})`;
    if (issue.expected !== 'Object' && issue.input === undefined) return 'is required';
    return 'must be an object';
  };
}
