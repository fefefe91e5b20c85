/* Helpers shared by the payload codec tests (not used by production code). */
import type { InboundRequest, InvokeResult } from './types.ts';

/** 2020-03-12T19:03:58.123Z, the instant used in the AWS examples. */
export const RECEIVED_AT = Date.UTC(2020, 2, 12, 19, 3, 58, 123);

/** An InboundRequest with sensible defaults; `url` may be given as a string. */
export function makeRequest(overrides: Partial<Omit<InboundRequest, 'url'>> & { url?: string | URL } = {}): InboundRequest {
  const { url, ...rest } = overrides;
  return {
    method: 'GET',
    url: new URL(url ?? 'https://api.example.com/items'),
    headers: new Headers({ host: 'api.example.com', 'user-agent': 'curl/8.5.0' }),
    body: new Uint8Array(0),
    sourceIp: '203.0.113.7',
    requestId: 'req-123',
    receivedAt: RECEIVED_AT,
    pathParameters: undefined,
    routeKey: 'ANY /items',
    resource: '/items',
    accountId: '123456789012',
    ...rest,
  };
}

/** Bytes 0..255, the binary body used throughout. */
export function allBytes(): Uint8Array {
  return Uint8Array.from({ length: 256 }, (_, i) => i);
}

/** The event the codec produced, parsed back from the Invoke payload bytes. */
export function parseEvent(payload: Uint8Array): Record<string, any> {
  return JSON.parse(new TextDecoder().decode(payload)) as Record<string, any>;
}

/** A successful Invoke result carrying `value` serialized as JSON, as the Lambda runtime does. */
export function jsonResult(value: unknown): InvokeResult {
  return rawResult(JSON.stringify(value));
}

/** A successful Invoke result with the given payload text. */
export function rawResult(text: string): InvokeResult {
  return { payload: new TextEncoder().encode(text), headers: new Headers({ 'content-type': 'application/json' }) };
}

/** The response body as bytes. */
export async function bodyBytes(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

/** Runs `fn` and returns what it threw (fails the test when nothing was thrown). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an exception');
}

/** Requests whose v2 events must come out byte-identical from both serialisations. */
function repeatBytes(bytes: Uint8Array, times: number): Uint8Array {
  const out = new Uint8Array(bytes.length * times);
  for (let index = 0; index < times; index++) out.set(bytes, index * bytes.length);
  return out;
}

export function bodyCases(): { name: string; request: InboundRequest }[] {
  const utf8 = new TextEncoder().encode('{"name":"Zoë","quote":"say \\"hi\\"","emoji":"😀","ctl":"\u0001\n"}');
  const invalidUtf8 = Uint8Array.of(0x7b, 0xc3, 0x28, 0x7d);
  const bom = Uint8Array.of(0xef, 0xbb, 0xbf, 0x7b, 0x7d);
  const post = (contentType: string | undefined, body: Uint8Array, extra: Partial<InboundRequest> = {}) =>
    makeRequest({
      method: 'POST',
      url: 'https://api.example.com/items/7?a=1&a=2&b=%22',
      headers: new Headers({ host: 'api.example.com', cookie: 'a=1; b=2', ...(contentType ? { 'content-type': contentType } : {}) }),
      body,
      ...extra,
    });
  return [
    { name: 'empty', request: post('application/json', new Uint8Array(0)) },
    { name: 'binary', request: post('application/octet-stream', allBytes()) },
    { name: 'binary without content-type', request: post(undefined, allBytes().subarray(3)) },
    { name: 'UTF-8 JSON', request: post('application/json; charset=utf-8', utf8) },
    { name: 'UTF-8 text with path parameters', request: post('text/plain', utf8, { pathParameters: { id: '7', 'we"ird': 'v\\' } }) },
    { name: 'text type but not UTF-8', request: post('text/plain', invalidUtf8) },
    { name: 'BOM', request: post('application/json', bom) },
    { name: 'large JSON', request: post('application/json', new TextEncoder().encode(`{"pad":"${'x'.repeat(300_000)}","q":"\\""}`)) },
    // Above the v2 codec's 4 KiB: the body's literal is spliced in from its bytes (encodeJsonWithBody).
    { name: 'binary, 8 KiB', request: post('application/octet-stream', repeatBytes(allBytes(), 32)) },
    { name: 'UTF-8 with escapes and emoji, 6 KiB', request: post('text/plain', repeatBytes(utf8, Math.ceil(6144 / utf8.length))) },
    { name: 'text type but not UTF-8, 5 KiB', request: post('text/plain', repeatBytes(invalidUtf8, 1280)) },
  ];
}

/** Deterministic bytes (a linear congruential generator's high byte): the same sequence for a seed, every run. */
export function pseudoRandomBytes(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
