import type { Scenario } from './scenario-schema.ts';
/**
 * Rules that span several fields, which a per-field schema cannot express.
 * Each problem is reported as "path: message".
 */
export declare function crossFieldProblems(scenario: Scenario): string[];
