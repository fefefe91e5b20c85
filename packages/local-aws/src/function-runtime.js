import { randomBytes } from 'node:crypto';
import { InvocationLog, runWithInvocationLog } from "./function-logs.js";
/** Lambda's synchronous response limit applies to what the function returns, too. */
const MAX_RESPONSE_BYTES = 6_291_456;
const TIMED_OUT = Symbol('timed out');
function isThenable(value) {
    return typeof value?.then === 'function';
}
/** Error shape of the Node.js runtime: errorType, errorMessage and the stack as lines. */
export function describeFunctionError(error) {
    if (error instanceof Error) {
        const constructorName = error.constructor?.name;
        const errorType = error.name !== 'Error' || !constructorName ? error.name : constructorName;
        return { errorType, errorMessage: error.message, trace: error.stack?.split('\n') ?? [] };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
}
function logStreamName(version) {
    const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
    return `${day}/[${version}]${randomBytes(16).toString('hex')}`;
}
/**
 * Calls the handler and settles on its promise (async handlers) or its
 * callback (callback-style handlers, i.e. declaring a third parameter).
 * A plain synchronous return from a two-parameter handler is taken as the result.
 */
function callHandler(handler, event, context) {
    return new Promise((resolve, reject) => {
        let settled = false;
        const callback = (error, result) => {
            if (settled)
                return;
            settled = true;
            if (error !== undefined && error !== null)
                reject(error);
            else
                resolve(result);
        };
        // The legacy context methods some older handlers still use.
        context['done'] = callback;
        context['succeed'] = (result) => callback(null, result);
        context['fail'] = (error) => callback(error ?? new Error('handled'));
        let returned;
        try {
            returned = handler(event, context, callback);
        }
        catch (error) {
            callback(error ?? new Error('undefined error'));
            return;
        }
        if (isThenable(returned)) {
            returned.then((result) => callback(null, result), (error) => callback(error ?? new Error('undefined rejection')));
        }
        else if (handler.length < 3) {
            callback(null, returned);
        }
    });
}
function errorOutcome(log, startedAt, error) {
    const body = { errorType: error.errorType, errorMessage: error.errorMessage, trace: error.trace ?? [] };
    log.line(`${new Date().toISOString()}\t${log.requestId}\tERROR\tInvoke Error \t${JSON.stringify(body)}`);
    return { payload: JSON.stringify(body), functionError: 'Unhandled', errorType: error.errorType, log, durationMs: Date.now() - startedAt };
}
/**
 * Runs one invocation in-process with Lambda's contract: context object,
 * timeout (`Sandbox.Timedout`; the handler itself cannot be killed and is left
 * to finish in the background), JSON serialisation of the result and the
 * response size limit.
 */
export async function runInvocation(loadHandler, spec) {
    const startedAt = Date.now();
    const deadline = startedAt + spec.timeoutSeconds * 1000;
    const log = new InvocationLog(spec.requestId);
    log.line(`START RequestId: ${spec.requestId} Version: ${spec.functionVersion}`);
    const context = {
        awsRequestId: spec.requestId,
        functionName: spec.functionName,
        functionVersion: spec.functionVersion,
        invokedFunctionArn: spec.invokedFunctionArn,
        memoryLimitInMB: String(spec.memoryLimitInMB),
        logGroupName: `/aws/lambda/${spec.functionName}`,
        logStreamName: logStreamName(spec.functionVersion),
        clientContext: spec.clientContext,
        identity: undefined,
        callbackWaitsForEmptyEventLoop: true,
        getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    let timer;
    const timeout = new Promise((resolve) => {
        timer = setTimeout(() => resolve(TIMED_OUT), spec.timeoutSeconds * 1000);
    });
    const run = runWithInvocationLog(log, async () => callHandler(await loadHandler(), spec.event, context));
    let outcome;
    try {
        const result = await Promise.race([run, timeout]);
        if (result === TIMED_OUT) {
            const message = `Task timed out after ${spec.timeoutSeconds.toFixed(2)} seconds`;
            log.line(`${new Date().toISOString()} ${spec.requestId} ${message}`);
            outcome = errorOutcome(log, startedAt, { errorType: 'Sandbox.Timedout', errorMessage: message });
        }
        else {
            const payload = JSON.stringify(result) ?? 'null';
            outcome =
                Buffer.byteLength(payload) > MAX_RESPONSE_BYTES
                    ? errorOutcome(log, startedAt, {
                        errorType: 'Function.ResponseSizeTooLarge',
                        errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
                    })
                    : { payload, log, durationMs: Date.now() - startedAt };
        }
    }
    catch (error) {
        const described = error instanceof Error && 'errorType' in error && typeof error.errorType === 'string'
            ? { errorType: error.errorType, errorMessage: error.message, trace: [] }
            : describeFunctionError(error);
        outcome = errorOutcome(log, startedAt, described);
    }
    finally {
        clearTimeout(timer);
    }
    const duration = outcome.durationMs.toFixed(2);
    log.line(`END RequestId: ${spec.requestId}`);
    log.line(
    // No "Max Memory Used": in-process functions share the heap, so any figure would be made up.
    `REPORT RequestId: ${spec.requestId}\tDuration: ${duration} ms\tBilled Duration: ${Math.max(1, Math.ceil(outcome.durationMs))} ms\tMemory Size: ${spec.memoryLimitInMB} MB\t`);
    return outcome;
}
