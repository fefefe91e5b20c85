import { describe, expect, it } from 'vitest';
import { buildApiGatewayV2Event, encodeApiGatewayV2Event } from './apigateway-v2.ts';
import { encodeJson, encodeJsonWithBody } from './json.ts';
import { toEventBodyLiteral } from './body.ts';
import { bodyCases } from './test-utils.ts';

describe('encodeApiGatewayV2Event writes the body from its bytes', () => {
  for (const { name, request } of bodyCases()) {
    it(`gives the bytes of JSON.stringify(buildApiGatewayV2Event(…)): ${name}`, () => {
      const fast = Buffer.from(encodeApiGatewayV2Event(request));
      expect(fast.equals(Buffer.from(encodeJson(buildApiGatewayV2Event(request))))).toBe(true);
    });
  }
});

describe('encodeJsonWithBody', () => {
  const literal = toEventBodyLiteral(new TextEncoder().encode('a"b'), true);
  it('places the body between the fields before and after it, in order', () => {
    const event = { first: 1, body: 'ignored', nested: { k: ['v'] }, last: false };
    expect(new TextDecoder().decode(encodeJsonWithBody(event, 'body', literal))).toBe(JSON.stringify({ ...event, body: 'a"b' }));
  });
  it('handles a body first or last', () => {
    expect(new TextDecoder().decode(encodeJsonWithBody({ body: '' }, 'body', literal))).toBe('{"body":"a\\"b"}');
    expect(new TextDecoder().decode(encodeJsonWithBody({ body: '', x: 1 }, 'body', literal))).toBe('{"body":"a\\"b","x":1}');
    expect(new TextDecoder().decode(encodeJsonWithBody({ x: 1, body: '' }, 'body', literal))).toBe('{"x":1,"body":"a\\"b"}');
  });
});
