/** A Lambda handler: async `(event, context)` or callback style `(event, context, callback)`. */
export type LambdaHandler = (event: unknown, context: unknown, callback: (error?: unknown, result?: unknown) => void) => unknown;
/** Why a handler could not be loaded; reported as a function error, as the Lambda runtime does. */
export declare class HandlerLoadError extends Error {
    readonly errorType: 'Runtime.ImportModuleError' | 'Runtime.HandlerNotFound';
    constructor(errorType: 'Runtime.ImportModuleError' | 'Runtime.HandlerNotFound', message: string);
}
/**
 * Imports function modules from the functions folder, once per module (like a
 * warm Lambda sandbox, module state survives between invocations).
 */
export declare class FunctionLoader {
    private readonly functionsDir;
    private readonly modules;
    constructor(functionsDir: string);
    /** Resolves `file.mjs` or `file.mjs#exportName` (default export name: `handler`). */
    load(handlerSpec: string): Promise<LambdaHandler>;
}
