export { AccountIdSchema, AuthSchema, BackendDescriptorSchema, FunctionNameSchema, QualifierSchema, RegionSchema } from './schema.ts';
export type { BackendAuth, BackendDescriptor, BackendDescriptorInput } from './schema.ts';
export { buildFunctionArn, lambdaEndpoint, parseFunctionName, resolveBackend } from './resolve.ts';
export type { EnvLookup, ResolvedBackend } from './resolve.ts';
