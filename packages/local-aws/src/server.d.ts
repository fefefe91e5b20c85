import type { LocalAws, StartLocalAwsOptions } from './api-types.ts';
/**
 * Starts the local AWS: one HTTP server answering Lambda Invoke, STS and the
 * container-credentials endpoint for every account in the scenario, on one origin.
 */
export declare function startLocalAws(options: StartLocalAwsOptions): Promise<LocalAws>;
