import { ServerResponse, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import type { HeaderLines } from '../../payload/index.ts';

/*
 * @hono/node-server writes a Web Response through `writeHead(status, record)` with a record
 * built from Fetch `Headers`, which hold a repeated header as one "a, b" value. A function that
 * returned two values for one name (`multiValueHeaders`) asked for two header lines; this
 * ServerResponse (passed to `http.createServer` as its `ServerResponse` class) turns the recorded
 * values back into an array, which Node writes as one line per value.
 */

const pending = new WeakMap<ServerResponse, HeaderLines>();

/** Asks for `lines` to be written as separate header lines when `outgoing`'s head goes out. */
export function keepHeaderLinesFor(outgoing: ServerResponse, lines: HeaderLines): void {
  pending.set(outgoing, lines);
}

/** A ServerResponse that writes the lines recorded by {@link keepHeaderLinesFor} one per value. */
export class HeaderLinesServerResponse<Request extends IncomingMessage = IncomingMessage> extends ServerResponse<Request> {}

type WriteHead = (this: ServerResponse, statusCode: number, ...rest: unknown[]) => ServerResponse;
const baseWriteHead = ServerResponse.prototype.writeHead as WriteHead;

// Patched on the subclass's prototype (writeHead's overloads make a typed override clumsy).
(HeaderLinesServerResponse.prototype as unknown as { writeHead: WriteHead }).writeHead = function writeHead(statusCode, ...rest) {
  const lines = pending.get(this);
  const record = rest[rest.length - 1];
  if (lines !== undefined && typeof record === 'object' && record !== null && !Array.isArray(record)) {
    splitLines(record as OutgoingHttpHeaders, lines);
  }
  return baseWriteHead.call(this, statusCode, ...rest);
};

/** Replaces each joined value in `record` that is exactly the recorded values joined by their array. */
function splitLines(record: OutgoingHttpHeaders, lines: HeaderLines): void {
  for (const [name, values] of lines) {
    if (record[name] === values.join(', ')) record[name] = [...values];
  }
}
