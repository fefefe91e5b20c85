export { ConfigError } from './config-error.ts';
export { GatewayError, errorResponse } from './gateway-error.ts';
export type { GatewayErrorCode, GatewayErrorOptions } from './gateway-error.ts';
export { GENERIC_ERROR_MESSAGES } from './redaction.ts';
