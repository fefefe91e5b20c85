/**
 * Header lines of a function's response that must go out one per value. The Fetch `Headers`
 * of a Response joins repeated values into one "a, b" value (only Set-Cookie stays separate),
 * which is not what the function asked for (`multiValueHeaders: {"X-A": ["1", "2"]}`). The
 * codecs record the separate values here, beside the Response; an adapter that can write raw
 * header lines (Node) sends them, any other runtime sends the joined value.
 */
export type HeaderLines = ReadonlyMap<string, readonly string[]>;

const linesByResponse = new WeakMap<Response, HeaderLines>();

/** Records `lines` (lower-case name → values, only names with two or more) for `response`. */
export function recordHeaderLines(response: Response, lines: HeaderLines | undefined): Response {
  if (lines !== undefined && lines.size > 0) linesByResponse.set(response, lines);
  return response;
}

/** The separate values recorded for `response`, if any. */
export function headerLinesOf(response: Response): HeaderLines | undefined {
  return linesByResponse.get(response);
}

/**
 * The recorded lines that still describe `headers` after later changes (route filters): a name
 * whose value is still the recorded values joined with ", " keeps them; one that had values
 * appended (`add`) keeps them plus the appended text; one that was set or removed is dropped.
 */
export function headerLinesStillValid(lines: HeaderLines, headers: Headers): HeaderLines | undefined {
  const out = new Map<string, readonly string[]>();
  for (const [name, values] of lines) {
    const current = headers.get(name);
    if (current === null) continue;
    const joined = values.join(', ');
    if (current === joined) out.set(name, values);
    else if (current.startsWith(`${joined}, `)) out.set(name, [...values, current.slice(joined.length + 2)]);
  }
  return out.size === 0 ? undefined : out;
}
