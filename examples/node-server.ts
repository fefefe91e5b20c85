/**
 * Serves examples/hono-app.ts on Node, with the Node platform (undici, the
 * full ambient credential chain, client addresses from the socket). With the
 * demo's local AWS running (`npx lambda-gateway local-aws --config scripts/demo/scenario.yaml`):
 *
 *   AWS_ENDPOINT_URL=http://127.0.0.1:4566 AWS_REGION=us-east-1 \
 *   AWS_ACCESS_KEY_ID=AKIALOCALDEMO0000001 AWS_SECRET_ACCESS_KEY=localDemoSecretKey/00000000000000000000 \
 *   npx tsx examples/node-server.ts
 *   curl localhost:3000/echo -d '{"key1":"value1", "key2":"value2"}' -X POST
 */
import { createNodePlatform, serveApp } from 'lambda-gateway/node';
import { createExampleApp } from './hono-app.ts';

const port = Number(process.env.PORT ?? 3000);
const server = await serveApp(createExampleApp({ platform: createNodePlatform() }), { port, host: '0.0.0.0' });
console.log(`example app on ${server.url}`);
