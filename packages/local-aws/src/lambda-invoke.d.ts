import type { LocalResponse } from './http-io.ts';
import type { RequestContext } from './request-context.ts';
/**
 * `POST /2015-03-31/functions/{FunctionName}/invocations`: size limit, SigV4,
 * header validation, name resolution, authorisation, then the invocation in
 * the requested mode (RequestResponse, Event or DryRun).
 */
export declare function handleInvoke(context: RequestContext, encodedFunctionName: string): Promise<LocalResponse>;
