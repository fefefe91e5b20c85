import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from './index.ts';
import { AUTH_ACCOUNT, fnArn, invoke, invokeUrl, KEYS, LAMBDA_ACCOUNT, rejectionOf, TEST_SCENARIO } from './test-support.ts';

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

describe('function names and qualifiers', () => {
  it('accepts the partial ARN form', async () => {
    const response = await gateway(`${LAMBDA_ACCOUNT}:function:event-echo`, '{"p":1}');
    expect(response.status).toBe(200);
  });

  it('a bare name resolves in the CALLER account: 222 has echo, 111 does not => 404', async () => {
    const response = await gateway('echo');
    expect(response.status).toBe(404);
    expect(errorType(response)).toBe('ResourceNotFoundException');
    expect((await response.json()).Message).toBe(`Function not found: arn:aws:lambda:us-east-1:${AUTH_ACCOUNT}:function:echo`);
  });

  it('a bare name of a function in the caller account works', async () => {
    const response = await gateway('local-echo', '{"same":"account"}');
    expect(response.status).toBe(200);
  });

  it('the signing region picks the region for bare names', async () => {
    const owner = (name: string, region: string) => invoke(aws.url, KEYS.owner, name, '{}', { region });
    expect((await owner('west-echo', 'us-west-2')).status).toBe(200);
    expect((await owner('west-echo', 'us-east-1')).status).toBe(404);
  });

  it('a full ARN in another region must be signed for that region', async () => {
    expect((await gateway(fnArn('west-echo', undefined, 'us-west-2'), '{}', { region: 'us-west-2' })).status).toBe(200);
    const wrong = await gateway(fnArn('west-echo', undefined, 'us-west-2'), '{}', { region: 'us-east-1' });
    expect(wrong.status).toBe(403);
    expect(errorType(wrong)).toBe('InvalidSignatureException');
  });

  it('an unknown function => 404 with its ARN', async () => {
    const response = await gateway(fnArn('nope'));
    expect(response.status).toBe(404);
    expect((await response.json()).Message).toBe(`Function not found: ${fnArn('nope')}`);
  });

  it('alias and version qualifiers run the version they point at', async () => {
    const viaAlias = await gateway(fnArn('context-echo', 'prod'));
    expect(viaAlias.headers.get('x-amz-executed-version')).toBe('1');
    const viaVersion = await gateway(fnArn('context-echo', '1'));
    expect(viaVersion.headers.get('x-amz-executed-version')).toBe('1');
    const viaQuery = await gateway(fnArn('context-echo'), '{}', { query: '?Qualifier=prod' });
    expect(viaQuery.headers.get('x-amz-executed-version')).toBe('1');
    expect((await viaQuery.json()).invokedFunctionArn).toBe(fnArn('context-echo', 'prod'));
    const recorded = aws.invocations('context-echo').at(-1);
    expect(recorded).toMatchObject({ qualifier: 'prod', executedVersion: '1' });
  });

  it('$LATEST as qualifier runs $LATEST', async () => {
    const response = await gateway(fnArn('context-echo', '$LATEST'));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amz-executed-version')).toBe('$LATEST');
  });

  it('an unknown version or alias => 404 naming the qualified ARN', async () => {
    for (const qualifier of ['7', 'staging']) {
      const response = await gateway(fnArn('context-echo', qualifier));
      expect(response.status).toBe(404);
      expect((await response.json()).Message).toBe(`Function not found: ${fnArn('context-echo', qualifier)}`);
    }
  });

  it('qualifiers in the name and in ?Qualifier= that disagree => 400 InvalidParameterValueException', async () => {
    const response = await gateway(fnArn('context-echo', 'prod'), '{}', { query: '?Qualifier=1' });
    expect(response.status).toBe(400);
    expect(errorType(response)).toBe('InvalidParameterValueException');
  });

  it('the same qualifier in both places is fine', async () => {
    const response = await gateway(fnArn('context-echo', 'prod'), '{}', { query: '?Qualifier=prod' });
    expect(response.status).toBe(200);
  });

  it('a malformed function name => 400 ValidationException naming functionName', async () => {
    for (const name of ['bad name!', 'arn:aws:lambda:us-east-1:12345:function:x', 'a'.repeat(65)]) {
      const response = await gateway(name);
      expect(response.status).toBe(400);
      expect(errorType(response)).toBe('ValidationException');
      expect((await response.json()).message).toContain("at 'functionName'");
    }
  });

  it('the SDK sees the same not-found error', async () => {
    const client = new LambdaClient({ endpoint: aws.url, region: 'us-east-1', credentials: KEYS.gateway, maxAttempts: 1 });
    const error = await rejectionOf(client.send(new InvokeCommand({ FunctionName: 'echo' })));
    expect(error.name).toBe('ResourceNotFoundException');
  });
});

describe('availability switch and call counting', () => {
  it('Lambda down => 503 ServiceException; back up => works; every attempt counted', async () => {
    aws.setServiceAvailable('lambda', false);
    const down = await gateway(fnArn('event-echo'));
    expect(down.status).toBe(503);
    expect(errorType(down)).toBe('ServiceException');
    expect((await down.json()).Type).toBe('Service');
    aws.setServiceAvailable('lambda', true);
    expect((await gateway(fnArn('event-echo'))).status).toBe(200);
    expect(aws.calls('lambda:Invoke')).toBe(2);
    aws.resetCalls();
    expect(aws.calls('lambda:Invoke')).toBe(0);
  });

  it('paths Lambda has no operation for => 404 UnknownOperationException', async () => {
    const response = await fetch(`${aws.url}/2015-03-31/functions/echo`, { method: 'GET' });
    expect(response.status).toBe(404);
    expect(errorType(response)).toBe('UnknownOperationException');
  });

  it('an unsigned request to the Invoke path is still counted', async () => {
    await fetch(invokeUrl(aws.url, 'echo'), { method: 'POST', body: '{}' });
    expect(aws.calls('lambda:Invoke')).toBe(1);
  });
});
