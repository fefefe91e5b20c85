/** Helpers for the manifests unit tests (not used by the gateway itself). */
import { parseConfigText, type ManifestTranslation } from '../config/index.ts';
import { ConfigError } from '../validation/index.ts';
import { translateManifests } from './translate.ts';

/** Translates YAML manifests as if read from `file`. */
export function translateYaml(yaml: string, file = 'm.yaml'): ManifestTranslation {
  return translateManifests(parseConfigText(yaml, file));
}

/** The message of the ConfigError `run` throws (fails the test when it throws something else or nothing). */
export function configErrorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

/** The guide's kgateway Backend (namespace gloo-system), with `spec.aws` replaced by `aws` when given. */
export function backendYaml(aws = 'region: us-east-1\n    accountId: "222222222222"\n    lambda:\n      functionName: echo', name = 'lambda'): string {
  return `apiVersion: gateway.kgateway.dev/v1alpha1
kind: Backend
metadata:
  name: ${name}
  namespace: gloo-system
spec:
  type: AWS
  aws:
    ${aws}
`;
}

/** An HTTPRoute in gloo-system whose single rule is `rule` (indented YAML under `rules:`). */
export function httpRouteYaml(rule: string): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: lambda
  namespace: gloo-system
spec:
  parentRefs:
    - name: http
  rules:
${rule}
`;
}

/** The rule of the guide's HTTPRoute, with extra YAML lines appended to the rule. */
export function guideRule(extra = ''): string {
  return `    - matches:
        - path: { type: PathPrefix, value: /echo }
      backendRefs:
        - name: lambda
          group: gateway.kgateway.dev
          kind: Backend${extra}`;
}
