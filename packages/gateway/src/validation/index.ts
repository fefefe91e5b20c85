// ConfigError lives beside GatewayError; re-exported here for the modules that validate and throw it.
export { ConfigError } from '../errors/index.ts';
export { formatIssues, issuePath } from './format-issues.ts';
export { parseOrThrow } from './parse.ts';
