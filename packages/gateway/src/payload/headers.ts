import type { HeaderLines } from './response-lines.ts';

/**
 * Hop-by-hop headers (RFC 9110 §7.6.1) describe one connection, never the message, so a proxy
 * must not forward them. `proxy-connection` is not in the RFC but is a de-facto hop-by-hop header
 * that proxies (Go's httputil, nginx) strip as well.
 */
export const HOP_BY_HOP_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** The hop-by-hop set plus every header the Connection header nominates (lower-case). */
function droppedNames(connection: string | null): Set<string> {
  const names = new Set(HOP_BY_HOP_HEADERS);
  if (connection !== null) {
    for (const token of connection.split(',')) {
      const name = token.trim().toLowerCase();
      if (name !== '') names.add(name);
    }
  }
  return names;
}

/**
 * The names a Connection header nominates (lower-case) beyond the fixed hop-by-hop set, which is
 * tested anyway; undefined when there are none (the usual `keep-alive` / `close` of HTTP/1.1 clients).
 */
export function nominatedNames(connection: string | null): Set<string> | undefined {
  if (connection === null || connection === 'keep-alive' || connection === 'Keep-Alive') return undefined;
  let names: Set<string> | undefined;
  for (const token of connection.split(',')) {
    const name = token.trim().toLowerCase();
    if (name !== '' && !HOP_BY_HOP_HEADERS.has(name)) (names ??= new Set<string>()).add(name);
  }
  return names;
}

/**
 * A copy of `headers` without hop-by-hop headers and without any header named in its
 * Connection header. The input is not modified.
 */
export function stripHopByHop(headers: Headers): Headers {
  // Per request: test the fixed set and the (usually absent) nominated names, rather than copy the set.
  const nominated = nominatedNames(headers.get('connection'));
  const out = new Headers();
  // Iteration yields each Set-Cookie separately (Fetch spec), so those survive unjoined.
  for (const [name, value] of headers) if (!HOP_BY_HOP_HEADERS.has(name) && !nominated?.has(name)) out.append(name, value);
  return out;
}

/**
 * Collects the response headers a function asked for. Function output is untrusted: hop-by-hop
 * headers (and those its own Connection header nominates) are dropped, as is content-length
 * because the runtime computes it from the body we actually send. A name or value that the
 * Headers API refuses (CR/LF, NUL, non-Latin-1 text, a name that is not a token) is skipped: one
 * bad header from a function must not turn its whole response into an error.
 */
export class FunctionHeaders {
  readonly headers = new Headers();
  private readonly dropped: Set<string>;
  /** Every accepted value per lower-case name, for {@link repeatedLines}. */
  private readonly values = new Map<string, string[]>();

  /** @param connection the function's own Connection header value, if it sent one. */
  constructor(connection: string | null) {
    this.dropped = droppedNames(connection);
    this.dropped.add('content-length');
  }

  /** Adds one value, keeping earlier values of the same name (Set-Cookie stays separate). */
  append(name: string, value: string): void {
    this.apply(name, value, false);
  }

  /** Sets a value, replacing earlier values of the same name. */
  set(name: string, value: string): void {
    this.apply(name, value, true);
  }

  private apply(name: string, value: string, replace: boolean): void {
    if (this.dropped.has(name.toLowerCase())) return;
    try {
      if (replace) this.headers.set(name, value);
      else this.headers.append(name, value);
    } catch {
      // Deliberately skipped (see the class comment).
      return;
    }
    const lower = name.toLowerCase();
    const list = this.values.get(lower);
    // Stored as Headers normalised it (surrounding whitespace trimmed).
    const stored = value.trim();
    if (replace || list === undefined) this.values.set(lower, [stored]);
    else list.push(stored);
  }

  /**
   * The names given two or more values (Set-Cookie aside: every runtime already sends each
   * cookie on its own line), each with its values: what should go out as separate lines.
   */
  repeatedLines(): HeaderLines | undefined {
    let out: Map<string, readonly string[]> | undefined;
    for (const [name, list] of this.values) {
      if (list.length > 1 && name !== 'set-cookie') (out ??= new Map()).set(name, list);
    }
    return out;
  }
}

/**
 * The Connection header a function put in its own header maps (any spelling, string or list
 * value), joined; null when it sent none. Its tokens name more headers to drop.
 */
export function functionConnectionHeader(...maps: unknown[]): string | null {
  const values: string[] = [];
  for (const map of maps) {
    if (typeof map !== 'object' || map === null) continue;
    for (const [name, value] of Object.entries(map)) {
      if (name.toLowerCase() !== 'connection') continue;
      for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string') values.push(item);
    }
  }
  return values.length === 0 ? null : values.join(',');
}
