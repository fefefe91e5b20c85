/**
 * Gloo Edge route `matchers` (matchers.core.gloo.solo.io Matcher) turned into
 * Gateway API matches for the router: prefix → PathPrefix, exact → Exact,
 * regex → RegularExpression, each method → its own match, a header or query
 * parameter without `value` → "present" (RegularExpression `.*`).
 */
import * as v from 'valibot';
import { HttpRouteMatchSchema, type HttpRouteMatch, type HttpRouteMatchInput } from '../routing/index.ts';
import { formatIssues } from '../validation/index.ts';
import { manifestError, manifestWarning, strictFields, type Manifest } from './resource.ts';

const HeaderMatcherSchema = strictFields({
  name: v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty')),
  value: v.optional(v.string('must be a string')),
  regex: v.optional(v.boolean('must be true or false')),
  invertMatch: v.optional(v.boolean('must be true or false')),
});

const QueryMatcherSchema = strictFields({
  name: v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty')),
  value: v.optional(v.string('must be a string')),
  regex: v.optional(v.boolean('must be true or false')),
});

export const MatcherSchema = v.pipe(
  strictFields({
    prefix: v.optional(v.string('must be a string')),
    exact: v.optional(v.string('must be a string')),
    regex: v.optional(v.string('must be a string')),
    connectPath: v.optional(v.string('must be a string')),
    caseSensitive: v.optional(v.boolean('must be true or false')),
    headers: v.optional(v.array(HeaderMatcherSchema, 'must be a list')),
    queryParameters: v.optional(v.array(QueryMatcherSchema, 'must be a list')),
    methods: v.optional(v.array(v.string('must be a string'), 'must be a list')),
  }),
  v.check(
    (matcher) => [matcher.prefix, matcher.exact, matcher.regex, matcher.connectPath].filter((path) => path !== undefined).length <= 1,
    'only one of prefix, exact, regex or connectPath may be set',
  ),
);

export type Matcher = v.InferOutput<typeof MatcherSchema>;

/** What a value matcher without `value` means in Gloo: the header/parameter is present. */
const PRESENT = '.*';

function valueMatch(matcher: { name: string; value?: string | undefined; regex?: boolean | undefined }) {
  if (matcher.value === undefined) return { type: 'RegularExpression' as const, name: matcher.name, value: PRESENT };
  return { type: matcher.regex ? ('RegularExpression' as const) : ('Exact' as const), name: matcher.name, value: matcher.value };
}

/**
 * Gateway API matches for Gloo matchers (ORed, like Gloo's). No matchers means
 * Gloo's default, prefix `/`. Throws a ConfigError at the matcher's field path
 * for what cannot be expressed (inverted header matches, CONNECT paths).
 *
 * @param at field path of the `matchers` list
 */
export function translateMatchers(
  manifest: Pick<Manifest, 'ref' | 'source'>,
  at: string,
  matchers: readonly Matcher[] | undefined,
): { matches: HttpRouteMatch[]; warnings: string[] } {
  const warnings: string[] = [];
  const matches: HttpRouteMatch[] = [];
  const list: readonly Matcher[] = matchers && matchers.length > 0 ? matchers : [{ prefix: '/' }];
  list.forEach((matcher, index) => {
    const here = `${at}[${index}]`;
    if (matcher.connectPath !== undefined) throw manifestError(manifest, `${here}.connectPath`, 'CONNECT routes are not supported');
    const inverted = matcher.headers?.findIndex((header) => header.invertMatch) ?? -1;
    if (inverted !== -1) {
      throw manifestError(
        manifest,
        `${here}.headers[${inverted}].invertMatch`,
        'inverted header matches are not supported (a Gateway API match cannot express them)',
      );
    }
    if (matcher.caseSensitive === false) {
      warnings.push(
        manifestWarning(manifest, `${here}.caseSensitive`, 'case-insensitive path matching is not supported: the path is matched case-sensitively'),
      );
    }
    const path =
      matcher.exact !== undefined
        ? { type: 'Exact' as const, value: matcher.exact }
        : matcher.regex !== undefined
          ? { type: 'RegularExpression' as const, value: matcher.regex }
          : { type: 'PathPrefix' as const, value: matcher.prefix ?? '/' };
    const base: HttpRouteMatchInput = { path };
    if (matcher.headers?.length) base.headers = matcher.headers.map(valueMatch);
    if (matcher.queryParameters?.length) base.queryParams = matcher.queryParameters.map(valueMatch);
    const methods: (string | undefined)[] = matcher.methods?.length ? matcher.methods : [undefined];
    for (const method of methods)
      matches.push(validMatch(manifest, here, method === undefined ? base : { ...base, method: method as HttpRouteMatchInput['method'] }));
  });
  return { matches, warnings };
}

function validMatch(manifest: Pick<Manifest, 'ref' | 'source'>, at: string, input: HttpRouteMatchInput): HttpRouteMatch {
  const result = v.safeParse(HttpRouteMatchSchema, input);
  if (result.success) return result.output;
  const [first] = formatIssues(result.issues);
  throw manifestError(manifest, at, `as a Gateway API match, ${first}`);
}
