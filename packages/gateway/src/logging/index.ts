export { createJsonLogger, silentLogger } from './logger.ts';
export type { LogLevel, Logger } from './logger.ts';
