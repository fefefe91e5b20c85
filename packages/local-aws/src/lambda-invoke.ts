import type { FunctionRecord } from './account-directory.ts';
import type { RecordedInvocation } from './api-types.ts';
import { authenticateRequest } from './authenticate.ts';
import { AuthFailure } from './errors.ts';
import { logTailBase64 } from './function-logs.ts';
import { runInvocation, type InvocationSpec } from './function-runtime.ts';
import type { LocalResponse } from './http-io.ts';
import { assertMayInvoke, invocationResourceArn } from './lambda-authorize.ts';
import {
  functionNotFound,
  invalidParameterValue,
  invalidRequestContent,
  malformedFunctionName,
  requestTooLarge,
  reservedConcurrencyExceeded,
  validationError,
} from './lambda-errors.ts';
import { isValidQualifier, parseFunctionReference } from './lambda-function-name.ts';
import { parseInvokeOptions, payloadLimitFor, type InvokeOptions } from './lambda-invoke-options.ts';
import type { CallerPrincipal } from './principals.ts';
import type { RequestContext } from './request-context.ts';

/** The function, version and ARN an Invoke request resolved to. */
export interface InvokeTarget {
  fn: FunctionRecord;
  /** As requested (from the name or `?Qualifier=`). */
  qualifier: string | undefined;
  executedVersion: string;
  invokedFunctionArn: string;
}

/** What the function's runtime is told about this invocation (its context object and the event). */
export function invocationSpecFor(
  requestId: string,
  target: Pick<InvokeTarget, 'fn' | 'executedVersion' | 'invokedFunctionArn'>,
  clientContext: unknown,
  event: unknown,
): InvocationSpec {
  return {
    requestId,
    functionName: target.fn.name,
    functionVersion: target.executedVersion,
    invokedFunctionArn: target.invokedFunctionArn,
    memoryLimitInMB: target.fn.config.memorySizeMB,
    timeoutSeconds: target.fn.config.timeoutSeconds,
    clientContext,
    event,
  };
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw malformedFunctionName(segment);
  }
}

/**
 * Finds the target the way Lambda does: a full ARN names account and region;
 * a partial ARN names the account; a bare name lives in the CALLER's account
 * and the signing region. The signing region must be the function's region.
 */
export function resolveTarget(context: RequestContext, encodedName: string, caller: CallerPrincipal, signingRegion: string): InvokeTarget {
  const rawName = decodePathSegment(encodedName);
  const reference = parseFunctionReference(rawName);
  if (!reference) throw malformedFunctionName(rawName);

  const queryQualifier = context.query().get('Qualifier') || undefined;
  if (queryQualifier !== undefined && !isValidQualifier(queryQualifier)) {
    throw validationError('qualifier', queryQualifier, 'Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)');
  }
  if (reference.qualifier !== undefined && queryQualifier !== undefined && reference.qualifier !== queryQualifier) {
    throw invalidParameterValue('The derived qualifier from the function name does not match the specified qualifier.');
  }
  const qualifier = reference.qualifier ?? queryQualifier;

  const region = reference.region ?? signingRegion;
  if (region !== signingRegion) throw new AuthFailure('wrong-scope', 'Credential should be scoped to a valid region.');
  const accountId = reference.accountId ?? caller.accountId;
  const requestedArn = `arn:aws:lambda:${region}:${accountId}:function:${reference.name}`;
  const fn = context.state.directory.lambdaFunction(accountId, region, reference.name);
  if (!fn) throw functionNotFound(requestedArn);

  let executedVersion: string | undefined;
  if (qualifier === undefined || qualifier === '$LATEST') executedVersion = '$LATEST';
  else if (/^\d+$/.test(qualifier)) executedVersion = fn.config.versions.includes(qualifier) ? qualifier : undefined;
  else executedVersion = fn.config.aliases[qualifier];
  if (executedVersion === undefined) throw functionNotFound(`${fn.arn}:${qualifier}`);

  const invokedFunctionArn = qualifier === undefined ? fn.arn : `${fn.arn}:${qualifier}`;
  return { fn, qualifier, executedVersion, invokedFunctionArn };
}

export function parseEvent(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (error) {
    throw invalidRequestContent((error as Error).message);
  }
}

/** Runs the function and records what it received and how it ended. */
async function execute(
  context: RequestContext,
  target: InvokeTarget,
  caller: CallerPrincipal,
  options: InvokeOptions,
  event: unknown,
  invocationType: RecordedInvocation['invocationType'],
) {
  const { state } = context;
  const record = state.recorder.record({
    requestId: context.requestId,
    functionArn: target.fn.arn,
    qualifier: target.qualifier,
    executedVersion: target.executedVersion,
    invocationType,
    event,
    callerArn: caller.arn,
    clientContext: options.clientContext,
    at: new Date(state.now()),
  });
  const outcome = await runInvocation(
    () => state.functions.load(target.fn.config.handler),
    invocationSpecFor(context.requestId, target, options.clientContext, event),
  );
  record.outcome = {
    payload: outcome.payload,
    durationMs: outcome.durationMs,
    ...(outcome.functionError ? { functionError: outcome.functionError } : {}),
    ...(outcome.errorType ? { errorType: outcome.errorType } : {}),
  };
  return outcome;
}

/**
 * What Invoke and InvokeWithResponseStream check alike, in this order: SigV4, the invocation
 * headers (`checkOptions` may refuse them before the name is resolved), name resolution and
 * `lambda:InvokeFunction` authorisation. Logs the caller and the function.
 */
export async function authorizeInvocation(
  context: RequestContext,
  encodedFunctionName: string,
  body: Buffer,
  checkOptions?: (options: ReturnType<typeof parseInvokeOptions>) => void,
) {
  const { state } = context;
  const auth = await authenticateRequest(context.wire(body), { service: 'lambda', credentials: state.credentials, now: state.now() });
  context.logFields['caller'] = auth.principal.arn;
  const options = parseInvokeOptions(context.request.headers);
  checkOptions?.(options);
  const target = resolveTarget(context, encodedFunctionName, auth.principal, auth.signingRegion);
  context.logFields['functionArn'] = target.invokedFunctionArn;
  assertMayInvoke(state, auth.principal, target.fn, invocationResourceArn(target.fn, target.qualifier));
  return { auth, options, target };
}

/**
 * `POST /2015-03-31/functions/{FunctionName}/invocations`: size limit, SigV4,
 * header validation, name resolution, authorisation, then the invocation in
 * the requested mode (RequestResponse, Event or DryRun).
 */
export async function handleInvoke(context: RequestContext, encodedFunctionName: string): Promise<LocalResponse> {
  context.beginAction('Invoke');
  const { state } = context;
  const limit = payloadLimitFor(context.request.headers);
  const body = await context.readBody(limit);
  if (!body) throw requestTooLarge(limit);

  const { auth, options, target } = await authorizeInvocation(context, encodedFunctionName, body);

  const headers: Record<string, string> = { 'x-amzn-RequestId': context.requestId };
  if (options.invocationType === 'DryRun') return { status: 204, headers };
  const event = parseEvent(body);
  const limiter = state.limiterFor(target.fn);

  if (options.invocationType === 'Event') {
    // Accepted at once; the function runs afterwards, queued behind its concurrency limit.
    // Dropped (queue full or server closed) means it never runs, like an event Lambda discards.
    state.runInBackground(limiter.runWhenFree(() => execute(context, target, auth.principal, options, event, 'Event')));
    return { status: 202, headers };
  }

  const running = limiter.runIfFree(() => execute(context, target, auth.principal, options, event, 'RequestResponse'));
  if (!running) throw reservedConcurrencyExceeded();
  const outcome = await running;
  context.logFields['durationMs'] = outcome.durationMs;
  const responseHeaders: Record<string, string> = {
    ...headers,
    'Content-Type': 'application/json',
    'X-Amz-Executed-Version': target.executedVersion,
  };
  if (outcome.functionError) {
    responseHeaders['X-Amz-Function-Error'] = outcome.functionError;
    context.logFields['functionError'] = outcome.errorType;
  }
  if (options.logType === 'Tail') responseHeaders['X-Amz-Log-Result'] = logTailBase64(outcome.log.toString());
  return { status: 200, headers: responseHeaders, body: outcome.payload };
}
