import { describe, expect, it } from 'vitest';
import { ConfigError } from '../validation/index.ts';
import { buildRoutes } from './build-routes.ts';
import { parseConfigText } from './documents.ts';

const ECHO = `
backends:
  echo:
    region: us-east-1
    accountId: "222222222222"
    functionName: echo
routes:
  - name: echo
    matches:
      - path: { type: PathPrefix, value: /echo }
    backend: echo
`;

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('native config', () => {
  it('turns backends and routes into route specs', () => {
    const { routes } = buildRoutes(parseConfigText(ECHO, 'echo.yaml'));
    expect(routes).toHaveLength(1);
    expect(routes[0]).toMatchObject({
      name: 'echo',
      backendName: 'echo',
      backend: { functionName: 'echo', accountId: '222222222222', payloadMode: 'passthrough' },
    });
    expect(routes[0]!.matches).toEqual([{ path: { type: 'PathPrefix', value: '/echo' } }]);
  });

  it('reads JSON too', () => {
    const json = JSON.stringify({ backends: { b: { functionName: 'f', region: 'us-east-1' } }, routes: [{ backend: 'b' }] });
    expect(buildRoutes(parseConfigText(json, 'c.json')).routes[0]!.name).toBe('b-0');
  });

  it('names the file, the field path and the reason for a bad field', () => {
    const error = errorOf(() => buildRoutes(parseConfigText(ECHO.replace('"222222222222"', '"2222"'), 'routes/echo.yaml')));
    expect(error.message).toBe('routes/echo.yaml: backends.echo.accountId: must be a 12-digit AWS account id');
  });

  it('rejects unknown fields', () => {
    const error = errorOf(() => buildRoutes(parseConfigText(`${ECHO}\nlisteners: []\n`, 'c.yaml')));
    expect(error.message).toContain('c.yaml: listeners:');
    const nested = errorOf(() => buildRoutes(parseConfigText(ECHO.replace('functionName: echo', 'functionName: echo\n    timeout: 3'), 'c.yaml')));
    expect(nested.message).toContain('backends.echo.timeout');
  });

  it('reports a route pointing at an unknown backend with the known ones', () => {
    const error = errorOf(() => buildRoutes(parseConfigText(ECHO.replace('backend: echo', 'backend: ech0'), 'c.yaml')));
    expect(error.message).toBe('c.yaml: routes[0].backend: no backend named "ech0" (defined: echo)');
  });

  it('reports YAML syntax errors with line and column', () => {
    const error = errorOf(() => parseConfigText('backends:\n  echo: [unclosed\n', 'bad.yaml'));
    expect(error.message).toMatch(/^bad\.yaml:\d+:\d+: /);
  });

  it('merges several files and refuses the same backend twice', () => {
    const other = `backends:\n  other: { functionName: other, region: us-east-1 }\nroutes:\n  - { name: other, backend: echo }\n`;
    const merged = buildRoutes([...parseConfigText(ECHO, 'a.yaml'), ...parseConfigText(other, 'b.yaml')]);
    expect(merged.routes.map((route) => route.name)).toEqual(['echo', 'other']);
    const error = errorOf(() => buildRoutes([...parseConfigText(ECHO, 'a.yaml'), ...parseConfigText(ECHO.replace(/routes:[\s\S]*/, ''), 'b.yaml')]));
    expect(error.message).toBe('b.yaml: backends.echo: defined twice (also in a.yaml)');
  });

  it('refuses duplicate route names', () => {
    const twice = `${ECHO}  - name: echo\n    backend: echo\n`;
    expect(errorOf(() => buildRoutes(parseConfigText(twice, 'c.yaml'))).message).toContain('routes[1].name: route "echo" is defined twice');
  });

  it('validates route matches with the Gateway API rules', () => {
    const error = errorOf(() => buildRoutes(parseConfigText(ECHO.replace('value: /echo', 'value: echo'), 'c.yaml')));
    expect(error.message).toMatch(/^c\.yaml: routes\[0\]\.matches\[0\]\.path\.value: /);
  });

  it('needs a manifest translator for Kubernetes manifests', () => {
    const manifest = 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: { name: x }\n';
    expect(errorOf(() => buildRoutes(parseConfigText(manifest, 'k.yaml'))).message).toContain('kind HTTPRoute');
  });
});
