import { createHash, type Hash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { GatewayError } from '../../errors/index.ts';
import { BoundedBytes, payloadTooLarge, rememberBodySha256 } from '../../invoke/index.ts';
import { onBodyTooSlow } from './body-rate.ts';

/**
 * Reads a request body straight from Node's IncomingMessage, within `limit`.
 *
 * The same contract as readBodyWithLimit (413 for a declared Content-Length
 * over the limit before reading anything; a streamed body is cut at the first
 * chunk past the limit and the excess is never buffered), without the WHATWG
 * stream @hono/node-server would build around the socket for `request.body`:
 * on the request path that `Request` + `ReadableStream` pair costs more CPU
 * than signing. The chunks go through the gateway's one bounded collector
 * (BoundedBytes): a single-chunk body is returned as is, a longer one is
 * concatenated once.
 *
 * After a 413 the listeners are removed and the stream paused; once the
 * response is sent, Node (and @hono/node-server) discard what is left of the
 * body or close the connection.
 */
export function readIncomingBody(incoming: IncomingMessage, limit: number, hashForSigning = false): Promise<Uint8Array> {
  const declared = incoming.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(payloadTooLarge(limit));
  return new Promise((resolve, reject) => {
    const collected = new BoundedBytes(limit);
    // With `hashForSigning`, a body of more than one chunk is hashed chunk by chunk as it
    // arrives, between socket reads, instead of in one pass after its last byte (about 0.6 ms
    // per MB on the request's critical path). One chunk: the signer's one-shot hash is cheaper.
    let first: Buffer | undefined;
    let hasher: Hash | undefined;
    // The server's minimum body rate (body-rate.ts) ends the wait with a 408.
    const stopWatching = onBodyTooSlow(incoming, (error) => {
      cleanup();
      incoming.pause();
      reject(error);
    });
    const cleanup = () => {
      stopWatching();
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      if (collected.push(chunk)) {
        if (!hashForSigning) return;
        if (hasher) hasher.update(chunk);
        else if (first === undefined) first = chunk;
        else hasher = createHash('sha256').update(first).update(chunk);
        return;
      }
      cleanup();
      incoming.pause();
      reject(payloadTooLarge(limit));
    };
    const onEnd = () => {
      cleanup();
      const body = collected.bytes();
      if (hasher) rememberBodySha256(body, hasher.digest('hex'));
      resolve(body);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new GatewayError(400, 'BadRequest', 'the request body could not be read', { cause: error }));
    };
    // The client went away before the body was complete.
    const onClose = () => {
      if (incoming.complete) return;
      onError(new Error('the client closed the connection before the body was complete'));
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}
