/** The fixture functions shipped with the local AWS (echo, fail, sleep, event-echo, …). */
export declare const bundledFunctionsDir: string;
/** Path of a scenario shipped in `fixtures/`, e.g. `bundledScenarioPath('guide-scenario.yaml')`. */
export declare function bundledScenarioPath(fileName: string): string;
