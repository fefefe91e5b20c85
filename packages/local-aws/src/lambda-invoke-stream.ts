import { EventStreamCodec, type Message } from '@smithy/eventstream-codec';
import { logTailBase64 } from './function-logs.ts';
import { startStreamingInvocation, type StreamCompletion, type StreamingInvocation } from './function-stream-runtime.ts';
import type { LocalResponse } from './http-io.ts';
import { invalidParameterValue, requestTooLarge, SYNC_PAYLOAD_LIMIT_BYTES } from './lambda-errors.ts';
import { authorizeInvocation, invocationSpecFor, parseEvent } from './lambda-invoke.ts';
import { startLimitedStreamingInvocation } from './limited-stream-invocation.ts';
import type { RequestContext } from './request-context.ts';

const codec = new EventStreamCodec(
  (bytes) => new TextDecoder().decode(bytes),
  (text) => new TextEncoder().encode(text),
);

/** Event-stream messages stay well under the format's 16 MB cap; big writes are split. */
const MAX_CHUNK_BYTES = 1024 * 1024;

function event(eventType: 'PayloadChunk' | 'InvokeComplete', contentType: string, body: Uint8Array): Uint8Array {
  const message: Message = {
    headers: {
      ':event-type': { type: 'string', value: eventType },
      ':content-type': { type: 'string', value: contentType },
      ':message-type': { type: 'string', value: 'event' },
    },
    body,
  };
  return codec.encode(message);
}

/** `InvokeComplete`: ErrorCode (the function's errorType) and ErrorDetails (its message) when it failed. */
function invokeComplete(completion: StreamCompletion, tail: boolean): Uint8Array {
  const body: Record<string, string> = {};
  if (completion.failure) {
    body.ErrorCode = completion.failure.errorType;
    body.ErrorDetails = completion.failure.errorMessage;
  }
  body.LogResult = tail ? logTailBase64(completion.log.toString()) : '';
  return event('InvokeComplete', 'application/json', new TextEncoder().encode(JSON.stringify(body)));
}

/** The HTTP body: each write as PayloadChunk events, then one InvokeComplete. */
async function* eventStream(invocation: StreamingInvocation, first: Buffer | undefined, tail: boolean): AsyncGenerator<Uint8Array> {
  let completed = false;
  try {
    for (let chunk = first; chunk !== undefined; chunk = await invocation.next()) {
      for (let offset = 0; offset < chunk.byteLength; offset += MAX_CHUNK_BYTES) {
        yield event('PayloadChunk', 'application/octet-stream', chunk.subarray(offset, offset + MAX_CHUNK_BYTES));
      }
    }
    const completion = await invocation.completion;
    completed = true;
    yield invokeComplete(completion, tail);
  } finally {
    // The caller went away mid-stream: stop the function's stream (its writes now fail).
    if (!completed) invocation.abort();
  }
}

/**
 * `POST /2021-11-15/functions/{FunctionName}/response-streaming-invocations`:
 * authenticated and authorised exactly as Invoke (`lambda:InvokeFunction`),
 * RequestResponse or DryRun only. Answers 200 with the stream's content type
 * in `Content-Type` and an `application/vnd.amazon.eventstream` body, sent as
 * the function writes. The reserved-concurrency slot is held for the whole stream.
 */
export async function handleInvokeWithResponseStream(context: RequestContext, encodedFunctionName: string): Promise<LocalResponse> {
  context.beginAction('InvokeWithResponseStream');
  const { state } = context;
  const body = await context.readBody(SYNC_PAYLOAD_LIMIT_BYTES);
  if (!body) throw requestTooLarge(SYNC_PAYLOAD_LIMIT_BYTES);
  const { auth, options, target } = await authorizeInvocation(context, encodedFunctionName, body, (requested) => {
    if (requested.invocationType === 'Event') {
      throw invalidParameterValue("Invalid InvocationType 'Event': InvokeWithResponseStream accepts RequestResponse or DryRun");
    }
  });

  const headers: Record<string, string> = { 'x-amzn-RequestId': context.requestId };
  if (options.invocationType === 'DryRun') return { status: 204, headers };
  const eventValue = parseEvent(body);
  const record = state.recorder.record({
    requestId: context.requestId,
    functionArn: target.fn.arn,
    qualifier: target.qualifier,
    executedVersion: target.executedVersion,
    invocationType: 'RequestResponse',
    event: eventValue,
    callerArn: auth.principal.arn,
    clientContext: options.clientContext,
    at: new Date(state.now()),
  });
  const invocation = await startLimitedStreamingInvocation(context, target.fn, record, () =>
    startStreamingInvocation(
      () => state.functions.load(target.fn.config.handler),
      invocationSpecFor(context.requestId, target, options.clientContext, eventValue),
      state.streamingLimits,
    ),
  );
  // The content type is known once the function has written its first byte (or finished).
  const first = await invocation.next();
  return {
    status: 200,
    headers: { ...headers, 'Content-Type': invocation.contentType, 'X-Amz-Executed-Version': target.executedVersion },
    stream: eventStream(invocation, first, options.logType === 'Tail'),
  };
}
