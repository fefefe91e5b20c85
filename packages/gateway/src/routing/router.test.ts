import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/index.ts';
import { createRouter, type RouteDefinition } from './router.ts';
import type { HttpRouteMatchInput } from './schema.ts';

function routerOf(...routes: Array<[name: string, matches: HttpRouteMatchInput[]]>) {
  return createRouter(routes.map(([name, matches]): RouteDefinition<string> => ({ name, matches, target: `target:${name}` })));
}

function errorOf(build: () => unknown): ConfigError {
  try {
    build();
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

function request(router: ReturnType<typeof routerOf>, path: string, init: { method?: string; headers?: HeadersInit } = {}) {
  return router.match(init.method ?? 'GET', new URL(path, 'http://gateway.test'), new Headers(init.headers));
}

const routeOf = (router: ReturnType<typeof routerOf>, path: string, init?: { method?: string; headers?: HeadersInit }) =>
  request(router, path, init)?.routeName;

describe('Exact paths', () => {
  const router = routerOf(['items', [{ path: { type: 'Exact', value: '/items' } }]]);

  it('matches only the identical path', () => {
    const hit = request(router, '/items');
    expect(hit).toStrictEqual({
      target: 'target:items',
      routeName: 'items',
      match: { path: { type: 'Exact', value: '/items' } },
      pathParameters: undefined,
      routeKey: 'ANY /items',
      resource: '/items',
    });
  });

  it.each(['/items/', '/items/1', '/Items', '/item', '/itemsx', '/'])('does not match %s', (path) => {
    expect(request(router, path)).toBeUndefined();
  });

  it('compares the path as received, without decoding', () => {
    const encoded = routerOf(['enc', [{ path: { type: 'Exact', value: '/a%20b' } }]]);
    expect(routeOf(encoded, '/a%20b')).toBe('enc');
    expect(routeOf(encoded, '/a b')).toBe('enc'); // URL encodes the space on parse
    expect(routeOf(encoded, '/a%2520b')).toBeUndefined();
  });

  it('ignores the query string', () => {
    expect(routeOf(router, '/items?x=1')).toBe('items');
  });
});

describe('PathPrefix paths', () => {
  const router = routerOf(['echo', [{ path: { type: 'PathPrefix', value: '/echo' } }]]);

  it.each([
    ['/echo', undefined],
    ['/echo/', undefined],
    ['/echo/x', { proxy: 'x' }],
    ['/echo/a/b/', { proxy: 'a/b/' }],
  ])('matches %s with pathParameters %j', (path, pathParameters) => {
    const hit = request(router, path);
    expect(hit?.routeName).toBe('echo');
    expect(hit?.pathParameters).toStrictEqual(pathParameters);
    expect(hit?.resource).toBe('/echo/{proxy+}');
    expect(hit?.routeKey).toBe('ANY /echo/{proxy+}');
  });

  it.each(['/echoes', '/echo-x', '/ech', '/', '/x/echo', '/ECHO'])('does not match %s (segment-aware, case-sensitive)', (path) => {
    expect(request(router, path)).toBeUndefined();
  });

  it('ignores a trailing / in the prefix value', () => {
    const slashed = routerOf(['echo', [{ path: { value: '/echo/' } }]]);
    expect(routeOf(slashed, '/echo')).toBe('echo');
    expect(request(slashed, '/echo/x')?.pathParameters).toStrictEqual({ proxy: 'x' });
    expect(routeOf(slashed, '/echoes')).toBeUndefined();
    expect(request(slashed, '/echo')?.resource).toBe('/echo/{proxy+}');
  });

  it('treats multi-segment prefixes segment by segment', () => {
    const nested = routerOf(['v1', [{ path: { value: '/api/v1' } }]]);
    expect(request(nested, '/api/v1/users/7')?.pathParameters).toStrictEqual({ proxy: 'users/7' });
    expect(routeOf(nested, '/api/v10')).toBeUndefined();
    expect(routeOf(nested, '/api')).toBeUndefined();
  });

  it('matches everything with the root prefix', () => {
    const root = routerOf(['root', [{ path: { type: 'PathPrefix', value: '/' } }]]);
    const home = request(root, '/');
    expect(home?.routeName).toBe('root');
    expect(home?.pathParameters).toBeUndefined();
    expect(home?.resource).toBe('/{proxy+}');
    expect(home?.routeKey).toBe('ANY /{proxy+}');
    expect(request(root, '/any/deep/path')?.pathParameters).toStrictEqual({ proxy: 'any/deep/path' });
  });

  it('treats a route without matches as one PathPrefix / match', () => {
    const all = routerOf(['all', []]);
    const hit = request(all, '/whatever', { method: 'DELETE' });
    expect(hit?.match).toStrictEqual({ path: { type: 'PathPrefix', value: '/' } });
    expect(hit?.routeKey).toBe('ANY /{proxy+}');
  });
});

describe('RegularExpression paths', () => {
  const router = routerOf(['item', [{ path: { type: 'RegularExpression', value: '/items/(?<id>[^/]+)' }, method: 'GET' }]]);

  it('returns named groups as pathParameters and the pattern as resource', () => {
    expect(request(router, '/items/42')).toMatchObject({
      routeName: 'item',
      pathParameters: { id: '42' },
      resource: '/items/(?<id>[^/]+)',
      routeKey: 'GET /items/(?<id>[^/]+)',
    });
  });

  it('is anchored at both ends', () => {
    expect(request(router, '/items/42/extra')).toBeUndefined();
    expect(request(router, '/v1/items/42')).toBeUndefined();
    expect(request(router, '/items/')).toBeUndefined();
  });

  it('anchors every alternative, not just the first and last', () => {
    const alt = routerOf(['alt', [{ path: { type: 'RegularExpression', value: '/a|/b' } }]]);
    expect(routeOf(alt, '/a')).toBe('alt');
    expect(routeOf(alt, '/b')).toBe('alt');
    expect(routeOf(alt, '/a/x')).toBeUndefined();
    expect(routeOf(alt, '/x/b')).toBeUndefined();
  });

  it('returns undefined pathParameters without named groups, and omits groups that did not take part', () => {
    const plain = routerOf(['plain', [{ path: { type: 'RegularExpression', value: '/v[0-9]+/(status|health)' } }]]);
    expect(request(plain, '/v2/status')?.pathParameters).toBeUndefined();

    const optional = routerOf(['opt', [{ path: { type: 'RegularExpression', value: '/files(?:/(?<name>[^/]+))?' } }]]);
    expect(request(optional, '/files')?.pathParameters).toBeUndefined();
    expect(request(optional, '/files/a.txt')?.pathParameters).toStrictEqual({ name: 'a.txt' });
  });

  it('keeps several named groups', () => {
    const two = routerOf(['two', [{ path: { type: 'RegularExpression', value: '/users/(?<user>\\d+)/orders/(?<order>\\d+)' } }]]);
    expect(request(two, '/users/1/orders/99')?.pathParameters).toStrictEqual({ user: '1', order: '99' });
  });

  it('accepts the RE2 (?P<name>…) spelling and keeps a group named __proto__ as data', () => {
    const python = routerOf(['py', [{ path: { type: 'RegularExpression', value: '/(?P<kind>a|b)/(?P<__proto__>[^/]+)' } }]]);
    const params = request(python, '/b/x')?.pathParameters;
    expect(params).toStrictEqual({ kind: 'b', ['__proto__']: 'x' });
    expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
  });

  it('uses RE2 semantics: leftmost-first groups under a full match, no multi-line $', () => {
    const alt = routerOf(['alt', [{ path: { type: 'RegularExpression', value: '/(?<a>x|xy)(?<b>z|yz)' } }]]);
    expect(request(alt, '/xyz')?.pathParameters).toStrictEqual({ a: 'x', b: 'yz' });
    const quoted = routerOf(['q', [{ path: { type: 'RegularExpression', value: '/v1\\Q.*\\E' } }]]);
    expect(routeOf(quoted, '/v1.*')).toBe('q');
    expect(routeOf(quoted, '/v1/anything')).toBeUndefined();
  });

  // ReDoS regression: with a backtracking engine this pattern takes ~2 s at 28 characters and
  // grows exponentially; RE2 is linear. The test timeout is the bound (no timing assertion).
  it('matches a catastrophic-backtracking pattern against a hostile 5,000-character path in linear time', { timeout: 2_000 }, () => {
    const redos = routerOf(
      ['redos', [{ path: { type: 'RegularExpression', value: '/api/([a-z0-9]+-?)*' } }]],
      ['named', [{ path: { type: 'RegularExpression', value: '/v2/(?<slug>([a-z0-9]+-?)*)' } }]],
    );
    const hostile = 'a'.repeat(5_000);
    expect(request(redos, `/api/${hostile}!`)).toBeUndefined();
    expect(request(redos, `/v2/${hostile}!`)).toBeUndefined();
    expect(routeOf(redos, `/api/${hostile}`)).toBe('redos');
    expect(request(redos, `/v2/${hostile}`)?.pathParameters).toStrictEqual({ slug: hostile });
  });
});

describe('method matching', () => {
  const router = routerOf(['create', [{ path: { value: '/items' }, method: 'POST' }]]);

  it('matches only the given method and puts it in the routeKey', () => {
    expect(request(router, '/items', { method: 'POST' })?.routeKey).toBe('POST /items/{proxy+}');
    expect(request(router, '/items', { method: 'GET' })).toBeUndefined();
    expect(request(router, '/items', { method: 'HEAD' })).toBeUndefined();
  });
});

describe('header matching', () => {
  const router = routerOf(['tenant', [{ headers: [{ name: 'X-Tenant', value: 'Acme' }] }]]);

  it('matches header names case-insensitively and values case-sensitively', () => {
    expect(routeOf(router, '/', { headers: { 'x-tenant': 'Acme' } })).toBe('tenant');
    expect(routeOf(router, '/', { headers: { 'X-TENANT': 'Acme' } })).toBe('tenant');
    expect(routeOf(router, '/', { headers: { 'x-tenant': 'acme' } })).toBeUndefined();
    expect(routeOf(router, '/', { headers: { 'x-tenant': 'Acme2' } })).toBeUndefined();
    expect(routeOf(router, '/')).toBeUndefined();
  });

  it('compares a repeated header by its comma-joined value', () => {
    const joined = routerOf(['joined', [{ headers: [{ name: 'x-v', value: 'a, b' }] }]]);
    const headers = new Headers();
    headers.append('X-V', 'a');
    headers.append('X-V', 'b');
    expect(joined.match('GET', new URL('http://gateway.test/'), headers)?.routeName).toBe('joined');
    expect(routeOf(routerOf(['first', [{ headers: [{ name: 'x-v', value: 'a' }] }]]), '/', { headers })).toBeUndefined();
  });

  it('matches header regexes in linear time (ReDoS regression)', { timeout: 2_000 }, () => {
    const redos = routerOf(['redos', [{ headers: [{ type: 'RegularExpression', name: 'x-id', value: '(\\w+\\s?)*' }] }]]);
    expect(routeOf(redos, '/', { headers: { 'x-id': `${'a'.repeat(5_000)}!` } })).toBeUndefined();
    expect(routeOf(redos, '/', { headers: { 'x-id': 'a b c' } })).toBe('redos');
  });

  it('requires a RegularExpression value to match the whole header value', () => {
    const regex = routerOf(['ver', [{ headers: [{ type: 'RegularExpression', name: 'version', value: 'v\\d+' }] }]]);
    expect(routeOf(regex, '/', { headers: { Version: 'v2' } })).toBe('ver');
    expect(routeOf(regex, '/', { headers: { Version: 'v2-beta' } })).toBeUndefined();
    expect(routeOf(regex, '/', { headers: { Version: 'xv2' } })).toBeUndefined();
  });
});

describe('query param matching', () => {
  const router = routerOf(['q', [{ queryParams: [{ name: 'mode', value: 'fast' }] }]]);

  it('matches names case-sensitively and values exactly', () => {
    expect(routeOf(router, '/?mode=fast')).toBe('q');
    expect(routeOf(router, '/?Mode=fast')).toBeUndefined();
    expect(routeOf(router, '/?mode=Fast')).toBeUndefined();
    expect(routeOf(router, '/?mode=')).toBeUndefined();
    expect(routeOf(router, '/')).toBeUndefined();
  });

  it('uses the first value of a repeated param', () => {
    expect(routeOf(router, '/?mode=fast&mode=slow')).toBe('q');
    expect(routeOf(router, '/?mode=slow&mode=fast')).toBeUndefined();
  });

  it('compares form-decoded values', () => {
    const spaced = routerOf(['s', [{ queryParams: [{ name: 'q', value: 'a b' }] }]]);
    expect(routeOf(spaced, '/?q=a+b')).toBe('s');
    expect(routeOf(spaced, '/?q=a%20b')).toBe('s');
  });

  it('requires a RegularExpression value to match the whole value', () => {
    const regex = routerOf(['page', [{ queryParams: [{ type: 'RegularExpression', name: 'page', value: '\\d+' }] }]]);
    expect(routeOf(regex, '/?page=12')).toBe('page');
    expect(routeOf(regex, '/?page=12a')).toBeUndefined();
    const alt = routerOf(['alt', [{ queryParams: [{ type: 'RegularExpression', name: 'm', value: 'a|ab' }] }]]);
    expect(routeOf(alt, '/?m=ab')).toBe('alt');
    expect(routeOf(alt, '/?m=abc')).toBeUndefined();
  });

  it('matches query regexes in linear time (ReDoS regression)', { timeout: 2_000 }, () => {
    const redos = routerOf(['redos', [{ queryParams: [{ type: 'RegularExpression', name: 'q', value: '(a|aa)+' }] }]]);
    expect(routeOf(redos, `/?q=${'a'.repeat(5_000)}b`)).toBeUndefined();
    expect(routeOf(redos, `/?q=${'a'.repeat(5_000)}`)).toBe('redos');
  });
});

describe('combining conditions', () => {
  const router = routerOf([
    'combo',
    [
      { path: { value: '/a' }, method: 'PUT', headers: [{ name: 'x-k', value: '1' }], queryParams: [{ name: 'q', value: '1' }] },
      { path: { type: 'Exact', value: '/b' } },
    ],
  ]);

  it('ANDs the conditions of one match', () => {
    const full = { method: 'PUT', headers: { 'x-k': '1' } };
    expect(request(router, '/a?q=1', full)?.match.method).toBe('PUT');
    expect(request(router, '/a?q=1', { ...full, method: 'POST' })).toBeUndefined();
    expect(request(router, '/a?q=1', { method: 'PUT' })).toBeUndefined();
    expect(request(router, '/a?q=2', full)).toBeUndefined();
    expect(request(router, '/c?q=1', full)).toBeUndefined();
  });

  it('ORs the matches of a route and reports which one matched', () => {
    const hit = request(router, '/b', { method: 'DELETE' });
    expect(hit?.routeName).toBe('combo');
    expect(hit?.match).toStrictEqual({ path: { type: 'Exact', value: '/b' } });
    expect(hit?.routeKey).toBe('ANY /b');
  });

  it('returns undefined when nothing matches', () => {
    expect(request(router, '/nothing')).toBeUndefined();
    expect(request(routerOf(), '/')).toBeUndefined();
  });
});

describe('createRouter', () => {
  it('validates matches given in code, naming the route and field', () => {
    const error = errorOf(() => routerOf(['bad', [{}, { path: { type: 'Exact', value: 'items' } }]]));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems).toEqual(['route "bad": matches[1].path.value: must start with "/"']);
    expect(error.message).toBe('route "bad": matches[1].path.value: must start with "/"');
    expect(() => routerOf(['bad', [{ path: { type: 'RegularExpression', value: '(' } }]])).toThrow(
      /^route "bad": matches\[0\]\.path\.value: must be a valid regular expression in RE2 syntax/,
    );
    expect(() => routerOf(['bad', [{ path: { type: 'RegularExpression', value: '/(?<x>a)\\k<x>' } }]])).toThrow(
      /^route "bad": matches\[0\]\.path\.value: must be a valid regular expression in RE2 syntax: invalid escape sequence/,
    );
    expect(() => createRouter([{ name: 'bad', matches: [42 as never], target: 0 }])).toThrow(ConfigError);
    expect(() => createRouter([{ name: 'bad', matches: [42 as never], target: 0 }])).toThrow(new ConfigError(['route "bad": matches[0]: must be an object']));
  });

  it('lists every problem of a match as its own ConfigError line', () => {
    const error = errorOf(() =>
      createRouter([{ name: 'bad', matches: [{ path: { type: 'Exact', value: 'items' }, headers: [{ name: '', value: 'x' }] }], target: 0 }]),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.problems).toEqual(['route "bad": matches[0].path.value: must start with "/"', 'route "bad": matches[0].headers[0].name: must not be empty']);
  });

  it('rejects a route without a name', () => {
    expect(() => createRouter([{ name: '', matches: [], target: 0 }])).toThrow(ConfigError);
    expect(() => createRouter([{ name: '', matches: [], target: 0 }])).toThrow(new ConfigError(['routes[0].name: must be a non-empty string']));
  });

  it('counts routes in size and lists every match in describe()', () => {
    const router = routerOf(['a', [{ path: { value: '/a' } }, { path: { value: '/b' } }]], ['c', []]);
    expect(router.size).toBe(2);
    expect(router.describe()).toHaveLength(3);
    expect(router.describe()[0]).toStrictEqual({
      order: 1,
      routeName: 'a',
      routeIndex: 0,
      matchIndex: 0,
      match: { path: { type: 'PathPrefix', value: '/a' } },
      routeKey: 'ANY /a/{proxy+}',
      resource: '/a/{proxy+}',
      target: 'target:a',
    });
  });
});
