import type { LambdaHandler } from './function-loader.ts';
import { InvocationLog } from './function-logs.ts';
/** Everything one invocation needs to know about itself. */
export interface InvocationSpec {
    requestId: string;
    functionName: string;
    /** `$LATEST` or the version number actually executed (an alias's target). */
    functionVersion: string;
    /** The ARN the caller used (qualified when a qualifier was given). */
    invokedFunctionArn: string;
    memoryLimitInMB: number;
    timeoutSeconds: number;
    clientContext: unknown;
    event: unknown;
}
/** How an invocation ended, ready for the Invoke response. */
export interface InvocationOutcome {
    /** JSON text of the return value, or of the error object. */
    payload: string;
    /** Set when the function failed (Lambda's X-Amz-Function-Error). */
    functionError?: 'Unhandled';
    errorType?: string;
    log: InvocationLog;
    durationMs: number;
}
/** Error shape of the Node.js runtime: errorType, errorMessage and the stack as lines. */
export declare function describeFunctionError(error: unknown): {
    errorType: string;
    errorMessage: string;
    trace: string[];
};
/**
 * Runs one invocation in-process with Lambda's contract: context object,
 * timeout (`Sandbox.Timedout`; the handler itself cannot be killed and is left
 * to finish in the background), JSON serialisation of the result and the
 * response size limit.
 */
export declare function runInvocation(loadHandler: () => Promise<LambdaHandler>, spec: InvocationSpec): Promise<InvocationOutcome>;
