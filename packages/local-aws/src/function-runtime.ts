import { randomBytes } from 'node:crypto';
import type { LambdaHandler } from './function-loader.ts';
import { InvocationLog, runWithInvocationLog } from './function-logs.ts';

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

/** Lambda's synchronous response limit applies to what the function returns, too. */
const MAX_RESPONSE_BYTES = 6_291_456;
const TIMED_OUT = Symbol('timed out');

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** Error shape of the Node.js runtime: errorType, errorMessage and the stack as lines. */
export function describeFunctionError(error: unknown): { errorType: string; errorMessage: string; trace: string[] } {
  if (error instanceof Error) {
    const constructorName = error.constructor?.name;
    const errorType = error.name !== 'Error' || !constructorName ? error.name : constructorName;
    return { errorType, errorMessage: error.message, trace: error.stack?.split('\n') ?? [] };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

function logStreamName(version: string): string {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[${version}]${randomBytes(16).toString('hex')}`;
}

/**
 * Calls the handler and settles on its promise (async handlers) or its
 * callback (callback-style handlers, i.e. declaring a third parameter).
 * A plain synchronous return from a two-parameter handler is taken as the result.
 */
export function callHandler(handler: LambdaHandler, event: unknown, context: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const callback = (error?: unknown, result?: unknown) => {
      if (settled) return;
      settled = true;
      if (error !== undefined && error !== null) reject(error);
      else resolve(result);
    };
    // The legacy context methods some older handlers still use.
    context['done'] = callback;
    context['succeed'] = (result: unknown) => callback(null, result);
    context['fail'] = (error: unknown) => callback(error ?? new Error('handled'));
    let returned: unknown;
    try {
      returned = handler(event, context, callback);
    } catch (error) {
      callback(error ?? new Error('undefined error'));
      return;
    }
    if (isThenable(returned)) {
      returned.then(
        (result) => callback(null, result),
        (error: unknown) => callback(error ?? new Error('undefined rejection')),
      );
    } else if (handler.length < 3) {
      callback(null, returned);
    }
  });
}

function errorOutcome(log: InvocationLog, startedAt: number, error: { errorType: string; errorMessage: string; trace?: string[] }): InvocationOutcome {
  const body = { errorType: error.errorType, errorMessage: error.errorMessage, trace: error.trace ?? [] };
  log.line(`${new Date().toISOString()}\t${log.requestId}\tERROR\tInvoke Error \t${JSON.stringify(body)}`);
  return { payload: JSON.stringify(body), functionError: 'Unhandled', errorType: error.errorType, log, durationMs: Date.now() - startedAt };
}

/** The context object the Node.js runtime passes to handlers. */
export function lambdaContext(spec: InvocationSpec, deadline: number): Record<string, unknown> {
  return {
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
}

/**
 * Runs one invocation in-process with Lambda's contract: context object,
 * timeout (`Sandbox.Timedout`; the handler itself cannot be killed and is left
 * to finish in the background), JSON serialisation of the result and the
 * response size limit.
 */
export async function runInvocation(loadHandler: () => Promise<LambdaHandler>, spec: InvocationSpec): Promise<InvocationOutcome> {
  const startedAt = Date.now();
  const deadline = startedAt + spec.timeoutSeconds * 1000;
  const log = new InvocationLog(spec.requestId);
  log.line(`START RequestId: ${spec.requestId} Version: ${spec.functionVersion}`);
  const context = lambdaContext(spec, deadline);

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), spec.timeoutSeconds * 1000);
  });
  const run = runWithInvocationLog(log, async () => callHandler(await loadHandler(), spec.event, context));
  let outcome: InvocationOutcome;
  try {
    const result = await Promise.race([run, timeout]);
    if (result === TIMED_OUT) {
      const message = `Task timed out after ${spec.timeoutSeconds.toFixed(2)} seconds`;
      log.line(`${new Date().toISOString()} ${spec.requestId} ${message}`);
      outcome = errorOutcome(log, startedAt, { errorType: 'Sandbox.Timedout', errorMessage: message });
    } else {
      const payload = JSON.stringify(result) ?? 'null';
      outcome =
        Buffer.byteLength(payload) > MAX_RESPONSE_BYTES
          ? errorOutcome(log, startedAt, {
              errorType: 'Function.ResponseSizeTooLarge',
              errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
            })
          : { payload, log, durationMs: Date.now() - startedAt };
    }
  } catch (error) {
    const described =
      error instanceof Error && 'errorType' in error && typeof error.errorType === 'string'
        ? { errorType: error.errorType, errorMessage: error.message, trace: [] }
        : describeFunctionError(error);
    outcome = errorOutcome(log, startedAt, described);
  } finally {
    clearTimeout(timer);
  }
  const duration = outcome.durationMs.toFixed(2);
  log.line(`END RequestId: ${spec.requestId}`);
  log.line(
    // No "Max Memory Used": in-process functions share the heap, so any figure would be made up.
    `REPORT RequestId: ${spec.requestId}\tDuration: ${duration} ms\tBilled Duration: ${Math.max(1, Math.ceil(outcome.durationMs))} ms\tMemory Size: ${spec.memoryLimitInMB} MB\t`,
  );
  return outcome;
}
