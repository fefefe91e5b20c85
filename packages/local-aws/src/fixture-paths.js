import { fileURLToPath } from 'node:url';
/** The fixture functions shipped with the local AWS (echo, fail, sleep, event-echo, …). */
export const bundledFunctionsDir = fileURLToPath(new URL('../fixtures/functions/', import.meta.url));
/** Path of a scenario shipped in `fixtures/`, e.g. `bundledScenarioPath('guide-scenario.yaml')`. */
export function bundledScenarioPath(fileName) {
    return fileURLToPath(new URL(`../fixtures/${fileName}`, import.meta.url));
}
