export { ConfigError, formatIssues, issuePath } from './format-issues.ts';
export { parseOrThrow } from './parse.ts';
