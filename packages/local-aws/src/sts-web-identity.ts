import type { LocalAwsState } from './local-aws-state.ts';
import { OidcIssuer, TokenRejected, type WebIdentityClaims } from './oidc-issuer.ts';
import { conditionContext } from './policy-conditions.ts';
import { evaluateResourcePolicy } from './policy-eval.ts';
import { oidcProviderArn, type WebIdentityPrincipal } from './principals.ts';
import { issueRoleSession } from './role-session.ts';
import type { StsAction, StsActionInput } from './sts-action.ts';
import { stsExpiredWebIdentityToken, stsInvalidIdentityToken, stsWebIdentityAccessDenied } from './sts-errors.ts';
import { constraint, readRoleSessionParameters, rejectUnsupportedParameters, throwIfInvalid, type RoleSessionParameters } from './sts-parameters.ts';
import type { XmlTree } from './sts-xml.ts';

const ASSUME_ROLE_WITH_WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';
/** Session policies are not modelled; ProviderId is for OAuth 2.0 access tokens (Amazon, Facebook), not OIDC. */
const UNSUPPORTED_PARAMETERS = [/^Policy$/, /^PolicyArns\./, /^ProviderId$/];

interface WebIdentityParameters extends RoleSessionParameters {
  token: string;
}

function validateParameters(params: URLSearchParams): WebIdentityParameters {
  const problems: string[] = [];
  const session = readRoleSessionParameters(params, problems);
  const token = params.get('WebIdentityToken');
  // The token itself never goes into a message: it is a bearer credential.
  if (token === null) problems.push(constraint(null, 'webIdentityToken', 'Member must not be null'));
  else if (token.length < 4 || token.length > 20_000) {
    problems.push(`Value at 'webIdentityToken' failed to satisfy constraint: Member must have length between 4 and 20000`);
  }
  throwIfInvalid(problems);
  rejectUnsupportedParameters(params, UNSUPPORTED_PARAMETERS, 'session policies and OAuth 2.0 providers are not modelled');
  return { ...session, token: token! };
}

/**
 * STS's checks, in order: a well-formed JWT, a role that exists, an OIDC
 * provider for the token's issuer in the role's account, the signature,
 * expiry, the audience (the provider's client ids), then the trust policy
 * with the `<issuer>:sub` / `:aud` condition keys.
 */
async function verifiedClaims(
  state: LocalAwsState,
  input: WebIdentityParameters,
): Promise<{ claims: WebIdentityClaims; subject: WebIdentityPrincipal; audience: string; issuerKey: string }> {
  let claims: WebIdentityClaims;
  try {
    claims = OidcIssuer.peekClaims(input.token);
  } catch (error) {
    if (error instanceof TokenRejected) throw stsInvalidIdentityToken(error.message);
    throw error;
  }
  const role = state.directory.role(input.roleArn);
  if (!role) throw stsWebIdentityAccessDenied();
  const issuerKey = claims.iss.replace(/^https:\/\//, '');
  const provider = state.directory.oidcProvider(role.accountId, issuerKey);
  if (!claims.iss.startsWith('https://') || !provider) {
    throw stsInvalidIdentityToken(`No OpenIDConnect provider found in your account for ${claims.iss}`);
  }
  try {
    await state.oidcIssuer.verifySignature(input.token);
  } catch (error) {
    if (error instanceof TokenRejected) throw stsInvalidIdentityToken(error.message);
    throw error;
  }
  const nowSeconds = Math.floor(state.now() / 1000);
  if (claims.exp <= nowSeconds) throw stsExpiredWebIdentityToken(nowSeconds, claims.exp);
  if (claims.nbf !== undefined && claims.nbf > nowSeconds) throw stsInvalidIdentityToken('The ID Token provided is not yet valid (nbf is in the future).');
  const audience = claims.aud.find((aud) => provider.clientIds.includes(aud));
  if (!audience) throw stsInvalidIdentityToken('Incorrect token audience');
  return { claims, subject: { kind: 'web-identity', providerArn: oidcProviderArn(role.accountId, issuerKey) }, audience, issuerKey };
}

/** `Action=AssumeRoleWithWebIdentity` (unsigned: the token is the proof). */
export const assumeRoleWithWebIdentityAction: StsAction = {
  signed: false,
  async run({ context, params }: StsActionInput): Promise<XmlTree> {
    const { state } = context;
    const input = validateParameters(params);
    const { claims, subject, audience, issuerKey } = await verifiedClaims(state, input);
    const role = state.directory.role(input.roleArn)!;
    // No signed caller, so no identity policy: the trust policy alone decides (an explicit Deny wins).
    const trust = evaluateResourcePolicy(role.config.trustPolicy, subject, {
      action: ASSUME_ROLE_WITH_WEB_IDENTITY,
      resource: role.arn,
      context: conditionContext({
        [`${issuerKey}:sub`]: claims.sub,
        [`${issuerKey}:aud`]: audience,
        'aws:FederatedProvider': subject.providerArn,
        'sts:RoleSessionName': input.roleSessionName,
      }),
    });
    if (trust.explicitDeny || !trust.allowedBy) throw stsWebIdentityAccessDenied();
    const { principal, credentialsElement } = issueRoleSession(state, role, input.roleSessionName, input.durationSeconds);
    context.logFields['caller'] = `${subject.providerArn} sub=${claims.sub}`;
    context.logFields['tokenId'] = claims.jti;
    context.logFields['assumedRole'] = principal.arn;
    return {
      Credentials: credentialsElement,
      SubjectFromWebIdentityToken: claims.sub,
      AssumedRoleUser: { AssumedRoleId: principal.userId, Arn: principal.arn },
      Provider: subject.providerArn,
      Audience: audience,
    };
  },
};
