import { describe, expect, it } from 'vitest';
import { apiGatewayV1Codec } from './apigateway-v1.ts';
import { apiGatewayV2Codec } from './apigateway-v2.ts';
import { headerLinesOf, headerLinesStillValid } from './response-lines.ts';
import { jsonResult, makeRequest } from './test-utils.ts';

describe('response header lines', () => {
  it('v1 records each multiValueHeaders value of a repeated name (Set-Cookie aside)', () => {
    const response = apiGatewayV1Codec.decodeResult(
      jsonResult({ statusCode: 200, multiValueHeaders: { 'X-A': ['1', '2, 3'], 'Set-Cookie': ['a=1', 'b=2'], 'X-One': ['x'] } }),
      makeRequest(),
    );
    expect(response.headers.get('x-a')).toBe('1, 2, 3');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(headerLinesOf(response)).toEqual(new Map([['x-a', ['1', '2, 3']]]));
  });

  it('v2 records a header given as a list', () => {
    const response = apiGatewayV2Codec.decodeResult(jsonResult({ statusCode: 200, headers: { vary: ['origin', 'accept'] } }), makeRequest());
    expect(headerLinesOf(response)).toEqual(new Map([['vary', ['origin', 'accept']]]));
  });

  it('after filters: unchanged names keep their lines, an added value becomes one more line, a set one is dropped', () => {
    const lines = new Map([
      ['x-a', ['1', '2']],
      ['x-b', ['3', '4']],
      ['x-c', ['5', '6']],
    ]);
    const headers = new Headers({ 'x-a': '1, 2', 'x-b': '3, 4, added', 'x-c': 'set' });
    expect(headerLinesStillValid(lines, headers)).toEqual(
      new Map([
        ['x-a', ['1', '2']],
        ['x-b', ['3', '4', 'added']],
      ]),
    );
  });
});
