import { describe, expect, it } from 'vitest';
import { configErrorOf, translateYaml } from './manifest-test-support.ts';

const gatewayYaml = (listeners: string, extra = '') => `kind: Gateway
apiVersion: gateway.networking.k8s.io/v1
metadata: { name: http, namespace: gloo-system }
spec:
  gatewayClassName: gloo-gateway-v2${extra}
  listeners:
${listeners}
`;
const GATEWAY = 'm.yaml: Gateway gloo-system/http: ';

describe('Gateway manifests', () => {
  it('takes the default port from the HTTP listener, with no routes of its own', () => {
    const translated = translateYaml(gatewayYaml('  - { protocol: HTTP, port: 8080, name: http, allowedRoutes: { namespaces: { from: All } } }'));
    expect(translated).toMatchObject({ defaultPort: 8080, routes: [], warnings: [] });
  });

  it('reports listeners and fields it does not serve', () => {
    const listeners =
      '  - { protocol: HTTPS, port: 8443, name: https, tls: { mode: Terminate } }\n  - { protocol: HTTP, port: 8080, name: http, hostname: api.example.com }\n  - { protocol: HTTP, port: 9090, name: other }';
    const translated = translateYaml(gatewayYaml(listeners, '\n  addresses: [{ value: 10.0.0.1 }]'));
    expect(translated.defaultPort).toBe(8080);
    expect(translated.warnings).toEqual([
      `${GATEWAY}spec.addresses: not supported by lambda-gateway; ignored`,
      `${GATEWAY}spec.listeners[0].tls.certificateRefs: an HTTPS listener needs a certificateRef to a TLS Secret; the listener is not served`,
    ]);
    expect(translated.listeners?.map((listener) => [listener.name, listener.port])).toEqual([
      ['http', 8080],
      ['other', 9090],
    ]);
  });

  it('serves a lone HTTPS listener with the TLS Secret its certificateRefs name', () => {
    const translated = translateYaml(
      gatewayYaml('  - { protocol: HTTPS, port: 8443, name: https, tls: { mode: Terminate, certificateRefs: [{ name: gw-cert }] } }'),
    );
    expect(translated).toMatchObject({ defaultPort: 8443, tlsSecret: 'gw-cert', warnings: [] });
  });

  it('serves every HTTP and HTTPS listener; the default port is the first HTTP one', () => {
    const https = (port: number, secret: string, hostname: string) =>
      `  - { protocol: HTTPS, port: ${port}, name: h${port}-${secret}, hostname: ${hostname}, tls: { certificateRefs: [{ kind: Secret, name: ${secret} }] } }`;
    const both = translateYaml(gatewayYaml(`${https(8443, 'a', 'a.test')}\n  - { protocol: HTTP, port: 8080, name: http }`));
    expect(both).toMatchObject({ defaultPort: 8080, warnings: [] });
    expect(both.tlsSecret).toBeUndefined();
    expect(both.listeners?.map((listener) => [listener.protocol, listener.port, listener.tlsSecret])).toEqual([
      ['HTTPS', 8443, 'a'],
      ['HTTP', 8080, undefined],
    ]);
    const sni = translateYaml(gatewayYaml(`${https(8443, 'a', 'a.test')}\n${https(8443, 'b', 'b.test')}`));
    expect(sni).toMatchObject({ defaultPort: 8443, tlsSecret: 'a', warnings: [] });
    expect(sni.listeners?.map((listener) => [listener.hostname, listener.tlsSecret])).toEqual([
      ['a.test', 'a'],
      ['b.test', 'b'],
    ]);
  });

  it('leaves out a listener that conflicts with an earlier one on its port (protocol, or the same hostname)', () => {
    const listeners =
      '  - { protocol: HTTP, port: 8080, name: a, hostname: x.test }\n  - { protocol: HTTP, port: 8080, name: b, hostname: x.test }\n  - { protocol: HTTPS, port: 8080, name: c, tls: { certificateRefs: [{ name: s }] } }';
    const translated = translateYaml(gatewayYaml(listeners));
    expect(translated.listeners?.map((listener) => listener.name)).toEqual(['a']);
    expect(translated.warnings).toEqual([
      `${GATEWAY}spec.listeners[name=b]: not served: listener a of Gateway gloo-system/http is on container port 8080 too with the same hostname (x.test)`,
      `${GATEWAY}spec.listeners[name=c]: not served: listener a of Gateway gloo-system/http is on container port 8080 too with protocol HTTP (one protocol per port)`,
    ]);
  });

  it('serves a privileged listener port on the unprivileged port + 10000 (the container runs as non-root)', () => {
    expect(translateYaml(gatewayYaml('  - { protocol: HTTP, port: 80, name: http }'))).toMatchObject({ defaultPort: 10080, listenerPort: 80 });
    expect(translateYaml(gatewayYaml('  - { protocol: HTTP, port: 1024, name: http }')).listenerPort).toBeUndefined();
  });

  it('does not serve TLS passthrough', () => {
    const translated = translateYaml(gatewayYaml('  - { protocol: HTTPS, port: 8443, name: h, tls: { mode: Passthrough } }'));
    expect(translated.tlsSecret).toBeUndefined();
    expect(translated.warnings).toEqual([`${GATEWAY}spec.listeners[0].tls.mode: Passthrough is not served: lambda-gateway terminates TLS (mode Terminate)`]);
  });

  it('validates listeners', () => {
    expect(configErrorOf(() => translateYaml(gatewayYaml('  - { protocol: HTTP, port: 70000, name: http }')))).toBe(
      `${GATEWAY}spec.listeners[0].port: must be 1-65535`,
    );
    expect(configErrorOf(() => translateYaml(gatewayYaml('  - { protocol: HTTP, port: 8080 }')))).toBe(`${GATEWAY}spec.listeners[0].name: is required`);
    expect(configErrorOf(() => translateYaml(gatewayYaml('    []').replace('listeners:\n', 'listeners:')))).toBe(
      `${GATEWAY}spec.listeners: must have at least one listener`,
    );
  });
});

describe('GatewayParameters manifests', () => {
  const parameters = (spec: string) =>
    `apiVersion: gateway.kgateway.dev/v1alpha1\nkind: GatewayParameters\nmetadata: { name: http-lambda, namespace: gloo-system }\nspec:\n${spec}\n`;

  it("says where the guide's IRSA role annotation must go for lambda-gateway", () => {
    const spec = '  kube:\n    serviceAccount:\n      extraAnnotations:\n        eks.amazonaws.com/role-arn: arn:aws:iam::222222222222:role/lambda-invoke-role';
    expect(translateYaml(parameters(spec)).warnings).toEqual([
      'm.yaml: GatewayParameters gloo-system/http-lambda: spec.kube.serviceAccount.extraAnnotations["eks.amazonaws.com/role-arn"]: deployment setting, not read by lambda-gateway: annotate lambda-gateway\'s ServiceAccount with eks.amazonaws.com/role-arn: arn:aws:iam::222222222222:role/lambda-invoke-role so that its ambient credentials (AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE) come from that role',
    ]);
  });

  it('reports other deployment settings', () => {
    expect(translateYaml(parameters('  kube: { deployment: { replicas: 2 } }')).warnings).toEqual([
      'm.yaml: GatewayParameters gloo-system/http-lambda: spec.kube: deployment setting of the kgateway proxy; not read by lambda-gateway',
    ]);
  });
});
