import { authenticateRequest } from './authenticate.ts';
import type { AwsError } from './errors.ts';
import type { LocalResponse } from './http-io.ts';
import type { RequestContext } from './request-context.ts';
import type { ServiceDefinition } from './service-definition.ts';
import type { StsAction } from './sts-action.ts';
import { assumeRoleAction } from './sts-assume-role.ts';
import { getCallerIdentityAction } from './sts-caller-identity.ts';
import { assumeRoleWithWebIdentityAction } from './sts-web-identity.ts';
import { stsInternalFailure, stsInvalidAction, stsMissingAction, stsRequestTooLarge, stsUnavailable } from './sts-errors.ts';
import { stsErrorXml, stsSuccessXml } from './sts-xml.ts';

/** Form bodies of real STS calls are a few KB; refuse anything far beyond that without buffering it. */
const MAX_STS_BODY_BYTES = 256 * 1024;

/**
 * Implemented actions. AssumeRoleWithWebIdentity is `signed: false`: it
 * authenticates with its token, not SigV4.
 */
const STS_ACTIONS: Record<string, StsAction> = {
  AssumeRole: assumeRoleAction,
  AssumeRoleWithWebIdentity: assumeRoleWithWebIdentityAction,
  GetCallerIdentity: getCallerIdentityAction,
};

/** STS's query-protocol XML error. */
export function renderStsError(error: AwsError, requestId: string): LocalResponse {
  return {
    status: error.status,
    headers: { ...error.headers, 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId },
    body: stsErrorXml(error.serverFault ? 'Receiver' : 'Sender', error.code, error.message, requestId),
  };
}

/** Query parameters merged with a form-encoded body (the SDKs POST the form; GET works too). */
function requestParameters(context: RequestContext, body: Buffer): URLSearchParams {
  const params = context.query();
  const contentType = String(context.request.headers['content-type'] ?? '');
  if (body.length > 0 && (contentType === '' || contentType.startsWith('application/x-www-form-urlencoded'))) {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params.append(key, value);
  }
  return params;
}

/** STS on `/` of the shared origin. */
export const stsService: ServiceDefinition = {
  name: 'sts',
  matches: (method, rawPath) => rawPath === '/' && (method === 'POST' || method === 'GET'),
  async handle(context: RequestContext): Promise<LocalResponse> {
    const body = await context.readBody(MAX_STS_BODY_BYTES);
    const params = body ? requestParameters(context, body) : context.query();
    const actionName = params.get('Action');
    context.beginAction(actionName ?? 'MissingAction');
    if (!body) throw stsRequestTooLarge();
    if (!actionName) throw stsMissingAction();
    // Own keys only: `Action=toString` must be InvalidAction, not Object.prototype.toString.
    const action = Object.hasOwn(STS_ACTIONS, actionName) ? STS_ACTIONS[actionName] : undefined;
    // Unknown actions are still authenticated first, as AWS does, so a bad signature is reported as such.
    const caller =
      action?.signed !== false
        ? await authenticateRequest(context.wire(body), { service: 'sts', credentials: context.state.credentials, now: context.state.now() })
        : undefined;
    if (!action) throw stsInvalidAction(actionName);
    const result = await action.run({ context, params, caller });
    return {
      status: 200,
      headers: { 'Content-Type': 'text/xml', 'x-amzn-RequestId': context.requestId },
      body: stsSuccessXml(actionName, result, context.requestId),
    };
  },
  renderError: renderStsError,
  unavailableError: stsUnavailable,
  internalError: stsInternalFailure,
};
