/** `npm start` serves both of the guide's setups: the resource-based `/echo` and the IRSA role chain `/irsa/echo`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../../packages/gateway/src/cli/demo.ts';
import { GUIDE_BODY, GUIDE_RESPONSE } from '../support/stack.ts';

let demo: RunningDemo;
beforeAll(async () => {
  demo = await startDemo({ port: 0, awsPort: 0 });
});
afterAll(async () => {
  await demo?.close();
});

describe('the demo', () => {
  it.each(['/echo', '/irsa/echo'])("%s answers the guide's request with the guide's response", async (path) => {
    const response = await fetch(`${demo.gatewayUrl}${path}`, { method: 'POST', body: GUIDE_BODY });
    expect(await response.text()).toBe(GUIDE_RESPONSE);
  });

  it('/stream sends server-sent events as the function writes them', { timeout: 20_000 }, async () => {
    const response = await fetch(`${demo.gatewayUrl}/stream`);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const arrivals: number[] = [];
    let text = '';
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      arrivals.push(Date.now());
      text += new TextDecoder().decode(read.value);
    }
    expect(text.match(/^event: tick$/gm)).toHaveLength(5);
    // Four 500 ms pauses: the first event arrived well before the last.
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThan(1_000);
  });

  it('/url reaches the Function URL, signed with the aws-creds keys', async () => {
    const response = await fetch(`${demo.gatewayUrl}/url/hello`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello from a Function URL: GET /url/hello, signed by arn:aws:iam::111111111111:user/gateway\n');
  });

  it('is ready, and says what it started', async () => {
    expect(await (await fetch(`${demo.gatewayUrl}/readyz`)).json()).toEqual({ status: 'ready' });
    expect(demo.summary).toContain('IRSA role chain (/irsa/echo): AWS_ROLE_ARN=arn:aws:iam::111111111111:role/lambda-auth-role');
    expect(demo.summary).toContain('then sts:AssumeRole into arn:aws:iam::222222222222:role/lambda-invoke-role');
    expect(demo.summary).not.toMatch(/eyJ|localDemoSecretKey/);
  });
});
