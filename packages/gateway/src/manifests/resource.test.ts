import { describe, expect, it } from 'vitest';
import { backendYaml, configErrorOf, guideRule, httpRouteYaml, translateYaml } from './manifest-test-support.ts';

/** Rules every kind shares (metadata, API versions) and the remaining HTTPRoute and Gateway field rules. */
describe('metadata and API versions', () => {
  it('checks metadata.name and metadata.namespace with the Kubernetes name rules', () => {
    expect(configErrorOf(() => translateYaml(backendYaml().replace('name: lambda', 'name: Lambda_1')))).toBe(
      'm.yaml: Backend: metadata.name: must be a lower-case RFC 1123 subdomain (a-z, 0-9, "-" and ".", starting and ending with a letter or digit)',
    );
    expect(configErrorOf(() => translateYaml(backendYaml().replace('namespace: gloo-system', 'namespace: gloo.system')))).toBe(
      'm.yaml: Backend: metadata.namespace: must be a lower-case RFC 1123 label (a-z, 0-9 and "-", starting and ending with a letter or digit)',
    );
  });

  it('names the version it reads when a known kind comes in another version', () => {
    expect(configErrorOf(() => translateYaml(backendYaml().replace('v1alpha1', 'v1beta1')))).toBe(
      'm.yaml: Backend gloo-system/lambda: apiVersion: must be gateway.kgateway.dev/v1alpha1 (the only version lambda-gateway reads)',
    );
    expect(configErrorOf(() => translateYaml('apiVersion: gloo.solo.io/v2\nkind: Upstream\nmetadata: { name: u }\nspec: {}\n'))).toBe(
      'm.yaml: Upstream default/u: apiVersion: must be gloo.solo.io/v1 (the only version lambda-gateway reads)',
    );
    expect(configErrorOf(() => translateYaml(httpRouteYaml(guideRule()).replace('gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1alpha2')))).toBe(
      'm.yaml: HTTPRoute gloo-system/lambda: apiVersion: must be one of gateway.networking.k8s.io/v1, gateway.networking.k8s.io/v1beta1 (got "gateway.networking.k8s.io/v1alpha2")',
    );
    expect(configErrorOf(() => translateYaml('apiVersion: gateway.gloo.solo.io/v1\nkind: GatewayParameters\nmetadata: { name: p }\n'))).toBe(
      'm.yaml: GatewayParameters default/p: apiVersion: must be gateway.kgateway.dev/v1alpha1 or gateway.gloo.solo.io/v1alpha1',
    );
  });
});

describe('more HTTPRoute field rules', () => {
  const ROUTE = 'm.yaml (document 2): HTTPRoute gloo-system/lambda: ';
  const errorOf = (rule: string, spec = httpRouteYaml(rule)) => configErrorOf(() => translateYaml(`${backendYaml()}---\n${spec}`));
  const filters = (list: string) => `${guideRule()}\n      filters:\n${list}`;

  it.each([
    ['rule name', `    - name: Echo_Rule\n${guideRule().slice(6).replace(/^/, '      ')}`, 'spec.rules[0].name: must be a lower-case RFC 1123 label'],
    ['backendRef port', guideRule('\n          port: 0'), 'spec.rules[0].backendRefs[0].port: must be 1-65535'],
    [
      'RequestRedirect with URLRewrite',
      '    - filters:\n        - { type: RequestRedirect, requestRedirect: { statusCode: 301 } }\n        - { type: URLRewrite, urlRewrite: { hostname: a.example } }',
      'spec.rules[0].filters: May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both',
    ],
    [
      'ResponseHeaderModifier cannot be repeated',
      filters(
        '        - { type: ResponseHeaderModifier, responseHeaderModifier: { remove: [x-a] } }\n        - { type: ResponseHeaderModifier, responseHeaderModifier: { remove: [x-b] } }',
      ),
      'spec.rules[0].filters: ResponseHeaderModifier filter cannot be repeated',
    ],
    [
      'RequestRedirect cannot be repeated',
      '    - filters:\n        - { type: RequestRedirect, requestRedirect: { statusCode: 301 } }\n        - { type: RequestRedirect, requestRedirect: { statusCode: 302 } }',
      'spec.rules[0].filters: RequestRedirect filter cannot be repeated',
    ],
    [
      'header value length',
      filters(`        - type: RequestHeaderModifier\n          requestHeaderModifier: { set: [{ name: x-a, value: "${'v'.repeat(4097)}" }] }`),
      'spec.rules[0].filters[0].requestHeaderModifier.set[0].value: must be at most 4096 characters',
    ],
    [
      'removed names unique',
      filters('        - type: RequestHeaderModifier\n          requestHeaderModifier: { remove: [X-A, x-a] }'),
      'spec.rules[0].filters[0].requestHeaderModifier.remove[1]: duplicate header name "x-a" (header names are case-insensitive)',
    ],
    [
      'one function Parameter',
      '    - backendRefs:\n        - name: aws-upstream\n          group: gloo.solo.io\n          kind: Upstream\n          filters:\n            - { type: ExtensionRef, extensionRef: { group: gloo.solo.io, kind: Parameter, name: a } }\n            - { type: ExtensionRef, extensionRef: { group: gloo.solo.io, kind: Parameter, name: b } }',
      'spec.rules[0].backendRefs[0].filters: name one Lambda function: more than one Parameter ExtensionRef',
    ],
  ])('%s', (_rule, rule, message) => {
    expect(errorOf(rule)).toBe(`${ROUTE}${message}`);
  });

  it('checks parentRefs', () => {
    expect(errorOf('', httpRouteYaml(guideRule()).replace('- name: http', '- namespace: gloo-system'))).toBe(`${ROUTE}spec.parentRefs[0].name: is required`);
  });
});

describe('more Gateway field rules', () => {
  it('needs a gatewayClassName and a listener protocol', () => {
    const gateway = (spec: string) =>
      `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: { name: http, namespace: gloo-system }\nspec:\n${spec}\n`;
    expect(configErrorOf(() => translateYaml(gateway('  listeners: [{ name: http, port: 8080, protocol: HTTP }]')))).toBe(
      'm.yaml: Gateway gloo-system/http: spec.gatewayClassName: is required',
    );
    expect(configErrorOf(() => translateYaml(gateway('  gatewayClassName: x\n  listeners: [{ name: http, port: 8080, protocol: "" }]')))).toBe(
      'm.yaml: Gateway gloo-system/http: spec.listeners[0].protocol: must not be empty',
    );
  });
});
