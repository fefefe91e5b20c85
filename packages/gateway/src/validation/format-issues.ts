import type { BaseIssue } from 'valibot';
import { unknownFieldHint } from './closest-field.ts';

/**
 * Renders a valibot issue path the way users write it in config files:
 * `routes[0].matches[1].path.value`.
 */
export function issuePath(issue: BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * One line per problem, `path: reason`. For unions valibot reports one issue
 * with nested sub-issues; the deepest ones say what is actually wrong. With the
 * `schema` that was validated, an unknown field names the closest allowed one.
 */
export function formatIssues(issues: readonly BaseIssue<unknown>[], schema?: unknown): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.issues && issue.issues.length > 0 && issue.type !== 'variant') {
      lines.push(...formatIssues(issue.issues, schema));
    } else if (issue.issues && issue.issues.length > 0) {
      lines.push(...formatIssues(issue.issues, schema));
    } else {
      lines.push(`${issuePath(issue)}: ${(schema === undefined ? undefined : unknownFieldHint(issue, schema)) ?? issue.message}`);
    }
  }
  return [...new Set(lines)];
}
