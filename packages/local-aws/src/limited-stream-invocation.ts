import type { FunctionRecord } from './account-directory.ts';
import type { RecordedInvocation } from './api-types.ts';
import type { StreamingInvocation } from './function-stream-runtime.ts';
import { reservedConcurrencyExceeded } from './lambda-errors.ts';
import type { RequestContext } from './request-context.ts';

/**
 * Starts a streaming invocation (InvokeWithResponseStream, a RESPONSE_STREAM Function URL) in
 * one of the function's reserved-concurrency slots, held until the function finishes, and
 * records its outcome and log fields then. Throws 429 TooManyRequestsException (reserved
 * concurrency) when no slot is free, as Lambda does, before the function runs.
 */
export async function startLimitedStreamingInvocation(
  context: RequestContext,
  fn: FunctionRecord,
  record: RecordedInvocation,
  start: () => StreamingInvocation,
): Promise<StreamingInvocation> {
  let started!: (invocation: StreamingInvocation) => void;
  const startedInvocation = new Promise<StreamingInvocation>((resolve) => {
    started = resolve;
  });
  const running = context.state.limiterFor(fn).runIfFree(() => {
    const invocation = start();
    started(invocation);
    return invocation.completion;
  });
  if (!running) throw reservedConcurrencyExceeded();
  const invocation = await startedInvocation;
  void running.then((completion) => {
    record.outcome = {
      payload: '',
      durationMs: completion.durationMs,
      ...(completion.failure ? { functionError: 'Unhandled', errorType: completion.failure.errorType } : {}),
    };
    context.logFields['durationMs'] = completion.durationMs;
    context.logFields['streamedBytes'] = completion.bytes;
    if (completion.failure) context.logFields['functionError'] = completion.failure.errorType;
  });
  return invocation;
}
