/**
 * The little of express and autocannon the benchmark uses. Neither ships
 * types and their @types packages are not dependencies; these declarations
 * keep `tsc --noEmit` strict without adding any.
 */
declare module 'express' {
  import type { IncomingMessage, Server, ServerResponse } from 'node:http';
  interface Request extends IncomingMessage {
    body: unknown;
  }
  interface Response extends ServerResponse {
    status(code: number): Response;
    type(type: string): Response;
    json(body: unknown): Response;
    send(body: Buffer | string): Response;
  }
  type Handler = (req: Request, res: Response, next: (error?: unknown) => void) => unknown;
  interface Application {
    post(path: string, ...handlers: Handler[]): Application;
    listen(port: number, host: string, callback: () => void): Server;
  }
  interface Express {
    (): Application;
    raw(options: { type: string | (() => boolean); limit: string }): Handler;
  }
  const express: Express;
  export default express;
}

declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  interface Options {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    connections?: number;
    duration?: number;
    timeout?: number;
    pipelining?: number;
  }
  interface Histogram {
    average: number;
    mean: number;
    p50: number;
    p99: number;
    max: number;
    total: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    statusCodeStats: Record<string, { count: number }>;
  }
  interface Instance extends EventEmitter, PromiseLike<Result> {
    stop(): void;
  }
  function autocannon(options: Options): Instance;
  export default autocannon;
}
