import type { IncomingMessage, ServerResponse } from 'node:http';

// Deliberately its own code, not the gateway's body reader: the local AWS tests the gateway, so it must not depend on it.

/** A response before it is written to the socket. */
export interface LocalResponse {
  status: number;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** A body written as it comes (chunked), instead of `body`; see writeStreamedResponse. */
  stream?: AsyncIterator<Uint8Array> | undefined;
  /** One `Set-Cookie` header each (Function URL answers). */
  cookies?: string[] | undefined;
}

function headersOf(local: LocalResponse): Record<string, string | string[]> {
  return local.cookies && local.cookies.length > 0 ? { ...local.headers, 'Set-Cookie': local.cookies } : local.headers;
}

/** The body, or `undefined` when it exceeded the limit (nothing past the limit is kept). */
export type BodyReadResult = Buffer | undefined;

/** After a 413, keep discarding at most this much so the client can read our answer, then hang up. */
const MAX_DISCARDED_BYTES = 16 * 1024 * 1024;

function discardRest(request: IncomingMessage): void {
  let discarded = 0;
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARDED_BYTES) request.socket.destroy();
  });
  request.resume();
}

/**
 * Reads the request body, refusing to hold more than `limitBytes`: a declared
 * Content-Length over the limit is refused without reading, and a streamed
 * body stops being collected the moment it crosses the limit.
 */
export function readBodyWithLimit(request: IncomingMessage, limitBytes: number): Promise<BodyReadResult> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    discardRest(request);
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) {
        cleanup();
        chunks.length = 0;
        discardRest(request);
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}

/** Writes a LocalResponse; `closeConnection` is for answers sent before the body was consumed. */
export function writeResponse(response: ServerResponse, local: LocalResponse, closeConnection: boolean): void {
  const body = local.body ?? '';
  const headers: Record<string, string | string[]> = { ...headersOf(local), 'Content-Length': String(Buffer.byteLength(body)) };
  if (closeConnection) headers['Connection'] = 'close';
  response.writeHead(local.status, headers);
  response.end(body);
}

/**
 * Writes a LocalResponse whose body is a stream: chunked, each chunk as it
 * comes, waiting for the socket to drain before pulling the next (so a slow
 * client slows the producer). When the client goes away the iterator is
 * `return()`ed, which lets the producer stop.
 */
export async function writeStreamedResponse(response: ServerResponse, local: LocalResponse & { stream: AsyncIterator<Uint8Array> }): Promise<void> {
  response.writeHead(local.status, headersOf(local));
  response.flushHeaders();
  let gone = false;
  let finished = false;
  const onClose = () => {
    gone = true;
  };
  response.once('close', onClose);
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await local.stream.next();
      } catch {
        // The producer failed mid-stream: cut the connection so the client sees a failed transfer.
        finished = true;
        gone = true;
        break;
      }
      if (next.done) {
        finished = true;
        break;
      }
      if (gone) break;
      if (!response.write(next.value)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            response.off('drain', done).off('close', done);
            resolve();
          };
          response.once('drain', done).once('close', done);
        });
      }
      if (gone) break;
    }
  } finally {
    response.off('close', onClose);
    if (!finished) await local.stream.return?.();
    if (gone) response.destroy();
    else response.end();
  }
}
