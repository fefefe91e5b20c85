import { AuthFailure } from "./errors.js";
import { formatAmzDate, parseAmzDate, parseAuthorizationHeader } from "./sigv4-header.js";
import { computeSignature, sha256Hex, signaturesMatch } from "./sigv4-verify.js";
/** AWS rejects signatures more than 5 minutes away from its clock. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;
const REGION_PATTERN = /^[a-z]{2}(?:-gov)?-[a-z]+-\d$/;
function singleHeader(request, name) {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
function checkClockSkew(signedAt, now) {
    const signedMs = signedAt.getTime();
    const stamp = formatAmzDate(signedMs);
    if (signedMs < now - MAX_CLOCK_SKEW_MS) {
        throw new AuthFailure('signature-expired', `Signature expired: ${stamp} is now earlier than ${formatAmzDate(now - MAX_CLOCK_SKEW_MS)} (${formatAmzDate(now)} - 5 min.)`);
    }
    if (signedMs > now + MAX_CLOCK_SKEW_MS) {
        throw new AuthFailure('signature-expired', `Signature not yet current: ${stamp} is still later than ${formatAmzDate(now + MAX_CLOCK_SKEW_MS)} (${formatAmzDate(now)} + 5 min.)`);
    }
}
/**
 * Authenticates a SigV4 (header-signed) request for `service`, in the order
 * AWS's front end does: header shape, credential scope, key, session token,
 * token expiry, clock skew, then the signature itself. Throws AuthFailure.
 */
export async function authenticateRequest(request, options) {
    const authorizationHeader = singleHeader(request, 'authorization');
    if (!authorizationHeader) {
        if (/(?:^|&)X-Amz-(?:Signature|Credential)=/i.test(request.rawQuery)) {
            throw new AuthFailure('incomplete', 'Query-string (presigned) authentication is not supported by local AWS');
        }
        throw new AuthFailure('missing');
    }
    const authorization = parseAuthorizationHeader(authorizationHeader);
    const amzDate = singleHeader(request, 'x-amz-date');
    const signedAt = amzDate ? parseAmzDate(amzDate) : undefined;
    if (!amzDate || !signedAt) {
        // Real AWS also accepts a signed Date header; every AWS SDK and aws4fetch send X-Amz-Date.
        throw new AuthFailure('incomplete', "Authorization header requires existence of a valid 'X-Amz-Date' header.");
    }
    if (authorization.scopeDate !== amzDate.slice(0, 8)) {
        throw new AuthFailure('wrong-scope', `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${authorization.scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`);
    }
    if (authorization.scopeService !== options.service) {
        throw new AuthFailure('wrong-scope', `Credential should be scoped to correct service: '${options.service}'.`);
    }
    if (!REGION_PATTERN.test(authorization.scopeRegion)) {
        throw new AuthFailure('wrong-scope', 'Credential should be scoped to a valid region.');
    }
    const key = options.credentials.resolve(authorization.accessKeyId);
    if (!key)
        throw new AuthFailure('unknown-key');
    const presentedToken = singleHeader(request, 'x-amz-security-token');
    // Temporary keys are only valid with their own token; long-term keys with none at all.
    const expectedToken = key.kind === 'temporary' ? key.sessionToken : undefined;
    if (presentedToken !== expectedToken)
        throw new AuthFailure('unknown-key');
    if (key.kind === 'temporary' && key.expiresAt <= options.now)
        throw new AuthFailure('token-expired');
    checkClockSkew(signedAt, options.now);
    const contentHash = singleHeader(request, 'x-amz-content-sha256');
    // The signer trusts this header as the payload hash, so it must really be the body's hash.
    if (contentHash !== undefined && contentHash !== sha256Hex(request.body))
        throw new AuthFailure('bad-signature');
    const expected = await computeSignature(request, authorization, key.secretAccessKey, signedAt);
    if (!signaturesMatch(expected, authorization.signature))
        throw new AuthFailure('bad-signature');
    return {
        principal: key.principal,
        accessKeyId: authorization.accessKeyId,
        signingRegion: authorization.scopeRegion,
        temporary: key.kind === 'temporary',
    };
}
