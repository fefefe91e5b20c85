var __rewriteRelativeImportExtension = (this && this.__rewriteRelativeImportExtension) || function (path, preserveJsx) {
    if (typeof path === "string" && /^\.\.?\//.test(path)) {
        return path.replace(/\.(tsx)$|((?:\.d)?)((?:\.[^./]+?)?)\.([cm]?)ts$/i, function (m, tsx, d, ext, cm) {
            return tsx ? preserveJsx ? ".jsx" : ".js" : d && (!ext || !cm) ? m : (d + ext + "." + cm.toLowerCase() + "js");
        });
    }
    return path;
};
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
/** Why a handler could not be loaded; reported as a function error, as the Lambda runtime does. */
export class HandlerLoadError extends Error {
    errorType;
    constructor(errorType, message) {
        super(message);
        this.errorType = errorType;
        this.name = errorType;
    }
}
/**
 * Imports function modules from the functions folder, once per module (like a
 * warm Lambda sandbox, module state survives between invocations).
 */
export class FunctionLoader {
    functionsDir;
    modules = new Map();
    constructor(functionsDir) {
        this.functionsDir = functionsDir;
    }
    /** Resolves `file.mjs` or `file.mjs#exportName` (default export name: `handler`). */
    async load(handlerSpec) {
        const [file = '', exportName = 'handler'] = handlerSpec.split('#');
        const modulePath = resolve(this.functionsDir, file);
        let loading = this.modules.get(modulePath);
        if (!loading) {
            loading = import(__rewriteRelativeImportExtension(pathToFileURL(modulePath).href));
            this.modules.set(modulePath, loading);
        }
        let module;
        try {
            module = await loading;
        }
        catch (error) {
            throw new HandlerLoadError('Runtime.ImportModuleError', `Error: ${error.message}`);
        }
        const handler = module[exportName];
        if (typeof handler !== 'function') {
            throw new HandlerLoadError('Runtime.HandlerNotFound', `${file}.${exportName} is undefined or not exported`);
        }
        return handler;
    }
}
