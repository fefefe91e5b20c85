import type { FunctionRecord } from './account-directory.ts';
import type { RecordedInvocation } from './api-types.ts';
import type { InvocationSpec } from './function-runtime.ts';
import { startStreamingInvocation, type StreamingInvocation } from './function-stream-runtime.ts';
import type { LocalResponse } from './http-io.ts';
import { HTTP_INTEGRATION_CONTENT_TYPE } from './lambda-streaming-api.ts';
import { startLimitedStreamingInvocation } from './limited-stream-invocation.ts';
import type { RequestContext } from './request-context.ts';

/** A prelude longer than this is not one (the function forgot the 8 NUL bytes). */
const MAX_PRELUDE_BYTES = 64 * 1024;

/** Thrown from the body iterator: the HTTP writer then cuts the connection (a failed transfer). */
export class StreamCutOff extends Error {}

/**
 * A RESPONSE_STREAM Function URL: the function's writes go out as they come
 * (chunked). With `awslambda.HttpResponseStream.from` the JSON prelude up to
 * the 8 NUL bytes sets status, headers and cookies; otherwise the answer is
 * a 200 with the stream's content type. A failure before the first byte is a
 * 502; after it, the connection is cut before the final chunk.
 */
export async function streamFunctionUrl(
  context: RequestContext,
  fn: FunctionRecord,
  spec: InvocationSpec,
  record: RecordedInvocation,
  headers: Record<string, string>,
): Promise<LocalResponse> {
  const { state } = context;
  const invocation = await startLimitedStreamingInvocation(context, fn, record, () =>
    startStreamingInvocation(() => state.functions.load(fn.config.handler), spec, state.streamingLimits),
  );

  let first = await invocation.next();
  let status = 200;
  let responseHeaders: Record<string, string> = { 'content-type': invocation.contentType };
  let cookies: string[] = [];
  if (invocation.contentType === HTTP_INTEGRATION_CONTENT_TYPE) {
    let prelude = first ?? Buffer.alloc(0);
    let end = prelude.indexOf(Buffer.alloc(8));
    while (end < 0 && first !== undefined && prelude.length <= MAX_PRELUDE_BYTES) {
      first = await invocation.next();
      if (first) prelude = Buffer.concat([prelude, first]);
      end = prelude.indexOf(Buffer.alloc(8));
    }
    if (end < 0) {
      invocation.abort();
      return { status: 502, headers: { ...headers, 'Content-Type': 'application/json' }, body: 'Internal Server Error' };
    }
    const metadata = JSON.parse(prelude.subarray(0, end).toString('utf8')) as { statusCode?: number; headers?: Record<string, unknown>; cookies?: unknown[] };
    status = metadata.statusCode ?? 200;
    responseHeaders = { 'content-type': 'application/octet-stream' };
    for (const [name, value] of Object.entries(metadata.headers ?? {})) responseHeaders[name.toLowerCase()] = String(value);
    cookies = (metadata.cookies ?? []).map(String);
    first = prelude.subarray(end + 8);
  }
  if (first === undefined) {
    // Ended without a byte: a failure is the URL's 502, success an empty body.
    const completion = await invocation.completion;
    if (completion.failure) {
      return { status: 502, headers: { ...headers, 'Content-Type': 'application/json' }, body: 'Internal Server Error' };
    }
  }
  return { status, headers: { ...responseHeaders, ...headers }, cookies, stream: body(invocation, first) };
}

async function* body(invocation: StreamingInvocation, first: Buffer | undefined): AsyncGenerator<Uint8Array> {
  let completed = false;
  try {
    if (first && first.length > 0) yield first;
    for (let chunk = await invocation.next(); chunk !== undefined; chunk = await invocation.next()) yield chunk;
    const completion = await invocation.completion;
    completed = true;
    if (completion.failure) throw new StreamCutOff(`${completion.failure.errorType}: ${completion.failure.errorMessage}`);
  } finally {
    if (!completed) invocation.abort();
  }
}
