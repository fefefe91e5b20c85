import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from './index.ts';
import { AUTH_ACCOUNT, eventually, fnArn, invoke, invokeUrl, KEYS, TEST_SCENARIO } from './test-support.ts';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws({ scenario: TEST_SCENARIO });
});
afterAll(async () => {
  await aws.close();
});
beforeEach(() => {
  aws.setServiceAvailable('lambda', true);
  aws.resetCalls();
});

const errorType = (response: Response) => response.headers.get('x-amzn-errortype')?.split(':')[0];
const gateway = (name: string, payload?: string, options?: Parameters<typeof invoke>[4]) => invoke(aws.url, KEYS.gateway, name, payload, options);

describe('successful invocations', () => {
  it("echo returns exactly what the guide's echo function returns", async () => {
    const response = await gateway(fnArn('echo'), '{"key1":"value1", "key2":"value2"}');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-amz-executed-version')).toBe('$LATEST');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.text()).toBe(
      '{"statusCode":200,"body":"Response from AWS Lambda. Here\'s the request you just sent me: {\\"key1\\":\\"value1\\",\\"key2\\":\\"value2\\"}"}',
    );
  });

  it('records what the function received and who called', async () => {
    const response = await gateway(fnArn('event-echo'), '{"hello":"world"}');
    const requestId = response.headers.get('x-amzn-requestid');
    const recorded = aws.invocations('event-echo').find((entry) => entry.requestId === requestId);
    expect(recorded).toMatchObject({
      functionArn: fnArn('event-echo'),
      qualifier: undefined,
      executedVersion: '$LATEST',
      invocationType: 'RequestResponse',
      event: { hello: 'world' },
      callerArn: `arn:aws:iam::${AUTH_ACCOUNT}:user/gateway`,
    });
    expect(recorded?.at).toBeInstanceOf(Date);
    expect(aws.invocations(fnArn('event-echo')).some((entry) => entry.requestId === requestId)).toBe(true);
    expect(aws.calls('lambda:Invoke')).toBe(1);
  });

  it('an empty payload becomes the event {}', async () => {
    const response = await gateway(fnArn('event-echo'), '');
    expect(await response.json()).toEqual({});
  });

  it('any JSON value is a valid event', async () => {
    expect(await (await gateway(fnArn('event-echo'), '"just a string"')).json()).toBe('just a string');
    expect(await (await gateway(fnArn('event-echo'), '[1,2]')).json()).toEqual([1, 2]);
  });

  it('a function returning undefined yields null', async () => {
    const response = await gateway(fnArn('undefined-result'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('null');
  });

  it('callback-style handlers answer through the callback', async () => {
    const response = await gateway(fnArn('callback-echo'), '{"n":1}');
    expect(await response.json()).toEqual({ viaCallback: true, event: { n: 1 } });
  });

  it('passes a Lambda context, including the client context and remaining time', async () => {
    const clientContext = Buffer.from(JSON.stringify({ custom: { tenant: 'a' } })).toString('base64');
    const response = await gateway(fnArn('context-echo', 'prod'), '{}', { headers: { 'X-Amz-Client-Context': clientContext } });
    const context = await response.json();
    expect(response.headers.get('x-amz-executed-version')).toBe('1');
    expect(context).toMatchObject({
      awsRequestId: response.headers.get('x-amzn-requestid'),
      functionName: 'context-echo',
      functionVersion: '1',
      invokedFunctionArn: fnArn('context-echo', 'prod'),
      memoryLimitInMB: '256',
      logGroupName: '/aws/lambda/context-echo',
      clientContext: { custom: { tenant: 'a' } },
      callbackWaitsForEmptyEventLoop: true,
    });
    expect(context.logStreamName).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[1\][0-9a-f]{32}$/);
    expect(context.remainingTimeInMillis).toBeGreaterThan(2000);
    expect(context.remainingTimeInMillis).toBeLessThanOrEqual(3000);
  });

  it('LogType Tail returns the base64 log tail with the function output', async () => {
    const response = await gateway(fnArn('context-echo'), '{"x":1}', { headers: { 'X-Amz-Log-Type': 'Tail' } });
    const log = Buffer.from(response.headers.get('x-amz-log-result') ?? '', 'base64').toString();
    expect(log).toContain(`START RequestId: ${response.headers.get('x-amzn-requestid')}`);
    expect(log).toContain('INFO\tcontext-echo invoked with {"x":1}');
    expect(log).toMatch(/REPORT RequestId: .*Duration: /);
  });

  it('without LogType Tail there is no log header', async () => {
    const response = await gateway(fnArn('context-echo'));
    expect(response.headers.get('x-amz-log-result')).toBeNull();
  });
});

describe('function errors are 200 with X-Amz-Function-Error', () => {
  it('a thrown error reports errorType, errorMessage and trace', async () => {
    const response = await gateway(fnArn('fail'), '{"errorType":"PaymentDeclined","message":"card expired"}');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amz-function-error')).toBe('Unhandled');
    const body = await response.json();
    expect(body).toMatchObject({ errorType: 'PaymentDeclined', errorMessage: 'card expired' });
    expect(Array.isArray(body.trace)).toBe(true);
    expect(body.trace[0]).toContain('PaymentDeclined: card expired');
  });

  it('a callback error is a function error too', async () => {
    const response = await gateway(fnArn('callback-fail'));
    expect(response.headers.get('x-amz-function-error')).toBe('Unhandled');
    expect(await response.json()).toMatchObject({ errorType: 'TypeError', errorMessage: 'callback failure' });
  });

  it('exceeding timeoutSeconds => Sandbox.Timedout', async () => {
    const started = Date.now();
    const response = await gateway(fnArn('sleep'), '{"ms":3000}');
    expect(Date.now() - started).toBeLessThan(2500);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amz-function-error')).toBe('Unhandled');
    expect(await response.json()).toMatchObject({ errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 1.00 seconds' });
  });

  it('finishing within timeoutSeconds is fine', async () => {
    const response = await gateway(fnArn('sleep'), '{"ms":50}');
    expect(response.headers.get('x-amz-function-error')).toBeNull();
    expect(await response.json()).toEqual({ slept: 50 });
  });
});

describe('invocation types', () => {
  it('Event => 202 with an empty body, and the function still runs', async () => {
    const marker = `event-${Date.now()}`;
    const response = await gateway(fnArn('event-echo'), JSON.stringify({ marker }), { headers: { 'X-Amz-Invocation-Type': 'Event' } });
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('');
    await eventually(() =>
      aws.invocations('event-echo').some((entry) => (entry.event as { marker?: string }).marker === marker && entry.outcome !== undefined),
    );
    const entry = aws.invocations('event-echo').find((candidate) => (candidate.event as { marker?: string }).marker === marker);
    expect(entry?.invocationType).toBe('Event');
    expect(entry?.outcome?.payload).toBe(JSON.stringify({ marker }));
  });

  it('Event answers before a slow function finishes', async () => {
    const started = Date.now();
    const response = await gateway(fnArn('sleep'), '{"ms":800}', { headers: { 'X-Amz-Invocation-Type': 'Event' } });
    expect(response.status).toBe(202);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('DryRun => 204 and nothing runs', async () => {
    const before = aws.invocations('event-echo').length;
    const response = await gateway(fnArn('event-echo'), '{}', { headers: { 'X-Amz-Invocation-Type': 'DryRun' } });
    expect(response.status).toBe(204);
    expect(aws.invocations('event-echo').length).toBe(before);
  });

  it('DryRun still checks authorisation', async () => {
    const response = await invoke(aws.url, KEYS.noperms, fnArn('event-echo'), '{}', { headers: { 'X-Amz-Invocation-Type': 'DryRun' } });
    expect(response.status).toBe(403);
    expect(errorType(response)).toBe('AccessDeniedException');
  });

  it('an unknown invocation type => 400 InvalidParameterValueException', async () => {
    const response = await gateway(fnArn('event-echo'), '{}', { headers: { 'X-Amz-Invocation-Type': 'Async' } });
    expect(response.status).toBe(400);
    expect(errorType(response)).toBe('InvalidParameterValueException');
  });

  it('an unknown log type => 400 InvalidParameterValueException', async () => {
    const response = await gateway(fnArn('event-echo'), '{}', { headers: { 'X-Amz-Log-Type': 'Full' } });
    expect(errorType(response)).toBe('InvalidParameterValueException');
  });

  it('a client context that is not base64 JSON => 400', async () => {
    const response = await gateway(fnArn('event-echo'), '{}', { headers: { 'X-Amz-Client-Context': 'not json!' } });
    expect(response.status).toBe(400);
  });

  it('a client context over 3583 bytes => 400', async () => {
    const big = Buffer.from(JSON.stringify({ custom: { pad: 'x'.repeat(3000) } })).toString('base64');
    const response = await gateway(fnArn('event-echo'), '{}', { headers: { 'X-Amz-Client-Context': big } });
    expect(response.status).toBe(400);
  });
});

describe('payload validation and limits', () => {
  it('a non-JSON payload => 400 InvalidRequestContentException', async () => {
    const response = await gateway(fnArn('event-echo'), 'key=value');
    expect(response.status).toBe(400);
    expect(errorType(response)).toBe('InvalidRequestContentException');
    const body = await response.json();
    expect(body.Type).toBe('User');
    expect(body.message).toMatch(/^Could not parse request body into json: /);
  });

  it('a synchronous payload over 6291456 bytes => 413 RequestTooLargeException', async () => {
    const payload = JSON.stringify({ pad: 'x'.repeat(6_291_456) });
    const response = await gateway(fnArn('event-echo'), payload);
    expect(response.status).toBe(413);
    expect(errorType(response)).toBe('RequestTooLargeException');
    expect(aws.invocations('event-echo').some((entry) => (entry.event as { pad?: string }).pad !== undefined)).toBe(false);
  });

  it('a payload just under the synchronous limit is accepted', async () => {
    const payload = JSON.stringify({ pad: 'y'.repeat(6_291_456 - 20) });
    const response = await gateway(fnArn('undefined-result'), payload);
    expect(response.status).toBe(200);
  });

  it('an Event payload over 1048576 bytes => 413, though it would be fine synchronously', async () => {
    const payload = JSON.stringify({ pad: 'x'.repeat(1_048_576) });
    const asyncResponse = await gateway(fnArn('undefined-result'), payload, { headers: { 'X-Amz-Invocation-Type': 'Event' } });
    expect(asyncResponse.status).toBe(413);
    expect(errorType(asyncResponse)).toBe('RequestTooLargeException');
    const syncResponse = await gateway(fnArn('undefined-result'), payload);
    expect(syncResponse.status).toBe(200);
  });
});

/** Sends a raw (unsigned) POST; the size limit is enforced before authentication, as by AWS's front end. */
function rawPost(url: string, headers: Record<string, string | number>, writeBody: (write: (chunk: Buffer) => boolean) => void) {
  return new Promise<{ status: number; errorType: string | undefined }>((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, errorType: String(response.headers['x-amzn-errortype']) });
      request.destroy();
    });
    request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    request.flushHeaders();
    writeBody((chunk) => request.write(chunk));
  });
}

describe('the size limit does not buffer oversized bodies', () => {
  it('a chunked body (no Content-Length) is cut off once past 6 MB => 413', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const result = await rawPost(invokeUrl(aws.url, fnArn('event-echo')), { 'Transfer-Encoding': 'chunked' }, (write) => {
      for (let index = 0; index < 7; index++) write(chunk);
    });
    expect(result).toEqual({ status: 413, errorType: 'RequestTooLargeException' });
  });

  it('a declared Content-Length over the limit is refused before any body arrives', { timeout: 5000 }, async () => {
    const result = await rawPost(invokeUrl(aws.url, fnArn('event-echo')), { 'Content-Length': 7_000_000 }, () => undefined);
    // Without the up-front check the server would wait for 7 MB that never come, and this would time out.
    expect(result).toEqual({ status: 413, errorType: 'RequestTooLargeException' });
  });
});

describe('reserved concurrency', () => {
  it('reservedConcurrency 0 => 429 TooManyRequestsException with Retry-After and Reason', async () => {
    const response = await gateway(fnArn('throttled'), '{}');
    expect(response.status).toBe(429);
    expect(errorType(response)).toBe('TooManyRequestsException');
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await response.json()).Reason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
  });

  it('a second concurrent call over a limit of 1 is throttled; after the first finishes it works again', async () => {
    const first = gateway(fnArn('limited'), '{"ms":400}');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await gateway(fnArn('limited'), '{"ms":0}');
    expect(second.status).toBe(429);
    expect((await first).status).toBe(200);
    const third = await gateway(fnArn('limited'), '{"ms":0}');
    expect(third.status).toBe(200);
  });
});
