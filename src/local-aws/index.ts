export { startLocalAws } from './server.ts';
export type { LocalAws, RecordedInvocation, StartLocalAwsOptions, ToggleableService } from './api-types.ts';
export { loadScenario, parseScenario, ScenarioError } from './scenario.ts';
export { ScenarioSchema } from './scenario-schema.ts';
export type { Scenario, ScenarioInput, AccountConfig, UserConfig, RoleConfig, FunctionConfig } from './scenario-schema.ts';
export { bundledFunctionsDir, bundledScenarioPath } from './fixture-paths.ts';
