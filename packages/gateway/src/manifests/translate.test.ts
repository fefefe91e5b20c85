import { describe, expect, it } from 'vitest';
import { buildRoutes, parseConfigText } from '../config/index.ts';
import { backendYaml, configErrorOf, guideRule, httpRouteYaml, translateYaml } from './manifest-test-support.ts';
import { translateManifests } from './translate.ts';

const secretYaml = (namespace = '') =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: aws-creds${namespace ? `\n  namespace: ${namespace}` : ''}\nstringData: { accessKey: AKIAEXAMPLE000000001, secretKey: example }\n`;
const SECRET_AUTH =
  'region: us-east-1\n    accountId: "222222222222"\n    auth: { type: Secret, secretRef: { name: aws-creds } }\n    lambda:\n      functionName: echo\n      payloadTransformMode: None';

describe('translating a set of manifests', () => {
  it('lists kinds it does not act on as ignored, once each, with their file', () => {
    const yaml = `apiVersion: v1\nkind: Namespace\nmetadata: { name: gloo-system }\n---\napiVersion: gateway.kgateway.dev/v1alpha1\nkind: TrafficPolicy\nmetadata: { name: p, namespace: gloo-system }\nspec: {}\n`;
    expect(translateYaml(yaml, 'all.yaml')).toMatchObject({
      routes: [],
      ignored: ['all.yaml: Namespace default/gloo-system (v1)', 'all.yaml (document 2): TrafficPolicy gloo-system/p (gateway.kgateway.dev/v1alpha1)'],
    });
  });

  it('treats a kind from another API group as a different kind (Envoy Gateway has a Backend too)', () => {
    const yaml = 'apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: Backend\nmetadata: { name: b }\nspec: { endpoints: [] }\n';
    expect(translateYaml(yaml).ignored).toEqual(['m.yaml: Backend default/b (gateway.envoyproxy.io/v1alpha1)']);
  });

  it('reads the items of a kind: List (kubectl get -o yaml)', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }] };
    expect(translateManifests([{ source: 'list.json', index: 0, value: list }]).ignored).toEqual(['list.json: ConfigMap default/c (v1)']);
  });

  it('refuses the same resource twice, naming both files', () => {
    const error = configErrorOf(() => translateManifests([...parseConfigText(backendYaml(), 'a.yaml'), ...parseConfigText(backendYaml(), 'b.yaml')]));
    expect(error).toBe('b.yaml: Backend gloo-system/lambda: defined twice (also in a.yaml)');
  });

  it('needs metadata.name', () => {
    expect(configErrorOf(() => translateYaml('apiVersion: v1\nkind: Secret\nmetadata: { namespace: x }\n'))).toBe('m.yaml: Secret: metadata.name: is required');
    expect(configErrorOf(() => translateYaml('apiVersion: v1\nkind: Secret\n'))).toBe('m.yaml: Secret: metadata: is required');
  });

  it('routes HTTPRoutes and VirtualServices in document order, whatever the order of the resources they use', () => {
    const translated = translateYaml(`${httpRouteYaml(guideRule())}---\n${backendYaml()}`);
    expect(translated.routes.map((route) => route.name)).toEqual(['HTTPRoute gloo-system/lambda rules[0]']);
  });
});

describe('Secrets by name', () => {
  it('uses a Secret without namespace for a secretRef in any namespace (kubectl apply -n decides it)', () => {
    const translated = translateYaml(`${secretYaml()}---\n${backendYaml(SECRET_AUTH)}---\n${httpRouteYaml(guideRule())}`);
    expect(translated.routes[0]!.backend).toMatchObject({ auth: { type: 'secret', name: 'aws-creds' } });
    expect(translated.secrets).toEqual({ 'aws-creds': { accessKey: 'AKIAEXAMPLE000000001', secretKey: 'example' } });
    expect(translated.warnings).toEqual([]);
  });

  it('refuses a secretRef to a namespace the Secret manifest is not in', () => {
    expect(configErrorOf(() => translateYaml(`${secretYaml('default')}---\n${backendYaml(SECRET_AUTH)}`))).toBe(
      'm.yaml (document 2): Backend gloo-system/lambda: spec.aws.auth.secretRef: Secret gloo-system/aws-creds not found (Secret default/aws-creds in m.yaml is in another namespace)',
    );
  });

  it('refuses two Secrets with one name in different namespaces', () => {
    expect(configErrorOf(() => translateYaml(`${secretYaml('a')}---\n${secretYaml('b')}`))).toBe(
      'm.yaml (document 2): Secret b/aws-creds: metadata.name: a Secret named aws-creds is also defined as Secret a/aws-creds in m.yaml; secrets are looked up by name, so names must be unique',
    );
  });

  it('warns about a Secret no Backend uses (a Backend without auth uses the ambient credentials)', () => {
    expect(translateYaml(`${secretYaml()}`).warnings).toEqual([
      'm.yaml: Secret default/aws-creds: metadata.name: no Backend or Upstream uses this Secret (a Backend without spec.aws.auth uses the ambient credentials; add auth: { type: Secret, secretRef: { name: aws-creds } } to use it)',
    ]);
  });
});

describe('mixing native config and manifests', () => {
  it('builds one route list, native routes first', () => {
    const native = 'backends:\n  echo: { functionName: echo, region: us-east-1 }\nroutes:\n  - { name: native, backend: echo }\n';
    const built = buildRoutes(
      [...parseConfigText(native, 'native.yaml'), ...parseConfigText(`${backendYaml()}---\n${httpRouteYaml(guideRule())}`, 'k8s.yaml')],
      translateManifests,
    );
    expect(built.routes.map((route) => route.name)).toEqual(['native', 'HTTPRoute gloo-system/lambda rules[0]']);
    expect(built.warnings).toHaveLength(1);
    expect(built.ignored).toEqual([]);
  });
});
