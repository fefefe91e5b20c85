export { startLocalAws } from "./server.js";
export { loadScenario, parseScenario, ScenarioError } from "./scenario.js";
export { ScenarioSchema } from "./scenario-schema.js";
export { bundledFunctionsDir, bundledScenarioPath } from "./fixture-paths.js";
