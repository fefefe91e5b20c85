// Server-sent events over a few seconds, streamed as they are written (awslambda.streamifyResponse):
// the `/stream` route of `npm start`. `?count=` is not read: the demo streams five ticks, 500 ms apart.
import { setTimeout as sleep } from 'node:timers/promises';

export const handler = awslambda.streamifyResponse(async (_event, responseStream) => {
  const stream = awslambda.HttpResponseStream.from(responseStream, {
    statusCode: 200,
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
  });
  for (let tick = 1; tick <= 5; tick++) {
    stream.write(`id: ${tick}\nevent: tick\ndata: {"tick":${tick},"at":"${new Date().toISOString()}"}\n\n`);
    if (tick < 5) await sleep(500);
  }
  stream.end();
});
