import type { IncomingHttpHeaders } from 'node:http';

/**
 * Fetch `Headers` over undici's parsed response record (names lower-cased, repeated headers as
 * arrays), built only when something other than `get`/`has` is asked of them. The Invoke path
 * reads three or four headers of each response by name (content type, function error, request
 * id, Retry-After); building a real `Headers` for that was one `append` with its WHATWG
 * validation per header, about 1 % of the gateway's CPU per request in the 64-connection profile.
 * The values are what `Headers` would give: repeated ones joined with ", ".
 */
export function recordHeaders(record: IncomingHttpHeaders): Headers {
  return new RecordHeaders(record) as unknown as Headers;
}

class RecordHeaders {
  readonly #record: IncomingHttpHeaders;
  #native: Headers | undefined;

  constructor(record: IncomingHttpHeaders) {
    this.#record = record;
  }

  get(name: string): string | null {
    if (this.#native) return this.#native.get(name);
    const value = this.#record[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.#native ? this.#native.has(name) : this.#record[name.toLowerCase()] !== undefined;
  }

  /** The real Headers, from the record (once); everything but get/has goes there. */
  get native(): Headers {
    if (!this.#native) {
      const headers = new Headers();
      for (const name in this.#record) {
        const value = this.#record[name];
        if (value === undefined) continue;
        if (Array.isArray(value)) for (const item of value) headers.append(name, item);
        else headers.append(name, value);
      }
      this.#native = headers;
    }
    return this.#native;
  }
}

// The rest of the Headers interface, on the materialised object; `instanceof Headers` holds.
for (const method of ['append', 'delete', 'set', 'getSetCookie', 'forEach', 'keys', 'values', 'entries', Symbol.iterator] as const) {
  Object.defineProperty(RecordHeaders.prototype, method, {
    value(this: RecordHeaders, ...args: unknown[]) {
      const native = this.native as unknown as Record<PropertyKey, (...inner: unknown[]) => unknown>;
      return native[method]!.apply(native, args);
    },
  });
}
Object.setPrototypeOf(RecordHeaders.prototype, Headers.prototype);
