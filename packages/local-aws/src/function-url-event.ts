import type { IncomingMessage } from 'node:http';
import type { AuthenticatedCaller } from './authenticate.ts';

/**
 * The event a Function URL sends its function: the API Gateway HTTP API
 * payload format 2.0, as Lambda documents it for Function URLs (routeKey and
 * stage `$default`, no pathParameters or stageVariables, `authorizer.iam`
 * with AWS_IAM). Written independently of the gateway's encoder on purpose:
 * the local AWS is what the gateway is tested against.
 */
export function functionUrlEvent(input: {
  request: IncomingMessage;
  /** The path after `/lambda-url/<url-id>`, as the function's own URL would see it. */
  rawPath: string;
  rawQuery: string;
  body: Buffer;
  urlId: string;
  domainName: string;
  requestId: string;
  now: number;
  caller: AuthenticatedCaller | undefined;
}): Record<string, unknown> {
  const { request } = input;
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i]!.toLowerCase();
    const value = request.rawHeaders[i + 1]!;
    if (name === 'cookie') {
      cookies = [...(cookies ?? []), ...value.split(/;\s*/).filter(Boolean)];
      continue;
    }
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  const queryStringParameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(input.rawQuery)) {
    queryStringParameters[name] = name in queryStringParameters ? `${queryStringParameters[name]},${value}` : value;
  }
  const contentType = headers['content-type'] ?? '';
  const text = isTextual(contentType);
  const event: Record<string, unknown> = {
    version: '2.0',
    routeKey: '$default',
    rawPath: input.rawPath,
    rawQueryString: input.rawQuery,
    ...(cookies ? { cookies } : {}),
    headers,
    ...(input.rawQuery ? { queryStringParameters } : {}),
    requestContext: {
      accountId: input.caller ? input.caller.principal.accountId : 'anonymous',
      apiId: input.urlId,
      ...(input.caller ? { authorizer: { iam: iamAuthorizer(input.caller) } } : {}),
      domainName: input.domainName,
      domainPrefix: input.urlId,
      http: {
        method: request.method ?? 'GET',
        path: input.rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: input.requestId,
      routeKey: '$default',
      stage: '$default',
      time: formatRequestTime(input.now),
      timeEpoch: input.now,
    },
    isBase64Encoded: input.body.length > 0 && !text,
  };
  if (input.body.length > 0) event.body = text ? input.body.toString('utf8') : input.body.toString('base64');
  return event;
}

function iamAuthorizer(caller: AuthenticatedCaller): Record<string, unknown> {
  return {
    accessKey: caller.accessKeyId,
    accountId: caller.principal.accountId,
    callerId: caller.principal.userId,
    cognitoIdentity: null,
    principalOrgId: null,
    userArn: caller.principal.arn,
    userId: caller.principal.userId,
  };
}

/** Lambda sends text bodies as they are and everything else base64-encoded. */
function isTextual(contentType: string): boolean {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type.startsWith('text/') || /^application\/(json|javascript|xml|x-www-form-urlencoded)$/.test(type) || type.endsWith('+json') || type.endsWith('+xml');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `12/Mar/2020:19:03:58 +0000`, the format of requestContext.time. */
function formatRequestTime(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** An HTTP answer in Function URL terms: status, headers, one Set-Cookie each, body. */
export interface FunctionUrlAnswer {
  status: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

/**
 * Reads a BUFFERED function's result the way Function URLs do (payload 2.0
 * response): an object with `statusCode` gives status, headers, cookies and
 * body (base64 when `isBase64Encoded`); any other JSON value is a 200
 * `application/json` answer with that JSON as the body (a string as itself).
 */
export function functionUrlAnswer(payload: string): FunctionUrlAnswer {
  const result = JSON.parse(payload) as unknown;
  if (result !== null && typeof result === 'object' && !Array.isArray(result) && 'statusCode' in result) {
    const shaped = result as { statusCode: unknown; headers?: unknown; cookies?: unknown; body?: unknown; isBase64Encoded?: unknown };
    const headers: Record<string, string> = {};
    if (shaped.headers && typeof shaped.headers === 'object') {
      for (const [name, value] of Object.entries(shaped.headers)) headers[name.toLowerCase()] = String(value);
    }
    const body = typeof shaped.body === 'string' ? Buffer.from(shaped.body, shaped.isBase64Encoded === true ? 'base64' : 'utf8') : Buffer.alloc(0);
    const cookies = Array.isArray(shaped.cookies) ? shaped.cookies.map(String) : [];
    return { status: Number(shaped.statusCode), headers, cookies, body };
  }
  const body = typeof result === 'string' ? result : payload;
  return { status: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(body) };
}
