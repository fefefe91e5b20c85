export { NativeConfigSchema, NativeRouteSchema } from './native-schema.ts';
export type { NativeConfig, NativeRoute } from './native-schema.ts';
export { documentLabel, parseConfigText } from './documents.ts';
export { expandDocumentScalars } from './env-in-documents.ts';
export type { SourcedDocument } from './documents.ts';
export { buildRoutes, isManifest } from './build-routes.ts';
export type { BuiltConfig, ManifestTranslation, ManifestTranslator } from './build-routes.ts';
export { buildRoutesFromTexts, parseConfigTexts } from './config-texts.ts';
export type { ConfigFileText } from './config-texts.ts';
