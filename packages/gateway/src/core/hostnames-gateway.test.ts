import { describe, expect, it } from 'vitest';
import { formatRouteTable } from '../cli/route-table.ts';
import { buildRoutes } from '../config/build-routes.ts';
import { parseConfigText } from '../config/documents.ts';
import { compileGateway } from './create-gateway.ts';

// Native config `hostnames:` through the whole compile: the route table shows the hosts, and a
// Host no route answers for is the gateway's 404 JSON, before any backend is called.
const CONFIG = `
backends:
  api: { region: us-east-1, accountId: "222222222222", functionName: api }
  web: { region: us-east-1, accountId: "222222222222", functionName: web }
routes:
  - { name: api, hostnames: [api.example.com], matches: [{ path: { type: PathPrefix, value: / } }], backend: api }
  - { name: web, hostnames: ["*.example.com"], backend: web }
`;

describe('native hostnames', () => {
  const { routes } = buildRoutes(parseConfigText(CONFIG, 'gateway.yaml'));
  const gateway = compileGateway({ routes });

  it('lists the virtual host of each row in the route table, most specific first', () => {
    expect(gateway.table.map((row) => [row.hostname, row.route])).toEqual([
      ['api.example.com', 'api'],
      ['*.example.com', 'web'],
    ]);
    expect(formatRouteTable(gateway.table).split('\n')[0]).toMatch(/^HOST\s+ROUTE\s+MATCH/);
  });

  it('answers a Host no route names with 404 RouteNotFound JSON', async () => {
    const response = await gateway.app.request('http://other.test/anything');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'RouteNotFound' });
  });

  it('refuses a hostname that is not a DNS name or wildcard, naming the field', () => {
    expect(() => buildRoutes(parseConfigText(CONFIG.replace('[api.example.com]', '["api.example.com:80"]'), 'gateway.yaml'))).toThrow(
      /routes\[0\]\.hostnames\[0\].*DNS name/,
    );
  });
});
