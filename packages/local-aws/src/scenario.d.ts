import { type Scenario, type ScenarioInput } from './scenario-schema.ts';
/** A scenario that failed to load; `problems` are "path: message" lines. */
export declare class ScenarioError extends Error {
    readonly source: string;
    readonly problems: readonly string[];
    constructor(source: string, problems: readonly string[]);
}
/**
 * Validates a scenario object. `baseDir` anchors a relative functionsDir.
 * Throws ScenarioError naming `source` and each offending field path.
 */
export declare function parseScenario(raw: unknown, options: {
    source: string;
    baseDir: string;
}): Scenario;
/**
 * Reads a YAML or JSON scenario file (by extension; YAML otherwise) and
 * validates it. functionsDir resolves relative to the file.
 */
export declare function loadScenario(path: string): Promise<Scenario>;
/** Accepts a file path or an in-memory scenario (relative functionsDir then resolves against the cwd). */
export declare function resolveScenario(scenario: Scenario | ScenarioInput | string): Promise<Scenario>;
