/**
 * Precedence across routes. In every case the route that must LOSE is defined
 * first, so route order alone can never explain the result.
 */
import { describe, expect, it } from 'vitest';
import { createRouter } from './router.ts';
import type { HttpRouteMatchInput } from './schema.ts';

function winner(routes: Array<[name: string, matches: HttpRouteMatchInput[]]>, path: string, init: { method?: string; headers?: HeadersInit } = {}) {
  const router = createRouter(routes.map(([name, matches]) => ({ name, matches, target: name })));
  return router.match(init.method ?? 'GET', new URL(path, 'http://gateway.test'), new Headers(init.headers))?.routeName;
}

const header = (name: string, value = '1') => ({ name, value });
const param = (name: string, value = '1') => ({ name, value });

describe('Gateway API precedence levels', () => {
  it('1. Exact beats a PathPrefix of the same value that has more conditions', () => {
    const routes: Array<[string, HttpRouteMatchInput[]]> = [
      ['prefix', [{ path: { value: '/items' }, method: 'GET', headers: [header('x-a')], queryParams: [param('q')] }]],
      ['exact', [{ path: { type: 'Exact', value: '/items' } }]],
    ];
    expect(winner(routes, '/items?q=1', { headers: { 'x-a': '1' } })).toBe('exact');
    expect(winner(routes, '/items/1?q=1', { headers: { 'x-a': '1' } })).toBe('prefix');
  });

  it('2. the longest PathPrefix wins, whatever the lower levels say', () => {
    const routes: Array<[string, HttpRouteMatchInput[]]> = [
      ['short', [{ path: { value: '/api' }, method: 'GET', headers: [header('x-a'), header('x-b')], queryParams: [param('q')] }]],
      ['long', [{ path: { value: '/api/v1' } }]],
    ];
    expect(winner(routes, '/api/v1/users?q=1', { headers: { 'x-a': '1', 'x-b': '1' } })).toBe('long');
    expect(winner(routes, '/api/v2?q=1', { headers: { 'x-a': '1', 'x-b': '1' } })).toBe('short');
  });

  it('2. counts prefix length without the ignored trailing /', () => {
    // `/echo/` is one character longer as written, but matches the same paths as `/echo`,
    // so the two tie on length and the header match decides.
    const routes: Array<[string, HttpRouteMatchInput[]]> = [
      ['slashed', [{ path: { value: '/echo/' } }]],
      ['with-header', [{ path: { value: '/echo' }, headers: [header('x-a')] }]],
    ];
    expect(winner(routes, '/echo/x', { headers: { 'x-a': '1' } })).toBe('with-header');
  });

  it('3. a method match beats more header and query param matches', () => {
    const routes: Array<[string, HttpRouteMatchInput[]]> = [
      ['headers', [{ path: { value: '/a' }, headers: [header('x-a'), header('x-b')], queryParams: [param('q'), param('r')] }]],
      ['method', [{ path: { value: '/a' }, method: 'GET' }]],
    ];
    expect(winner(routes, '/a?q=1&r=1', { headers: { 'x-a': '1', 'x-b': '1' } })).toBe('method');
    expect(winner(routes, '/a?q=1&r=1', { method: 'POST', headers: { 'x-a': '1', 'x-b': '1' } })).toBe('headers');
  });

  it('4. more header matches beat more query param matches', () => {
    const routes: Array<[string, HttpRouteMatchInput[]]> = [
      ['query', [{ headers: [header('x-a')], queryParams: [param('q'), param('r'), param('s')] }]],
      ['headers', [{ headers: [header('x-a'), header('x-b')] }]],
    ];
    expect(winner(routes, '/?q=1&r=1&s=1', { headers: { 'x-a': '1', 'x-b': '1' } })).toBe('headers');
    expect(winner(routes, '/?q=1&r=1&s=1', { headers: { 'x-a': '1' } })).toBe('query');
  });

  it('5. more query param matches win when everything above ties', () => {
    const routes: Array<[string, HttpRouteMatchInput[]]> = [
      ['one', [{ queryParams: [param('q')] }]],
      ['two', [{ queryParams: [param('q'), param('r')] }]],
    ];
    expect(winner(routes, '/?q=1&r=1')).toBe('two');
    expect(winner(routes, '/?q=1')).toBe('one');
  });
});

describe('ties', () => {
  it('go to the earlier route', () => {
    const match: HttpRouteMatchInput = { path: { value: '/same' }, method: 'GET' };
    expect(
      winner(
        [
          ['first', [match]],
          ['second', [match]],
        ],
        '/same',
      ),
    ).toBe('first');
    expect(
      winner(
        [
          ['second', [match]],
          ['first', [match]],
        ],
        '/same',
      ),
    ).toBe('second');
  });

  it('go to the earlier match within a route, after precedence', () => {
    const router = createRouter([
      {
        name: 'r',
        matches: [{ headers: [header('x-a')] }, { headers: [header('x-b')] }, { path: { value: '/deep' } }],
        target: 'r',
      },
    ]);
    const both = new Headers({ 'x-a': '1', 'x-b': '1' });
    // Matches 0 and 1 tie on every level: the first one is reported.
    expect(router.match('GET', new URL('http://gateway.test/'), both)?.match.headers?.[0]?.name).toBe('x-a');
    // Match 2 comes last but has the longer prefix, so it wins where it applies.
    expect(router.match('GET', new URL('http://gateway.test/deep/x'), both)?.match.path.value).toBe('/deep');
  });

  it('compare matches across routes, not routes as a whole', () => {
    // Route `broad` appears first and has a very specific second match; that match outranks `narrow`.
    const routes: Array<[string, HttpRouteMatchInput[]]> = [
      ['broad', [{ path: { value: '/' } }, { path: { value: '/docs/api' } }]],
      ['narrow', [{ path: { value: '/docs' } }]],
    ];
    expect(winner(routes, '/docs/api/x')).toBe('broad');
    expect(winner(routes, '/docs/guide')).toBe('narrow');
  });
});

describe('RegularExpression placement (kgateway order: Exact > RegularExpression > PathPrefix)', () => {
  it('a regex beats every PathPrefix, even a longer one defined first', () => {
    const routes: Array<[string, HttpRouteMatchInput[]]> = [
      ['prefix', [{ path: { value: '/api/v1/users' }, method: 'GET', headers: [header('x-a')] }]],
      ['regex', [{ path: { type: 'RegularExpression', value: '/api/.*' } }]],
    ];
    expect(winner(routes, '/api/v1/users/1', { headers: { 'x-a': '1' } })).toBe('regex');
  });

  it('Exact beats a regex defined first', () => {
    const routes: Array<[string, HttpRouteMatchInput[]]> = [
      ['regex', [{ path: { type: 'RegularExpression', value: '/items/.+' }, method: 'GET' }]],
      ['exact', [{ path: { type: 'Exact', value: '/items/new' } }]],
    ];
    expect(winner(routes, '/items/new')).toBe('exact');
    expect(winner(routes, '/items/42')).toBe('regex');
  });

  it('regexes are not ranked by length: lower levels, then route order decide', () => {
    const byOrder: Array<[string, HttpRouteMatchInput[]]> = [
      ['short', [{ path: { type: 'RegularExpression', value: '/.*' } }]],
      ['long', [{ path: { type: 'RegularExpression', value: '/orders/[0-9]+' } }]],
    ];
    expect(winner(byOrder, '/orders/7')).toBe('short');

    const byMethod: Array<[string, HttpRouteMatchInput[]]> = [
      ['no-method', [{ path: { type: 'RegularExpression', value: '/orders/[0-9]+' } }]],
      ['method', [{ path: { type: 'RegularExpression', value: '/.*' }, method: 'GET' }]],
    ];
    expect(winner(byMethod, '/orders/7')).toBe('method');
  });
});

describe('describe()', () => {
  it('lists matches in the order match() tries them', () => {
    const router = createRouter(
      [
        ['root', [{}]],
        ['prefix', [{ path: { value: '/a/b' } }]],
        ['prefix-method', [{ path: { value: '/a/b' }, method: 'GET' }]],
        ['regex', [{ path: { type: 'RegularExpression', value: '/r/.*' } }]],
        ['exact', [{ path: { type: 'Exact', value: '/e' } }]],
      ].map(([name, matches]) => ({ name: name as string, matches: matches as HttpRouteMatchInput[], target: name })),
    );
    expect(router.describe().map((d) => [d.order, d.routeName, d.routeKey])).toStrictEqual([
      [1, 'exact', 'ANY /e'],
      [2, 'regex', 'ANY /r/.*'],
      [3, 'prefix-method', 'GET /a/b/{proxy+}'],
      [4, 'prefix', 'ANY /a/b/{proxy+}'],
      [5, 'root', 'ANY /{proxy+}'],
    ]);
  });
});
