import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { BASE_KEYS, FUNCTION_ARN, LOOPBACK, PROXY_PATH, REGION, argValue, exitWithParent, reportReady } from './common.ts';

/**
 * The "hand-written" contender: what people write when they need to put HTTP
 * in front of a Lambda function. Express 5, a raw body parser with Lambda's
 * 6 MB limit, and the AWS SDK v3 `InvokeCommand` with its defaults (the same
 * static keys the gateway uses, the endpoint pointed at the upstream).
 */
const lambda = new LambdaClient({ region: REGION, endpoint: argValue('upstream'), credentials: BASE_KEYS });
const app = express();

app.post(PROXY_PATH, express.raw({ type: () => true, limit: '6mb' }), async (req, res) => {
  try {
    const output = await lambda.send(new InvokeCommand({ FunctionName: FUNCTION_ARN, InvocationType: 'RequestResponse', Payload: req.body as Buffer }));
    if (output.FunctionError) {
      res.status(502).json({ error: 'FunctionError' });
      return;
    }
    res
      .status(200)
      .type('application/json')
      .send(Buffer.from(output.Payload ?? new Uint8Array(0)));
  } catch (error) {
    res.status(502).json({ error: (error as Error).name });
  }
});

exitWithParent();
const server = app.listen(0, LOOPBACK, () => reportReady(`http://${LOOPBACK}:${(server.address() as AddressInfo).port}`));
server.keepAliveTimeout = 120_000;
