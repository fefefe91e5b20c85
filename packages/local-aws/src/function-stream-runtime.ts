import type { LambdaHandler } from './function-loader.ts';
import { InvocationLog, runWithInvocationLog } from './function-logs.ts';
import { callHandler, describeFunctionError, lambdaContext, type InvocationSpec } from './function-runtime.ts';
import { isStreamingHandler, ResponseStream } from './lambda-streaming-api.ts';
import { DOCUMENTED_STREAMING_LIMITS, ResponseBandwidth, type StreamingLimits } from './streaming-limits.ts';

export interface StreamFailure {
  errorType: string;
  errorMessage: string;
}

/** How a streaming invocation ended: the InvokeComplete event's facts. */
export interface StreamCompletion {
  failure: StreamFailure | undefined;
  log: InvocationLog;
  durationMs: number;
  bytes: number;
}

/**
 * One InvokeWithResponseStream invocation in progress. The caller pulls the
 * bytes the function writes (`next`, one chunk at a time: the function's
 * writes wait while the caller is slow, which is the backpressure), then
 * awaits `completion`. `abort` is for a caller that went away.
 */
export interface StreamingInvocation {
  next(): Promise<Buffer | undefined>;
  /** The stream's content type; final once `next` has returned the first chunk or the end. */
  readonly contentType: string;
  readonly completion: Promise<StreamCompletion>;
  abort(): void;
}

/**
 * Starts a handler for InvokeWithResponseStream. A streamified handler
 * (`awslambda.streamifyResponse`) writes to its response stream; any other
 * handler runs as for Invoke and its JSON result is sent as one chunk with
 * content type `application/json`, which is what Lambda does for functions
 * that do not stream. Errors, the function timeout and the 200 MB limit end
 * the stream and are reported in `completion.failure`. Past the uncapped
 * burst, `next` holds each chunk to keep to the bandwidth cap.
 */
export function startStreamingInvocation(
  loadHandler: () => Promise<LambdaHandler>,
  spec: InvocationSpec,
  limits: StreamingLimits = DOCUMENTED_STREAMING_LIMITS,
): StreamingInvocation {
  const maxBytes = limits.maxResponseBytes;
  const bandwidth = new ResponseBandwidth(limits);
  const startedAt = Date.now();
  const deadline = startedAt + spec.timeoutSeconds * 1000;
  const log = new InvocationLog(spec.requestId);
  log.line(`START RequestId: ${spec.requestId} Version: ${spec.functionVersion}`);
  const stream = new ResponseStream();
  // Writes after an error or an abort fail inside the function; they must not crash the server.
  stream.on('error', () => undefined);
  let failure: StreamFailure | undefined;
  let bytes = 0;
  const endWith = (reason: StreamFailure | undefined) => {
    failure ??= reason;
    if (!stream.writableEnded) stream.end();
  };

  // The timeout and the size limit end the invocation at once: the function's code may still be
  // waiting (on a 'drain' that will not come), and the caller gets its InvokeComplete without waiting for it.
  let cutOff!: () => void;
  const wasCutOff = new Promise<void>((resolve) => {
    cutOff = resolve;
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      const message = `Task timed out after ${spec.timeoutSeconds.toFixed(2)} seconds`;
      log.line(`${new Date().toISOString()} ${spec.requestId} ${message}`);
      endWith({ errorType: 'Sandbox.Timedout', errorMessage: message });
      resolve();
    }, spec.timeoutSeconds * 1000);
  });
  const context = lambdaContext(spec, deadline);
  const run = runWithInvocationLog(log, async () => {
    const handler = await loadHandler();
    if (isStreamingHandler(handler)) {
      await handler(spec.event, stream, context);
    } else {
      const result = await callHandler(handler, spec.event, context);
      stream.setContentType('application/json');
      stream.write(JSON.stringify(result) ?? 'null');
    }
  }).then(
    () => endWith(undefined),
    (error: unknown) => {
      const described = describeFunctionError(error);
      log.line(`${new Date().toISOString()}\t${spec.requestId}\tERROR\tInvoke Error \t${JSON.stringify(described)}`);
      endWith({ errorType: described.errorType, errorMessage: described.errorMessage });
    },
  );
  const ended = new Promise<void>((resolve) => stream.once('end', resolve).once('close', resolve));
  const completion = Promise.race([Promise.all([run, ended]), timedOut, wasCutOff]).then(() => {
    clearTimeout(timer);
    const durationMs = Date.now() - startedAt;
    log.line(`END RequestId: ${spec.requestId}`);
    log.line(`REPORT RequestId: ${spec.requestId}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${Math.max(1, durationMs)} ms\t`);
    return { failure, log, durationMs, bytes };
  });

  const next = (): Promise<Buffer | undefined> =>
    new Promise((resolve) => {
      const attempt = () => {
        if (stream.destroyed && stream.readableLength === 0) return finish(undefined);
        const chunk = stream.read() as Buffer | null;
        if (chunk !== null) {
          bytes += chunk.byteLength;
          if (bytes > maxBytes) {
            endWith({
              errorType: 'Function.ResponseSizeTooLarge',
              errorMessage: `Response payload size exceeded maximum allowed payload size (${maxBytes} bytes).`,
            });
            stream.destroy();
            cutOff();
            return finish(undefined);
          }
          const delayMs = bandwidth.delayMs(chunk.byteLength);
          if (delayMs === 0) return finish(chunk);
          // Stop listening first: while the chunk is held, nothing more is read, so the function's writes wait.
          detach();
          setTimeout(() => resolve(chunk), delayMs);
          return;
        }
        if (stream.readableEnded) return finish(undefined);
      };
      const detach = () => stream.off('readable', attempt).off('end', onEnd).off('close', onEnd);
      const finish = (value: Buffer | undefined) => {
        detach();
        resolve(value);
      };
      const onEnd = () => finish(undefined);
      stream.on('readable', attempt).once('end', onEnd).once('close', onEnd);
      attempt();
    });

  return {
    next,
    get contentType() {
      return stream.contentType;
    },
    completion,
    abort: () => {
      endWith({ errorType: 'Client.Disconnected', errorMessage: 'the caller closed the connection' });
      stream.destroy();
    },
  };
}
