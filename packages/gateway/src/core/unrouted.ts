import type { Platform } from './platform.ts';

/** An answer no route gave: a 404 `RouteNotFound`, a 421 `MisdirectedRequest`. */
export interface UnroutedAnswer {
  requestId: string;
  method: string;
  path: string;
  status: 404 | 421;
  error: 'RouteNotFound' | 'MisdirectedRequest';
  /** More log fields (the 421's server name and host). */
  details?: Record<string, string>;
}

/**
 * Logs it as a failed request, as every answered request is logged (a route lost in a config
 * change shows here), and counts it: it has no route or backend to label `requests_total` with.
 */
export function recordUnrouted(platform: Pick<Platform, 'logger' | 'metrics'>, answer: UnroutedAnswer): void {
  const { details, ...fields } = answer;
  platform.logger.warn('request failed', { ...fields, ...details });
  platform.metrics?.requestUnrouted?.(answer.status, answer.error);
}
