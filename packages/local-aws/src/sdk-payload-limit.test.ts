/**
 * The AWS SDK against the local AWS on an Invoke over 6 MB (issue 11): real
 * AWS answers 413 RequestTooLargeException, and so must this, in a way the
 * SDK reads — the answer goes out before the body is read, so the connection
 * must not be closed under a client still sending (it saw EPIPE before).
 */
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from './index.ts';
import { fnArn, KEYS, TEST_SCENARIO } from './test-support.ts';

let aws: LocalAws;
let client: LambdaClient;
beforeAll(async () => {
  aws = await startLocalAws({ scenario: TEST_SCENARIO });
  client = new LambdaClient({ region: 'us-east-1', endpoint: aws.url, credentials: KEYS.gateway, maxAttempts: 1 });
});
afterAll(async () => {
  client?.destroy();
  await aws?.close();
});

describe('a 6 MB+ Invoke through @aws-sdk/client-lambda', () => {
  it('is answered 413 RequestTooLargeException, 5 of 5, and the client invokes on afterwards', async () => {
    const payload = new TextEncoder().encode(JSON.stringify({ pad: 'x'.repeat(7 * 1024 * 1024) }));
    for (let run = 0; run < 5; run++) {
      const error = await client.send(new InvokeCommand({ FunctionName: fnArn('event-echo'), Payload: payload })).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'RequestTooLargeException', $metadata: { httpStatusCode: 413 } });
    }
    const ok = await client.send(new InvokeCommand({ FunctionName: fnArn('event-echo'), Payload: new TextEncoder().encode('{"small":true}') }));
    expect(ok.StatusCode).toBe(200);
  }, 60_000);

  it('is refused for a wrong secret key before the size matters (the signature is checked)', async () => {
    const wrong = new LambdaClient({ region: 'us-east-1', endpoint: aws.url, credentials: { ...KEYS.gateway, secretAccessKey: 'wrong' }, maxAttempts: 1 });
    const error = await wrong
      .send(new InvokeCommand({ FunctionName: fnArn('event-echo'), Payload: new TextEncoder().encode('{}') }))
      .catch((caught: unknown) => caught);
    wrong.destroy();
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 403 } });
  });
});
