import { describe, expect, it } from 'vitest';
import { configErrorOf, translateYaml } from './manifest-test-support.ts';

const UPSTREAM = `apiVersion: gloo.solo.io/v1
kind: Upstream
metadata: { name: aws-upstream, namespace: gloo-system }
spec:
  aws:
    region: us-east-1
    lambdaFunctions:
    - { lambdaFunctionName: target-name, logicalName: target-name }
`;

const VS = 'm.yaml (document 2): VirtualService gloo-system/aws-lambda: ';

/** A VirtualService with one route: `route` is its YAML body (indented under `- `). */
function withRoute(route: string, host = ''): string {
  return `${UPSTREAM}---
apiVersion: gateway.solo.io/v1
kind: VirtualService
metadata: { name: aws-lambda, namespace: gloo-system }
spec:
  virtualHost:${host}
    routes:
    - ${route}
`;
}

const ACTION = (aws = '') => `routeAction:
        single:
          upstream: { name: aws-upstream }
          destinationSpec:
            aws:
              logicalName: target-name${aws}`;

function routeOf(matchers: string, aws = '') {
  return translateYaml(withRoute(`${matchers}\n      ${ACTION(aws)}`)).routes[0]!;
}

function errorOf(route: string, host = ''): string {
  return configErrorOf(() => translateYaml(withRoute(route, host)));
}

describe('VirtualService → routes', () => {
  it("routes a prefix matcher to the upstream's function (the upstream namespace defaults to the VirtualService's)", () => {
    const route = routeOf('matchers: [{ prefix: /echo }]');
    expect(route).toMatchObject({
      name: 'VirtualService gloo-system/aws-lambda routes[0]',
      backendName: 'Upstream gloo-system/aws-upstream target-name',
      backend: { functionName: 'target-name', payloadMode: 'passthrough', invocationMode: 'Sync' },
    });
    expect(route.matches).toEqual([{ path: { type: 'PathPrefix', value: '/echo' } }]);
  });

  it('translates exact, regex, methods (one match each), headers and query parameters; no matchers means prefix /', () => {
    expect(routeOf('matchers:\n      - exact: /echo\n        methods: [GET, POST]').matches).toEqual([
      { path: { type: 'Exact', value: '/echo' }, method: 'GET' },
      { path: { type: 'Exact', value: '/echo' }, method: 'POST' },
    ]);
    expect(
      routeOf(
        'matchers:\n      - regex: "/items/[0-9]+"\n        headers: [{ name: x-tenant, value: blue }, { name: x-v, value: "[0-9]", regex: true }, { name: x-present }]\n        queryParameters: [{ name: debug }]',
      ).matches,
    ).toEqual([
      {
        path: { type: 'RegularExpression', value: '/items/[0-9]+' },
        headers: [
          { type: 'Exact', name: 'x-tenant', value: 'blue' },
          { type: 'RegularExpression', name: 'x-v', value: '[0-9]' },
          { type: 'RegularExpression', name: 'x-present', value: '.*' },
        ],
        queryParams: [{ type: 'RegularExpression', name: 'debug', value: '.*' }],
      },
    ]);
    expect(routeOf('name: catch-all').matches).toEqual([{ path: { type: 'PathPrefix', value: '/' } }]);
    expect(routeOf('name: catch-all').name).toBe('VirtualService gloo-system/aws-lambda route "catch-all"');
  });

  it('maps invocationStyle ASYNC to Async and the API Gateway options to apigateway-v1, saying what differs from Gloo', () => {
    expect(routeOf('matchers: [{ prefix: /echo }]', '\n              invocationStyle: ASYNC').backend).toMatchObject({ invocationMode: 'Async' });
    const both = translateYaml(
      withRoute(`matchers: [{ prefix: /echo }]\n      ${ACTION('\n              unwrapAsApiGateway: true\n              wrapAsApiGateway: true')}`),
    );
    expect(both.routes[0]!.backend).toMatchObject({ payloadMode: 'apigateway-v1' });
    expect(both.warnings).toEqual([]);
    const at = `${VS}spec.virtualHost.routes[0].routeAction.single.upstream.`;
    const unwrapOnly = translateYaml(withRoute(`matchers: [{ prefix: /echo }]\n      ${ACTION('\n              unwrapAsApiGateway: true')}`));
    expect(unwrapOnly.routes[0]!.backend).toMatchObject({ payloadMode: 'apigateway-v1' });
    expect(unwrapOnly.warnings).toEqual([
      `${at}unwrapAsApiGateway: mapped to payloadMode apigateway-v1: the result is unwrapped as in Gloo, and the function receives an API Gateway REST (v1) event instead of the raw body (Gloo wraps only with wrapAsApiGateway)`,
    ]);
    expect(translateYaml(withRoute(`matchers: [{ prefix: /echo }]\n      ${ACTION('\n              wrapAsApiGateway: true')}`)).warnings).toEqual([
      `${at}wrapAsApiGateway: mapped to payloadMode apigateway-v1: the function receives an API Gateway REST (v1) event as in Gloo, and its result is read as an API Gateway proxy response instead of being returned as it is`,
    ]);
    expect(
      translateYaml(
        withRoute(
          `matchers: [{ prefix: /echo }]\n      ${ACTION('\n              unwrapAsAlb: true\n              requestTransformation: true\n              responseTransformation: true\n              htmlContentTypeHeader: true')}`,
        ),
      ).warnings,
    ).toEqual([
      `${at}unwrapAsAlb: mapped to payloadMode apigateway-v1: the result is read as an API Gateway/ALB proxy response, and the function receives an API Gateway REST (v1) event instead of the raw body`,
      `${at}requestTransformation: Gloo's own request envelope is not supported: the body is sent as it is (use wrapAsApiGateway for an API Gateway event)`,
      `${at}responseTransformation: not supported: the result is returned as it is`,
      `${at}htmlContentTypeHeader: not supported: the response keeps Lambda's content-type`,
    ]);
  });

  it('matches domains as hostnames (exact and *. wildcards), reporting the Envoy forms it does not match', () => {
    const yaml = withRoute(
      `matchers: [{ prefix: /echo }]\n      ${ACTION()}`,
      "\n    domains: ['API.example.com', '*.example.net', 'foo.*', 'a.example.com:8080']",
    );
    const translated = translateYaml(yaml);
    expect(translated.routes[0]?.hostnames).toEqual(['api.example.com', '*.example.net']);
    expect(translated.warnings).toEqual([
      `${VS}spec.virtualHost.domains[2]: "foo.*" is not matched: only exact names and "*." wildcards are supported`,
      `${VS}spec.virtualHost.domains[3]: "a.example.com:8080" is not matched: only exact names and "*." wildcards are supported`,
    ]);
    expect(translateYaml(withRoute(`matchers: [{ prefix: /echo }]\n      ${ACTION()}`, "\n    domains: ['*']")).routes[0]?.hostnames).toBeUndefined();
  });

  it('warns about TLS, options and case-insensitive matching', () => {
    const yaml = withRoute(
      `matchers: [{ prefix: /echo, caseSensitive: false }]\n      options: { timeout: 5s }\n      ${ACTION()}`,
      "\n    domains: ['api.example.com']\n    options: { retries: { retryOn: 5xx } }",
    );
    expect(translateYaml(yaml).warnings).toEqual([
      `${VS}spec.virtualHost.options.retries: not supported by lambda-gateway; ignored`,
      `${VS}spec.virtualHost.routes[0].options.timeout: not supported by lambda-gateway; ignored`,
      `${VS}spec.virtualHost.routes[0].matchers[0].caseSensitive: case-insensitive path matching is not supported: the path is matched case-sensitively`,
    ]);
  });
});

describe('VirtualService validation', () => {
  const cases: Array<[string, string, string]> = [
    [
      'upstream must exist',
      'routeAction: { single: { upstream: { name: nope } } }',
      'spec.virtualHost.routes[0].routeAction.single.upstream: Upstream gloo-system/nope not found',
    ],
    [
      'multi needs destinations',
      'routeAction: { multi: { destinations: [] } }',
      'spec.virtualHost.routes[0].routeAction.multi.destinations: must not be empty',
    ],
    [
      'no kube destinations',
      'routeAction: { single: { kube: { ref: { name: httpbin } } } }',
      'spec.virtualHost.routes[0]: routeAction.single.kube is not supported: lambda-gateway routes only routeAction.single.upstream or routeAction.multi to AWS Lambda Upstreams',
    ],
    [
      'no redirects',
      'redirectAction: { hostRedirect: example.com }',
      'spec.virtualHost.routes[0]: redirectAction is not supported: lambda-gateway routes only routeAction.single.upstream or routeAction.multi to AWS Lambda Upstreams',
    ],
    [
      'aws destinationSpec only',
      'routeAction: { single: { upstream: { name: aws-upstream }, destinationSpec: { rest: {} } } }',
      'spec.virtualHost.routes[0].routeAction.single.destinationSpec: only an aws destinationSpec is supported',
    ],
    [
      'the function must exist',
      'routeAction: { single: { upstream: { name: aws-upstream }, destinationSpec: { aws: { logicalName: other } } } }',
      'spec.virtualHost.routes[0].routeAction.single.upstream: Upstream gloo-system/aws-upstream has no Lambda function with logicalName "other" (it has: target-name)',
    ],
    [
      'invocationStyle enum',
      `matchers: [{ prefix: /echo }]\n      ${ACTION('\n              invocationStyle: EVENT')}`,
      'spec.virtualHost.routes[0].routeAction.single.destinationSpec.aws.invocationStyle: must be one of SYNC, ASYNC (got "EVENT")',
    ],
    [
      'one path matcher',
      `matchers: [{ prefix: /echo, exact: /echo }]\n      ${ACTION()}`,
      'spec.virtualHost.routes[0].matchers[0]: only one of prefix, exact, regex or connectPath may be set',
    ],
    [
      'path rules',
      `matchers: [{ prefix: echo }]\n      ${ACTION()}`,
      'spec.virtualHost.routes[0].matchers[0]: as a Gateway API match, path.value: must start with "/"',
    ],
    [
      'methods',
      `matchers: [{ prefix: /echo, methods: [get] }]\n      ${ACTION()}`,
      'spec.virtualHost.routes[0].matchers[0]: as a Gateway API match, method: must be one of "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH" (got "get"); methods are upper case',
    ],
    [
      'inverted header matches',
      `matchers: [{ prefix: /echo, headers: [{ name: x-a, value: b, invertMatch: true }] }]\n      ${ACTION()}`,
      'spec.virtualHost.routes[0].matchers[0].headers[0].invertMatch: inverted header matches are not supported (a Gateway API match cannot express them)',
    ],
    ['CONNECT', `matchers: [{ connectPath: /x }]\n      ${ACTION()}`, 'spec.virtualHost.routes[0].matchers[0].connectPath: CONNECT routes are not supported'],
    [
      'unknown matcher field',
      `matchers: [{ path: /echo }]\n      ${ACTION()}`,
      'spec.virtualHost.routes[0].matchers[0].path: unknown field (allowed: prefix, exact, regex, connectPath, caseSensitive, headers, queryParameters, methods)',
    ],
    [
      'access control is refused, not ignored',
      `matchers: [{ prefix: /echo }]\n      options: { extauth: { configRef: { name: auth } } }\n      ${ACTION()}`,
      'spec.virtualHost.routes[0].options.extauth: lambda-gateway cannot enforce this; refusing to serve the route without it (remove it, or enforce it in front of the gateway)',
    ],
  ];
  it.each(cases)('%s', (_rule, route, message) => {
    expect(errorOf(route)).toBe(`${VS}${message}`);
  });

  it('refuses access-control options on the virtual host too', () => {
    expect(errorOf(`matchers: [{ prefix: /echo }]\n      ${ACTION()}`, '\n    options: { jwt: {} }')).toBe(
      `${VS}spec.virtualHost.options.jwt: lambda-gateway cannot enforce this; refusing to serve the route without it (remove it, or enforce it in front of the gateway)`,
    );
  });
});
