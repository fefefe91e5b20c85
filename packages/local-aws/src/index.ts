export { startLocalAws } from './server.ts';
export type { LocalAws, RecordedInvocation, StartLocalAwsOptions, ToggleableService, WebIdentityTokenOptions } from './api-types.ts';
export { loadScenario, parseScenario, ScenarioError } from './scenario.ts';
export { ScenarioSchema } from './scenario-schema.ts';
export type {
  Scenario,
  ScenarioInput,
  AccountConfig,
  UserConfig,
  RoleConfig,
  FunctionConfig,
  OidcProviderConfig,
  ContainerCredentialsConfig,
} from './scenario-schema.ts';
export { bundledFunctionsDir, bundledScenarioPath } from './fixture-paths.ts';
export { DOCUMENTED_STREAMING_LIMITS, type StreamingLimits } from './streaming-limits.ts';
