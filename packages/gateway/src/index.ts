/**
 * lambda-gateway: route HTTP requests to AWS Lambda functions in any account.
 * The package entry exports the runtime-neutral API (Web APIs only).
 */
export { compileGateway, createGateway, lambda, getDefaultRuntime } from './core/index.ts';
export type { CompiledGateway, CreateGatewayOptions, GatewayRouteSpec, GatewayRuntime, LambdaHandlerOptions, RouteTableRow } from './core/index.ts';
export { BackendDescriptorSchema, buildFunctionArn, parseFunctionName, resolveBackend } from './descriptor/index.ts';
export type { BackendAuth, BackendDescriptor, BackendDescriptorInput, ResolvedBackend } from './descriptor/index.ts';
export {
  CredentialResolver,
  CredentialsUnavailableError,
  environmentCredentials,
  secretCredentials,
  assumeRoleProviderFactory,
  webIdentityCredentials,
  refreshingCredentials,
  CredentialCache,
  moduleCredentialCache,
  createStsClient,
  stsLocation,
} from './credentials/index.ts';
export type { AwsCredentials, CredentialProvider, SecretSource, AssumeRoleOptions, WebIdentityCredentialsOptions, RefreshingCredentialsOptions, StsClient } from './credentials/index.ts';
export { fetchTransport, invokeLambda } from './invoke/index.ts';
export type { HttpTransport } from './invoke/index.ts';
export { GatewayError } from './errors/index.ts';
export { ConfigError } from './validation/index.ts';
export { NativeConfigSchema, buildRoutes, buildRoutesFromTexts, parseConfigText } from './config/index.ts';
export type { BuiltConfig, ConfigFileText } from './config/index.ts';
export { createJsonLogger, silentLogger } from './logging/index.ts';
export type { Logger } from './logging/index.ts';
