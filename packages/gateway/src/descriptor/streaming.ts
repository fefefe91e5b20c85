import * as v from 'valibot';
import { ConfigError } from '../errors/index.ts';

/** Lambda's documented cap on a streamed response (InvokeWithResponseStream, Function URLs in RESPONSE_STREAM mode). */
export const DEFAULT_STREAM_MAX_BYTES = 200 * 1024 * 1024;
/** Lambda's maximum function duration: a stream cannot outlive it. */
export const DEFAULT_STREAM_MAX_DURATION_MS = 900_000;
export const DEFAULT_STREAM_FIRST_BYTE_TIMEOUT_MS = 30_000;
export const DEFAULT_STREAM_IDLE_TIMEOUT_MS = 60_000;

const milliseconds = (max: number) => v.pipe(v.number(), v.integer('must be an integer'), v.minValue(1), v.maxValue(max));

/**
 * `streaming:` on a backend with `invocationMode: ResponseStream`. They replace
 * `timeoutMs`, which bounds a buffered answer as a whole.
 */
export const StreamingSchema = v.strictObject({
  /** Until the first event (or, with the HTTP integration content type, the end of the prelude). */
  firstByteTimeoutMs: v.optional(milliseconds(900_000), DEFAULT_STREAM_FIRST_BYTE_TIMEOUT_MS),
  /** Longest silence between two chunks. */
  idleTimeoutMs: v.optional(milliseconds(900_000), DEFAULT_STREAM_IDLE_TIMEOUT_MS),
  /** Whole stream, from the request to the last byte. */
  maxDurationMs: v.optional(milliseconds(900_000), DEFAULT_STREAM_MAX_DURATION_MS),
  /** Bytes of body sent to the client (the prelude not counted). */
  maxBytes: v.optional(v.pipe(v.number(), v.integer('must be an integer'), v.minValue(1), v.maxValue(DEFAULT_STREAM_MAX_BYTES)), DEFAULT_STREAM_MAX_BYTES),
});

export type StreamingSettings = v.InferOutput<typeof StreamingSchema>;

/** What a ResponseStream backend calls and within which bounds. */
export interface ResolvedStreaming extends StreamingSettings {
  /** `POST /2021-11-15/functions/{id}/response-streaming-invocations[?Qualifier=]`. */
  url: string;
}

/** Payload modes whose responses can be streamed; envoy and apigateway-v1 answers are one JSON document. */
const STREAMABLE_PAYLOAD_MODES: ReadonlySet<string> = new Set(['passthrough', 'apigateway-v2']);

/**
 * The streaming facts of a backend, or undefined when it is not a
 * ResponseStream backend. Throws ConfigError for a payload mode that cannot stream.
 */
export function resolveStreaming(
  descriptor: { invocationMode: string; payloadMode: string; streaming?: StreamingSettings | undefined },
  endpoint: string,
  functionId: string,
  query: string,
  where: string,
): ResolvedStreaming | undefined {
  if (descriptor.invocationMode !== 'ResponseStream') {
    if (descriptor.streaming) throw new ConfigError([`${where}.streaming: only applies with invocationMode: ResponseStream`]);
    return undefined;
  }
  if (!STREAMABLE_PAYLOAD_MODES.has(descriptor.payloadMode)) {
    throw new ConfigError([
      `${where}.invocationMode: ResponseStream cannot be used with payloadMode ${descriptor.payloadMode} (its response is one JSON document, buffered by nature); use passthrough or apigateway-v2`,
    ]);
  }
  const settings = descriptor.streaming ?? v.parse(StreamingSchema, {});
  return { ...settings, url: `${endpoint}/2021-11-15/functions/${encodeURIComponent(functionId)}/response-streaming-invocations${query}` };
}
