import { describe, expect, it } from 'vitest';
import { backendYaml, configErrorOf, guideRule, httpRouteYaml, translateYaml } from './manifest-test-support.ts';
import { durationMs } from './http-route.ts';

const ROUTE = 'm.yaml (document 2): HTTPRoute gloo-system/lambda: ';

/** The guide's Backend plus an HTTPRoute with `rule`. */
function withBackend(rule: string) {
  return `${backendYaml()}---\n${httpRouteYaml(rule)}`;
}

function routeOf(rule: string) {
  return translateYaml(withBackend(rule)).routes[0]!;
}

function errorOf(rule: string): string {
  return configErrorOf(() => translateYaml(withBackend(rule)));
}

const FILTERS = (filters: string) => `${guideRule()}\n      filters:\n${filters}`;

describe('HTTPRoute → routes', () => {
  it("turns the guide's rule into a route to the Backend", () => {
    const route = routeOf(guideRule());
    expect(route).toMatchObject({
      name: 'HTTPRoute gloo-system/lambda rules[0]',
      backendName: 'Backend gloo-system/lambda',
      backend: { functionName: 'echo', accountId: '222222222222' },
    });
    expect(route.matches).toEqual([{ path: { type: 'PathPrefix', value: '/echo' } }]);
    expect(route.filters).toBeUndefined();
  });

  it('keeps every match condition (method, headers, query params) and names rules by their name', () => {
    const route = routeOf(
      `    - name: tenant-blue\n      matches:\n        - path: { type: Exact, value: /echo }\n          method: POST\n          headers: [{ name: x-tenant, value: blue }]\n          queryParams: [{ type: RegularExpression, name: v, value: "[0-9]+" }]\n      backendRefs:\n        - { name: lambda, group: gateway.kgateway.dev, kind: Backend }`,
    );
    expect(route.name).toBe('HTTPRoute gloo-system/lambda rule "tenant-blue"');
    expect(route.matches).toEqual([
      {
        path: { type: 'Exact', value: '/echo' },
        method: 'POST',
        headers: [{ type: 'Exact', name: 'x-tenant', value: 'blue' }],
        queryParams: [{ type: 'RegularExpression', name: 'v', value: '[0-9]+' }],
      },
    ]);
  });

  it('defaults the backendRef namespace to the route namespace, and uses an explicit one a ReferenceGrant permits', () => {
    const other = backendYaml(undefined, 'lambda').replace('namespace: gloo-system', 'namespace: lambdas');
    const rule = guideRule('\n          namespace: lambdas');
    const grant = `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: { name: routes-to-lambdas, namespace: lambdas }
spec:
  from: [{ group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: gloo-system }]
  to: [{ group: gateway.kgateway.dev, kind: Backend }]
---
`;
    expect(translateYaml(`${grant}${other}---\n${httpRouteYaml(rule)}`).routes[0]!.backendName).toBe('Backend lambdas/lambda');
    const denied = translateYaml(`${other}---\n${httpRouteYaml(rule)}`, 'm.yaml');
    expect(denied.routes[0]!.backends).toEqual([
      {
        unresolved: 'Backend lambdas/lambda is in another namespace and no ReferenceGrant in lambdas permits HTTPRoutes of gloo-system to refer to it',
        backendName: 'Backend lambdas/lambda (unresolved)',
        weight: 1,
      },
    ]);
    expect(denied.warnings).toContain(
      `${ROUTE}spec.rules[0].backendRefs[0]: Backend lambdas/lambda is in another namespace and no ReferenceGrant in lambdas permits HTTPRoutes of gloo-system to refer to it: its requests are answered 500`,
    );
  });

  // Gateway API: a route with an invalid backendRef is accepted and its requests get 500
  // (conformance/tests/httproute-invalid-*.go); the warning says why.
  it.each([
    ['a missing Backend', guideRule().replace('name: lambda', 'name: lambda2'), 'Backend gloo-system/lambda2 not found'],
    [
      'a missing Backend that exists in another namespace',
      guideRule('\n          namespace: other'),
      "Backend other/lambda not found (there is one in namespace gloo-system: set metadata.namespace or the reference's namespace)",
    ],
    [
      'a kind other than Backend and Upstream',
      '    - backendRefs: [{ name: httpbin, port: 8000 }]',
      'kind Service (group "") is not supported: lambda-gateway routes to Backend (gateway.kgateway.dev) and Upstream (gloo.solo.io) only',
    ],
    [
      'a Backend of another group',
      guideRule().replace('group: gateway.kgateway.dev', 'group: gateway.solo.io'),
      'a Backend reference needs group gateway.kgateway.dev (got "gateway.solo.io")',
    ],
  ])('serves %s as an unresolved backend (500), with a warning naming it', (_name, rule, reason) => {
    const translated = translateYaml(withBackend(rule));
    expect(translated.routes[0]!.backends?.[0]?.unresolved).toBe(reason);
    expect(translated.warnings).toContain(`${ROUTE}spec.rules[0].backendRefs[0]: ${reason}: its requests are answered 500`);
  });

  it('maps timeouts to the backend timeout (the shorter of request and backendRequest)', () => {
    const route = routeOf(`${guideRule()}\n      timeouts: { request: 1m, backendRequest: 1500ms }`);
    expect(route.backend).toMatchObject({ timeoutMs: 1500 });
    expect(route.backendName).toBe('Backend gloo-system/lambda (timeout 1500ms)');
    expect(routeOf(`${guideRule()}\n      timeouts: { request: 0s }`).backend).toMatchObject({ timeoutMs: 900_000 });
    expect(durationMs('1h2m3s4ms')).toBe(3_723_004);
    expect(errorOf(`${guideRule()}\n      timeouts: { request: 10 }`)).toBe(`${ROUTE}spec.rules[0].timeouts.request: must be a string`);
    expect(errorOf(`${guideRule()}\n      timeouts: { request: 10sec }`)).toBe(
      `${ROUTE}spec.rules[0].timeouts.request: must be a Gateway API duration such as 10s, 500ms or 1m30s`,
    );
  });

  it('translates retry (GEP-1731) with timeouts.request as its bound; warns about session persistence; hostnames go to the route', () => {
    const yaml = withBackend(`${guideRule()}\n      retry: { attempts: 2 }\n      sessionPersistence: { sessionName: s }`).replace(
      '  parentRefs:',
      '  hostnames: [example.com]\n  parentRefs:',
    );
    const translated = translateYaml(yaml);
    expect(translated.warnings.slice(1)).toEqual([`${ROUTE}spec.rules[0].sessionPersistence: not supported by lambda-gateway; ignored`]);
    expect(translated.routes[0]?.hostnames).toEqual(['example.com']);
    expect(translated.routes[0]?.retry).toEqual({ codes: [], attempts: 2, backoffMs: 25 });
    const bounded = routeOf(
      `${guideRule()}\n      retry: { codes: [502, 504], attempts: 3, backoff: 1s }\n      timeouts: { request: 2s, backendRequest: 500ms }`,
    );
    expect(bounded.retry).toEqual({ codes: [502, 504], attempts: 3, backoffMs: 1000, requestTimeoutMs: 2000 });
    // Each try gets the backendRequest timeout; the request timeout bounds them all.
    expect(bounded.backend).toMatchObject({ timeoutMs: 500 });
    expect(errorOf(`${guideRule()}\n      retry: { codes: [200] }`)).toBe(`${ROUTE}spec.rules[0].retry.codes[0]: must be 400-599`);
    expect(errorOf(`${guideRule()}\n      retry: { attempts: 0 }`)).toBe(`${ROUTE}spec.rules[0].retry.attempts: must be at least 1`);
  });
});

describe('HTTPRoute validation', () => {
  const cases: Array<[string, string, string]> = [
    [
      'redirect status codes',
      '    - filters: [{ type: RequestRedirect, requestRedirect: { statusCode: 304 } }]',
      'spec.rules[0].filters[0].requestRedirect.statusCode: must be one of 301, 302, 303, 307, 308 (got 304)',
    ],
    [
      'redirect scheme',
      '    - filters: [{ type: RequestRedirect, requestRedirect: { scheme: ftp } }]',
      'spec.rules[0].filters[0].requestRedirect.scheme: must be one of http, https (got "ftp")',
    ],
    [
      'redirect prefix needs one PathPrefix match',
      '    - matches: [{ path: { type: Exact, value: /a } }]\n      filters: [{ type: RequestRedirect, requestRedirect: { path: { type: ReplacePrefixMatch, replacePrefixMatch: /b } } }]',
      'spec.rules[0]: When using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
    ],
    ['weight range', guideRule('\n          weight: 1000001'), 'spec.rules[0].backendRefs[0].weight: must be 0-1000000'],
    ['Service needs a port', '    - backendRefs: [{ name: httpbin }]', 'spec.rules[0].backendRefs[0]: Must have port for Service reference'],
    [
      'backendRef name',
      guideRule().replace('name: lambda', 'name: Lambda'),
      'spec.rules[0].backendRefs[0].name: must be a lower-case RFC 1123 subdomain (a-z, 0-9, "-" and ".", starting and ending with a letter or digit)',
    ],
    ['path match rules', guideRule().replace('value: /echo', 'value: echo'), 'spec.rules[0].matches[0].path.value: must start with "/"'],
    [
      'method enum',
      `    - matches: [{ method: post }]\n      backendRefs: [{ name: lambda, group: gateway.kgateway.dev, kind: Backend }]`,
      'spec.rules[0].matches[0].method: must be one of "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH" (got "post"); methods are upper case',
    ],
    [
      'unknown rule field',
      `${guideRule()}\n      backendRef: {}`,
      'spec.rules[0].backendRef: unknown field (allowed: name, matches, filters, backendRefs, timeouts, retry, sessionPersistence)',
    ],
    [
      'filter type enum',
      FILTERS('        - type: Redirect'),
      'spec.rules[0].filters[0].type: must be one of RequestHeaderModifier, ResponseHeaderModifier, RequestMirror, RequestRedirect, URLRewrite, ExtensionRef, CORS, ExternalAuth (got "Redirect")',
    ],
    [
      'filter config must match its type',
      FILTERS('        - type: RequestHeaderModifier\n          requestHeaderModifier: { remove: [x-a] }\n          urlRewrite: { hostname: a.example }'),
      'spec.rules[0].filters[0]: filter.urlRewrite must be nil if the filter.type is not URLRewrite',
    ],
    [
      'filter config must be present',
      FILTERS('        - type: URLRewrite'),
      'spec.rules[0].filters[0]: filter.urlRewrite must be specified for URLRewrite filter.type',
    ],
    [
      'header modifier cannot be repeated',
      FILTERS(
        '        - { type: RequestHeaderModifier, requestHeaderModifier: { remove: [x-a] } }\n        - { type: RequestHeaderModifier, requestHeaderModifier: { remove: [x-b] } }',
      ),
      'spec.rules[0].filters: RequestHeaderModifier filter cannot be repeated',
    ],
    [
      'URLRewrite cannot be repeated',
      FILTERS('        - { type: URLRewrite, urlRewrite: { hostname: a.example } }\n        - { type: URLRewrite, urlRewrite: { hostname: b.example } }'),
      'spec.rules[0].filters: URLRewrite filter cannot be repeated',
    ],
    [
      'header name pattern',
      FILTERS('        - type: RequestHeaderModifier\n          requestHeaderModifier: { set: [{ name: "x a", value: "1" }] }'),
      'spec.rules[0].filters[0].requestHeaderModifier.set[0].name: must be a valid header name (RFC 7230 token characters only, e.g. "X-Tenant-Id")',
    ],
    [
      'header value not empty',
      FILTERS('        - type: ResponseHeaderModifier\n          responseHeaderModifier: { add: [{ name: x-a, value: "" }] }'),
      'spec.rules[0].filters[0].responseHeaderModifier.add[0].value: must not be empty',
    ],
    [
      'header names unique, case-insensitively',
      FILTERS('        - type: RequestHeaderModifier\n          requestHeaderModifier: { set: [{ name: X-A, value: "1" }, { name: x-a, value: "2" }] }'),
      'spec.rules[0].filters[0].requestHeaderModifier.set[1]: duplicate header name "x-a" (header names are case-insensitive)',
    ],
    [
      'at most 16 headers',
      FILTERS(
        `        - type: RequestHeaderModifier\n          requestHeaderModifier: { remove: [${Array.from({ length: 17 }, (_, i) => `h${i}`).join(', ')}] }`,
      ),
      'spec.rules[0].filters[0].requestHeaderModifier.remove: must have at most 16 entries (got 17)',
    ],
    [
      'rewrite hostname',
      FILTERS('        - { type: URLRewrite, urlRewrite: { hostname: "*.example.com" } }'),
      'spec.rules[0].filters[0].urlRewrite.hostname: must be a precise lower-case DNS hostname (no wildcards, no port)',
    ],
    [
      'rewrite path type enum',
      FILTERS('        - { type: URLRewrite, urlRewrite: { path: { type: Replace } } }'),
      'spec.rules[0].filters[0].urlRewrite.path.type: must be one of ReplaceFullPath, ReplacePrefixMatch (got "Replace")',
    ],
    [
      'ReplaceFullPath needs replaceFullPath',
      FILTERS('        - { type: URLRewrite, urlRewrite: { path: { type: ReplaceFullPath } } }'),
      "spec.rules[0].filters[0].urlRewrite.path: replaceFullPath must be specified when type is set to 'ReplaceFullPath'",
    ],
    [
      'replaceFullPath needs its type',
      FILTERS('        - { type: URLRewrite, urlRewrite: { path: { type: ReplacePrefixMatch, replacePrefixMatch: /a, replaceFullPath: /b } } }'),
      "spec.rules[0].filters[0].urlRewrite.path: type must be 'ReplaceFullPath' when replaceFullPath is set",
    ],
    [
      'ReplacePrefixMatch needs replacePrefixMatch',
      FILTERS('        - { type: URLRewrite, urlRewrite: { path: { type: ReplacePrefixMatch } } }'),
      "spec.rules[0].filters[0].urlRewrite.path: replacePrefixMatch must be specified when type is set to 'ReplacePrefixMatch'",
    ],
    [
      'replacePrefixMatch needs its type',
      FILTERS('        - { type: URLRewrite, urlRewrite: { path: { type: ReplaceFullPath, replaceFullPath: /a, replacePrefixMatch: /b } } }'),
      "spec.rules[0].filters[0].urlRewrite.path: type must be 'ReplacePrefixMatch' when replacePrefixMatch is set",
    ],
    [
      'rewrite path value',
      FILTERS('        - { type: URLRewrite, urlRewrite: { path: { type: ReplaceFullPath, replaceFullPath: "a/../b" } } }'),
      'spec.rules[0].filters[0].urlRewrite.path.replaceFullPath: must start with "/"',
    ],
    [
      'ReplacePrefixMatch needs one PathPrefix match',
      `    - matches: [{ path: { type: Exact, value: /echo } }]\n      backendRefs: [{ name: lambda, group: gateway.kgateway.dev, kind: Backend }]\n      filters: [{ type: URLRewrite, urlRewrite: { path: { type: ReplacePrefixMatch, replacePrefixMatch: / } } }]`,
      'spec.rules[0]: When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified',
    ],
    [
      'RequestRedirect and backendRefs',
      FILTERS('        - { type: RequestRedirect, requestRedirect: { statusCode: 301 } }'),
      'spec.rules[0]: RequestRedirect filter must not be used together with backendRefs',
    ],
    [
      'external auth is refused, not ignored',
      FILTERS('        - { type: ExternalAuth, externalAuth: { protocol: HTTP } }'),
      'spec.rules[0].filters[0]: ExternalAuth filters are not supported by lambda-gateway; refusing to serve the rule without it',
    ],
    [
      'unknown extensions are refused',
      FILTERS('        - { type: ExtensionRef, extensionRef: { group: gateway.kgateway.dev, kind: TrafficPolicy, name: auth } }'),
      'spec.rules[0].filters[0]: ExtensionRef filters are not supported by lambda-gateway; refusing to serve the rule without it',
    ],
  ];
  it.each(cases)('%s', (_rule, rule, message) => {
    expect(errorOf(rule)).toBe(`${ROUTE}${message}`);
  });

  it('answers a rule without backendRefs with 500, the CRD default rule too (conformance: httproute-omitted-backendrefs)', () => {
    const reason =
      'the rule has no backendRefs (to a Backend of gateway.kgateway.dev or an Upstream of gloo.solo.io) and no RequestRedirect filter: its requests are answered 500';
    const yaml = `${backendYaml()}---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: { name: lambda, namespace: gloo-system }\nspec: {}\n`;
    const translated = translateYaml(yaml);
    expect(translated.routes[0]!.backends?.[0]).toMatchObject({ weight: 1, backendName: 'HTTPRoute gloo-system/lambda spec.rules[0] (no backendRefs)' });
    expect(translated.warnings).toContain(`${ROUTE}spec.rules[0].backendRefs: ${reason}`);
    expect(translateYaml(withBackend('    - matches: [{ path: { value: /echo } }]')).warnings).toContain(`${ROUTE}spec.rules[0].backendRefs: ${reason}`);
  });

  it('allows at most 16 rules', () => {
    const rules = Array.from({ length: 17 }, () => guideRule()).join('\n');
    expect(errorOf(rules)).toBe(`${ROUTE}spec.rules: must have at most 16 entries (got 17)`);
  });
});

describe('HTTPRoute filters', () => {
  it('keeps header modifiers and URL rewrites, rule filters first, then the backendRef filters', () => {
    const rule = `${guideRule('\n          filters: [{ type: ResponseHeaderModifier, responseHeaderModifier: { set: [{ name: x-served-by, value: lambda }] } }]')}
      filters:
        - type: RequestHeaderModifier
          requestHeaderModifier: { set: [{ name: x-tenant, value: blue }], add: [{ name: x-trace, value: "1" }], remove: [cookie] }
        - type: URLRewrite
          urlRewrite: { hostname: lambda.internal, path: { type: ReplacePrefixMatch, replacePrefixMatch: /v2 } }`;
    expect(routeOf(rule).filters).toEqual([
      {
        type: 'RequestHeaderModifier',
        requestHeaderModifier: { set: [{ name: 'x-tenant', value: 'blue' }], add: [{ name: 'x-trace', value: '1' }], remove: ['cookie'] },
      },
      { type: 'URLRewrite', urlRewrite: { hostname: 'lambda.internal', path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v2' } } },
      { type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'x-served-by', value: 'lambda' }] } },
    ]);
  });

  it("makes RequestMirror filters the route's mirrors (percent or fraction); an unresolved mirror is left out with a warning; CORS keeps its CRD default maxAge", () => {
    const mirror = (extra: string) =>
      `        - { type: RequestMirror, requestMirror: { backendRef: { group: gateway.kgateway.dev, kind: Backend, name: lambda }${extra} } }`;
    const rule = FILTERS(
      `${mirror('')}\n${mirror(', fraction: { numerator: 1, denominator: 4 }')}\n        - { type: RequestMirror, requestMirror: { backendRef: { name: m, port: 80 } } }\n        - { type: CORS, cors: { allowOrigins: ["*"] } }`,
    );
    const translated = translateYaml(withBackend(rule));
    expect(translated.routes[0]!.filters).toEqual([{ type: 'CORS', cors: { allowOrigins: ['*'], maxAge: 5 } }]);
    expect(translated.routes[0]!.mirrors).toMatchObject([
      { backendName: 'Backend gloo-system/lambda', backend: { functionName: 'echo' } },
      { backendName: 'Backend gloo-system/lambda', percent: 25 },
    ]);
    expect(translated.warnings.slice(1)).toEqual([
      expect.stringMatching(
        /^m\.yaml \(document 2\): HTTPRoute gloo-system\/lambda: spec\.rules\[0\]\.filters\[2\]\.requestMirror\.backendRef: kind Service .*: this mirror is not applied$/,
      ),
    ]);
    expect(errorOf(FILTERS(mirror(', percent: 5, fraction: { numerator: 1 }')))).toBe(
      `${ROUTE}spec.rules[0].filters[0].requestMirror: Only one of percent or fraction may be specified in HTTPRequestMirrorFilter`,
    );
  });

  it("refuses a CORS filter whose allowMethods mixes '*' with methods, naming the field", () => {
    expect(() => translateYaml(withBackend(FILTERS('        - { type: CORS, cors: { allowOrigins: ["*"], allowMethods: ["*", GET] } }')))).toThrow(
      /spec\.rules\[0\]\.filters\[0\]\.cors\.allowMethods: allowMethods cannot contain '\*' alongside other values/,
    );
  });
});
