export { AccountIdSchema, AuthSchema, BackendDescriptorSchema, FunctionNameSchema, QualifierSchema, RegionSchema } from './schema.ts';
export type { BackendAuth, BackendDescriptor, BackendDescriptorInput } from './schema.ts';
export { buildFunctionArn, lambdaEndpoint, parseFunctionName, resolveBackend } from './resolve.ts';
export type { ResolvedBackend } from './resolve.ts';
// Backends resolve against the environment; the lookup type is the AWS layer's.
export type { EnvLookup } from '../aws/env.ts';
