import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installLambdaGlobals } from './lambda-streaming-api.ts';

/** A Lambda handler: async `(event, context)` or callback style `(event, context, callback)`. */
export type LambdaHandler = (event: unknown, context: unknown, callback: (error?: unknown, result?: unknown) => void) => unknown;

/** Why a handler could not be loaded; reported as a function error, as the Lambda runtime does. */
export class HandlerLoadError extends Error {
  constructor(
    readonly errorType: 'Runtime.ImportModuleError' | 'Runtime.HandlerNotFound',
    message: string,
  ) {
    super(message);
    this.name = errorType;
  }
}

/**
 * Imports function modules from the functions folder, once per module (like a
 * warm Lambda sandbox, module state survives between invocations).
 */
export class FunctionLoader {
  private readonly modules = new Map<string, Promise<Record<string, unknown>>>();

  constructor(private readonly functionsDir: string) {
    installLambdaGlobals();
  }

  /** Resolves `file.mjs` or `file.mjs#exportName` (default export name: `handler`). */
  async load(handlerSpec: string): Promise<LambdaHandler> {
    const [file = '', exportName = 'handler'] = handlerSpec.split('#');
    const modulePath = resolve(this.functionsDir, file);
    let loading = this.modules.get(modulePath);
    if (!loading) {
      loading = import(pathToFileURL(modulePath).href) as Promise<Record<string, unknown>>;
      this.modules.set(modulePath, loading);
    }
    let module: Record<string, unknown>;
    try {
      module = await loading;
    } catch (error) {
      throw new HandlerLoadError('Runtime.ImportModuleError', `Error: ${(error as Error).message}`);
    }
    const handler = module[exportName];
    if (typeof handler !== 'function') {
      throw new HandlerLoadError('Runtime.HandlerNotFound', `${file}.${exportName} is undefined or not exported`);
    }
    return handler as LambdaHandler;
  }
}
