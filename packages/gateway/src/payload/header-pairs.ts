import { HOP_BY_HOP_HEADERS, nominatedNames } from './headers.ts';
import type { InboundRequest } from './types.ts';

/** One request header line: the name as the client spelled it and its value. */
export type HeaderPair = readonly [name: string, value: string];

/**
 * The request's header lines for an envelope: `request.headerPairs` when the runtime kept the
 * raw pairs (Node), else rebuilt from the WHATWG `Headers` (a worker, `app.request()`), where
 * names are already lower-cased and repeated values already joined with ", " by the Headers API.
 */
export function requestHeaderPairs(request: InboundRequest): readonly HeaderPair[] {
  return request.headerPairs ?? pairsFromHeaders(request.headers);
}

/** Header pairs from a Headers object (Set-Cookie is iterated value by value; nothing else is). */
export function pairsFromHeaders(headers: Headers): HeaderPair[] {
  const out: HeaderPair[] = [];
  for (const [name, value] of headers) out.push([name, value]);
  return out;
}

/**
 * The client's header lines (Node's flat `rawHeaders`: name, value, name, value…), brought in
 * line with `headers`, the Headers the event is built from (hop-by-hop headers gone, route
 * filters applied). The raw pairs keep what Headers loses: the client's casing and each repeated
 * value on its own. For every name:
 * - absent from `headers` (hop-by-hop, removed by a filter): dropped;
 * - `headers` holds exactly the raw values joined with ", ": the raw pairs as received;
 * - `headers` holds the raw values plus more (`add`): the raw pairs, then the added values;
 * - anything else (`set`, URLRewrite of Host): one pair with the new value, in the client's casing.
 * Names only in `headers` (added by a filter) follow, lower-case.
 */
export function reconcileRawHeaders(raw: readonly string[], headers: Headers): HeaderPair[] {
  const groups = new Map<string, { name: string; values: string[] }>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    const lower = name.toLowerCase();
    const group = groups.get(lower);
    if (group === undefined) groups.set(lower, { name, values: [raw[i + 1] as string] });
    else group.values.push(raw[i + 1] as string);
  }
  const out: HeaderPair[] = [];
  const done = new Set<string>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    const lower = name.toLowerCase();
    if (done.has(lower)) continue;
    const current = headers.get(lower);
    if (current === null) {
      done.add(lower);
      continue;
    }
    const group = groups.get(lower) as { name: string; values: string[] };
    // Headers trims each value; so must the comparison.
    const trimmed = group.values.map((value) => value.trim());
    const joined = trimmed.join(', ');
    if (isRuntimeJoin(current, trimmed, joined)) {
      out.push([name, (raw[i + 1] as string).trim()]);
      continue;
    }
    done.add(lower);
    if (current.startsWith(`${joined}, `)) {
      for (const value of group.values) out.push([group.name, value.trim()]);
      out.push([group.name, current.slice(joined.length + 2)]);
    } else {
      out.push([group.name, current]);
    }
  }
  for (const [name, value] of headers) if (!groups.has(name)) out.push([name, value]);
  return out;
}

/**
 * What {@link reconcileRawHeaders} returns for `raw` and the hop-by-hop-stripped Headers of the
 * same request when no route filter changed them: every line as received but the hop-by-hop ones
 * and those the Connection header nominates. Read straight from the pairs, without the two Fetch
 * `Headers` the general path builds (the runtime's view of the request, then its stripped copy),
 * which cost about a tenth of an API Gateway v2 request's CPU on Node. Undefined when a value is
 * empty or has surrounding whitespace, where Fetch's joining and trimming make the general path
 * answer otherwise (two empty lines become one ","): use that path.
 */
export function unfilteredRawPairs(raw: readonly string[]): HeaderPair[] | undefined {
  let connection: string | null = null;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const value = raw[i + 1] as string;
    if (value === '' || value.trim() !== value) return undefined;
    const name = raw[i] as string;
    if (name.length === 10 && name.toLowerCase() === 'connection') connection = connection === null ? value : `${connection}, ${value}`;
  }
  const nominated = nominatedNames(connection);
  const out: HeaderPair[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    const lower = name.toLowerCase();
    if (!HOP_BY_HOP_HEADERS.has(lower) && !nominated?.has(lower)) out.push([name, raw[i + 1] as string]);
  }
  return out;
}

/**
 * True when `current` is what a runtime makes of these raw values without any filter: joined
 * with ", " (Fetch), Cookie lines joined with "; " (Node's `incoming.headers`, which
 * @hono/node-server reads for single lookups) or, for the headers Node keeps only once
 * (content-type, user-agent, host, …), the first value.
 */
function isRuntimeJoin(current: string, values: readonly string[], joined: string): boolean {
  return current === joined || current === values.join('; ') || (values.length > 1 && current === values[0]);
}

/** The values of every pair named `lowerName` (compared case-insensitively), in order. */
export function pairValues(pairs: readonly HeaderPair[], lowerName: string): string[] {
  const out: string[] = [];
  for (const [name, value] of pairs) if (name.toLowerCase() === lowerName) out.push(value);
  return out;
}
