/**
 * Headers as a flat `[name, value, …]` list (lower-case names; a name may repeat), behaving as
 * Fetch `Headers`: the gateway's hot-path headers, built without `Headers` and its per-header
 * WHATWG validation. Used for a signed request (the Node transport sends the list as it is,
 * headerPairs, where a real `Headers` had to be built, given the Authorization and trace
 * headers, then iterated back into a list, which sorts it: about 1.5 % of the gateway's CPU and
 * 6 % of what it allocated per request in the 64-connection profile) and for a response's
 * headers from undici's parsed record (fromRecord: the Invoke path reads three or four of them
 * by name). `get`, `has`, `set` and `delete` work on the list, with `Headers`'s answers (repeated
 * values joined with ", "); anything else (iteration, getSetCookie, append) is answered by a
 * real `Headers` built from it once, which then holds the state.
 */
export class HeaderList {
  #pairs: string[] | undefined;
  #native: Headers | undefined;

  /** `pairs` becomes this object's own: lower-case names, values as Headers would keep them. */
  constructor(pairs: string[]) {
    this.#pairs = pairs;
  }

  /** undici's parsed header record (lower-case names, repeated headers as arrays). */
  static fromRecord(record: Readonly<Record<string, string | string[] | undefined>>): Headers {
    const pairs: string[] = [];
    for (const name in record) {
      const value = record[name];
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const item of value) pairs.push(name, item);
      else pairs.push(name, value);
    }
    return new HeaderList(pairs) as unknown as Headers;
  }

  get(name: string): string | null {
    const pairs = this.#pairs;
    if (pairs === undefined) return this.#native!.get(name);
    const lower = name.toLowerCase();
    let value: string | null = null;
    for (let index = 0; index < pairs.length; index += 2) {
      if (pairs[index] === lower) value = value === null ? pairs[index + 1]! : `${value}, ${pairs[index + 1]}`;
    }
    return value;
  }

  has(name: string): boolean {
    return this.#pairs === undefined ? this.#native!.has(name) : indexOf(this.#pairs, name.toLowerCase()) !== -1;
  }

  set(name: string, value: string): void {
    const pairs = this.#pairs;
    if (pairs === undefined || !SIMPLE_NAME.test(name) || !SIMPLE_VALUE.test(value)) {
      // Only values that Headers would keep as they are go in the list: the rest takes the Headers path.
      this.native.set(name, value);
      return;
    }
    const lower = name.toLowerCase();
    const index = indexOf(pairs, lower);
    if (index === -1) {
      pairs.push(lower, value);
      return;
    }
    // The first line keeps its place with the new value; any later ones go.
    pairs[index + 1] = value;
    removeAll(pairs, lower, index + 2);
  }

  delete(name: string): void {
    const pairs = this.#pairs;
    if (pairs === undefined) {
      this.#native!.delete(name);
      return;
    }
    removeAll(pairs, name.toLowerCase(), 0);
  }

  /** The flat list to send (a copy once the real Headers holds the state). */
  pairs(): string[] {
    if (this.#pairs !== undefined) return this.#pairs;
    const flat: string[] = [];
    for (const [name, value] of this.#native!) flat.push(name, value);
    return flat;
  }

  /** The real Headers; from then on it holds the state. */
  get native(): Headers {
    if (this.#native === undefined) {
      const headers = new Headers();
      const pairs = this.#pairs!;
      for (let index = 0; index < pairs.length; index += 2) headers.append(pairs[index]!, pairs[index + 1]!);
      this.#native = headers;
      this.#pairs = undefined;
    }
    return this.#native;
  }
}

/** Header names and values that need no normalisation (a token; visible ASCII and inner spaces). */
const SIMPLE_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const SIMPLE_VALUE = /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/;

function indexOf(pairs: readonly string[], lowerName: string, from = 0): number {
  for (let index = from; index < pairs.length; index += 2) if (pairs[index] === lowerName) return index;
  return -1;
}

/** Removes every `lowerName` line at or after `from`. */
function removeAll(pairs: string[], lowerName: string, from: number): void {
  for (let index = indexOf(pairs, lowerName, from); index !== -1; index = indexOf(pairs, lowerName, index)) pairs.splice(index, 2);
}

for (const method of ['append', 'getSetCookie', 'forEach', 'keys', 'values', 'entries', Symbol.iterator] as const) {
  Object.defineProperty(HeaderList.prototype, method, {
    value(this: HeaderList, ...args: unknown[]) {
      const native = this.native as unknown as Record<PropertyKey, (...inner: unknown[]) => unknown>;
      return native[method]!.apply(native, args);
    },
  });
}
// `instanceof Headers` holds, so every consumer of a Headers accepts it.
Object.setPrototypeOf(HeaderList.prototype, Headers.prototype);

/** Any Headers as the flat list undici sends; a HeaderList gives its own without a copy. */
export function headerPairs(headers: Headers): string[] {
  if (headers instanceof HeaderList) return headers.pairs();
  const flat: string[] = [];
  for (const [name, value] of headers) flat.push(name, value);
  return flat;
}
