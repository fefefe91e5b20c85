export { createJsonLogger, isLogLevel, isSecretField, LOG_LEVELS, redactFields, silentLogger } from './logger.ts';
export type { LogLevel, Logger } from './logger.ts';
